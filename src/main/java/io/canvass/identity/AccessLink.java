package io.canvass.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A one-time link with which a person sets their password: an invite (new user) or a reset. Only
 * the SHA-256 of its token is stored; it is spent once, expires, and is replaced by a newer one.
 */
@Entity
@Table(name = "access_link")
@NamedQuery(name = "AccessLink.byHash", query = "from AccessLink l where l.tokenHash = :hash")
@NamedQuery(name = "AccessLink.replaceOpen", query = """
        update AccessLink l set l.replacedAt = :now
        where l.userId = :userId and l.id <> :keep and l.usedAt is null and l.replacedAt is null""")
@NamedQuery(name = "AccessLink.purge", query = "delete from AccessLink l where l.expiresAt < :before")
public class AccessLink {

    /** What the link is for; both set the password, an invite welcomes a new user. */
    public enum Purpose {
        INVITE, RESET
    }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "issued_by")
    public UUID issuedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "replaced_at")
    public Instant replacedAt;
}
