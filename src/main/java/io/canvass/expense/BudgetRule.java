package io.canvass.expense;

import java.math.BigDecimal;

/**
 * The over-budget rule. A claim may be submitted when, in its team's budget for its category,
 * month and currency, what is already spent (finance approved or paid) plus what is committed
 * (submitted or manager approved) plus the claim stays within the budget plus the amounts of
 * approved pre-approvals for the same team, category, month and currency. With no such budget
 * the budget counts as zero, so the claim needs a pre-approval.
 */
public final class BudgetRule {

    private BudgetRule() {
    }

    /**
     * What is known about one budget at the time a claim is submitted.
     *
     * @param budget the budget's amount, or null when there is none
     * @param preApproved approved pre-approvals for the same team, category, month and currency
     * @param spent finance approved and paid claims
     * @param committed submitted and manager approved claims (not the claim at hand)
     */
    public record Usage(BigDecimal budget, BigDecimal preApproved, BigDecimal spent, BigDecimal committed) {

        /** Budget plus pre-approvals: what may be spent and committed in all. */
        public BigDecimal allowance() {
            return (budget == null ? BigDecimal.ZERO : budget).add(preApproved);
        }

        /** What is left before the claim: allowance − spent − committed (negative when already over). */
        public BigDecimal remaining() {
            return allowance().subtract(spent).subtract(committed);
        }
    }

    /** By how much the claim would exceed the allowance; zero when it fits. */
    public static BigDecimal overBy(Usage usage, BigDecimal claim) {
        BigDecimal over = claim.subtract(usage.remaining());
        return over.signum() > 0 ? over : BigDecimal.ZERO;
    }
}
