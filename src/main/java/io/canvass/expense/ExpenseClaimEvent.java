package io.canvass.expense;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a claim's history: who did what, when, and what they said. */
@Entity
@Table(name = "expense_claim_event")
public class ExpenseClaimEvent {

    public enum Action {
        CREATED, UPDATED, SUBMITTED, WITHDRAWN, MANAGER_APPROVED, FINANCE_APPROVED, PAID, RETURNED
    }

    @Id
    public UUID id;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id")
    public UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ExpenseClaim.Status fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ExpenseClaim.Status toStatus;

    public String comment;
}
