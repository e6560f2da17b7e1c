package io.canvass.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a chain (family). Only its SHA-256 is stored. Each use spends it and
 * issues the next of the same family; presenting a spent one revokes the whole family.
 */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = "RefreshToken.byHash", query = "from RefreshToken t where t.tokenHash = :hash")
@NamedQuery(name = "RefreshToken.spend", query = "update RefreshToken t set t.usedAt = :now where t.id = :id and t.usedAt is null and t.revokedAt is null")
@NamedQuery(name = "RefreshToken.revokeFamily", query = "update RefreshToken t set t.revokedAt = :now where t.familyId = :familyId and t.revokedAt is null")
@NamedQuery(name = "RefreshToken.revokeUser", query = "update RefreshToken t set t.revokedAt = :now where t.userId = :userId and t.revokedAt is null")
public class RefreshToken {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
