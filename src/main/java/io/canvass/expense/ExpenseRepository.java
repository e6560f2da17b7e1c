package io.canvass.expense;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Expense claims, and their receipts, history, budgets and pre-approvals. */
@ApplicationScoped
public class ExpenseRepository implements PanacheRepositoryBase<ExpenseClaim, UUID> {

    @ApplicationScoped
    public static class Events implements PanacheRepositoryBase<ExpenseClaimEvent, UUID> {
    }

    @ApplicationScoped
    public static class Receipts implements PanacheRepositoryBase<ExpenseReceipt, UUID> {
        public Uni<Long> countOf(UUID claimId) {
            return count("claimId", claimId);
        }
    }

    @ApplicationScoped
    public static class Budgets implements PanacheRepositoryBase<ExpenseBudget, UUID> {
    }

    @ApplicationScoped
    public static class PreApprovals implements PanacheRepositoryBase<ExpensePreApproval, UUID> {
    }
}
