package io.canvass.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The client credentials of a service account; the secret is kept only as a bcrypt hash. */
@Entity
@Table(name = "service_account")
@NamedQuery(name = "ServiceAccountCredential.byClientId", query = "from ServiceAccountCredential c where c.clientId = :clientId")
public class ServiceAccountCredential {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "client_id", nullable = false, unique = true)
    public String clientId;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** What the account may do beyond reading its scope: PAYROLL exports commission statements. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] grants = new String[0];
}
