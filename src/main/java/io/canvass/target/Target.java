package io.canvass.target;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** One node of a target tree: what a subject (the organisation, a team, a rep) plans to reach in a period. */
@Entity
@Table(name = "target")
@NamedQuery(name = "Target.children", query = "from Target t where t.parentId = :parentId order by t.level, t.id")
@NamedQuery(name = "Target.childrenSum", query = "select coalesce(sum(t.value), 0) from Target t where t.parentId = :parentId and t.id <> :except")
public class Target {

    public enum Level { ORGANISATION, TEAM, REP }

    public enum Metric {
        REVENUE(true), NEW_CUSTOMERS(false), EFFECTIVE_VISITS(false), COLLECTIONS(true), DEALS_WON(false);

        private final boolean money;

        Metric(boolean money) {
            this.money = money;
        }

        /** Measured in a currency (otherwise a whole count). */
        public boolean money() {
            return money;
        }
    }

    public enum Status { DRAFT, SUBMITTED, APPROVED, RETURNED }

    @Id
    public UUID id;

    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind", nullable = false)
    public Period.Kind periodKind;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Metric metric;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    @Column(length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "remainder_note")
    public String remainderNote;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "submitted_by")
    public UUID submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "reviewed_by")
    public UUID reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "created_by")
    public UUID createdBy;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public Period period() {
        return new Period(periodKind, periodStart, periodEnd);
    }
}
