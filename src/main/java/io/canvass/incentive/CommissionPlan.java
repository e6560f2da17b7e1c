package io.canvass.incentive;

import io.canvass.target.Period;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A commission plan as the calculation reads it. Achievement bounds ({@code from}, {@code to}) are
 * percentages of the target, inclusive at the lower end and exclusive at the upper one: at exactly
 * 80 % the 80–100 tier applies. Rates are percentages of the base.
 *
 * @param appliesRole the role whose members it covers (or null when it is a team's plan)
 * @param teamId the team whose subtree it covers (or null when it is a role's plan)
 * @param cap the most a statement pays before adjustments, or null for no cap
 */
public record CommissionPlan(UUID id, String name, Period.Kind periodKind, String appliesRole, UUID teamId, Base base,
                             Currency currency, BigDecimal cap, List<Tier> tiers, List<OneOff> oneOffs, int version) {

    /** What commission is paid on. */
    public enum Base {
        /** Deals won in the period (their amount), credited to the owner of their customer. */
        REVENUE_WON,
        /** Payments received in the period on contracts of the rep's customers. */
        COLLECTED;

        /** The target metric achievement is measured against. */
        public io.canvass.target.Target.Metric metric() {
            return this == REVENUE_WON ? io.canvass.target.Target.Metric.REVENUE : io.canvass.target.Target.Metric.COLLECTIONS;
        }
    }

    /**
     * One band of achievement.
     *
     * @param from lowest achievement (percent of target) in the band, inclusive
     * @param to achievement (percent) where the next band starts, exclusive; null for the open-ended last band
     * @param rate percent of the whole base paid in this band
     * @param extraRate percent paid in addition on the part of the base above {@code from} % of the target (the accelerator)
     */
    public record Tier(BigDecimal from, BigDecimal to, BigDecimal rate, BigDecimal extraRate) {
    }

    /** What a one-off reward is paid for. */
    public enum OneOffKind {
        /** Each deal won in the period whose amount is at least {@code above}. */
        DEAL_WON_ABOVE,
        /** Each grade-A customer whose first deal ever won falls in the period (a new key account). */
        KEY_ACCOUNT_WON
    }

    /** A fixed reward in the plan's currency. */
    public record OneOff(OneOffKind kind, BigDecimal reward, BigDecimal above) {
    }
}
