package io.canvass.expense;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** Money a rep spent and asks back, with its place in the approval workflow. */
@Entity
@Table(name = "expense_claim")
public class ExpenseClaim {

    /** draft → submitted → manager approved → finance approved → paid; returned goes back to the rep. */
    public enum Status {
        DRAFT, SUBMITTED, MANAGER_APPROVED, FINANCE_APPROVED, PAID, RETURNED;

        /** The rep may still change it. */
        public boolean editable() {
            return this == DRAFT || this == RETURNED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "spent_on", nullable = false)
    public LocalDate spentOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExpenseCategory category;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "deal_id")
    public UUID dealId;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "manager_approved_by")
    public UUID managerApprovedBy;

    @Column(name = "manager_approved_at")
    public Instant managerApprovedAt;

    @Column(name = "finance_approved_by")
    public UUID financeApprovedBy;

    @Column(name = "finance_approved_at")
    public Instant financeApprovedAt;

    @Column(name = "paid_by")
    public UUID paidBy;

    @Column(name = "paid_at")
    public Instant paidAt;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
