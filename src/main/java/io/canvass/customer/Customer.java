package io.canvass.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

/** A lead or customer, owned by a rep in a team. */
@Entity
@Table(name = "customer")
@NamedQuery(name = "Customer.withOwnerZone", query = """
        select c, u.timeZone from Customer c join User u on u.id = c.ownerId where c.id = :id""")
public class Customer {

    /** A: strategic, B: potential, C: long tail. */
    public enum Grade { A, B, C }

    /** Lead stages: initial intent → high intent → key account → won / lost. */
    public enum Stage { INITIAL_INTENT, HIGH_INTENT, KEY_ACCOUNT, WON, LOST }

    public enum Size { MICRO, SMALL, MEDIUM, LARGE, ENTERPRISE }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String industry;

    @Enumerated(EnumType.STRING)
    public Size size;

    public String address;

    public Double lat;

    public Double lng;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Grade grade;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(name = "lost_reason")
    public String lostReason;

    public String source;

    /** The integrator's own key (batch upserts find the customer by it). */
    @Column(name = "external_id")
    public String externalId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] tags = new String[0];

    public String notes;

    @Column(name = "cadence_days_override")
    public Integer cadenceDaysOverride;

    @Column(name = "last_touched_at")
    public Instant lastTouchedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** Active customers are followed up; lost or deleted ones are not. */
    public boolean isActive() {
        return deletedAt == null && stage != Stage.LOST;
    }
}
