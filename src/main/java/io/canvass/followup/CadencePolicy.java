package io.canvass.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.UpdateTimestamp;

/** How often customers of a grade or a stage must be touched, and when an overdue touch counts as missed. */
@Entity
@Table(name = "cadence_policy")
@IdClass(CadencePolicy.Key.class)
public class CadencePolicy {

    public enum Kind { GRADE, STAGE }

    @Id
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    @Id
    public String code;

    @Column(name = "interval_days", nullable = false)
    public int intervalDays;

    @Column(name = "miss_after_days", nullable = false)
    public int missAfterDays;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** Composite key. */
    public record Key(Kind kind, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
