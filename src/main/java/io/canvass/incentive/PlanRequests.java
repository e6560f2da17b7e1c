package io.canvass.incentive;

import io.canvass.platform.Money;
import io.canvass.platform.ProblemException;
import io.canvass.target.Period;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a plan's creation or replacement, and the rules that span its fields. */
@RegisterForReflection
public record PlanRequests(@NotBlank @Size(max = 120) String name,
                           @NotNull PeriodKind periodKind,
                           EarnerRole appliesToRole,
                           UUID teamId,
                           @NotNull CommissionPlan.Base base,
                           @NotBlank String currency,
                           @Schema(minimum = "0") BigDecimal cap,
                           @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull TierRequest> tiers,
                           @Size(max = 10) List<@Valid @NotNull OneOffRequest> oneOffs,
                           Integer version) {

    /** Plans run by month or by quarter. */
    public enum PeriodKind { MONTH, QUARTER }

    /** Roles a plan may cover. */
    public enum EarnerRole { REP, MANAGER }

    @RegisterForReflection
    public record TierRequest(@Schema(description = "Achievement in percent of the target where the tier starts: 0 for the first, the previous tier's to after", minimum = "0", maximum = "1000") BigDecimal from,
                              @Schema(description = "Where the tier ends; absent only on the last", minimum = "0", exclusiveMinimum = true, maximum = "1000") BigDecimal to,
                              @Schema(minimum = "0", maximum = "100") BigDecimal rate,
                              @Schema(minimum = "0", maximum = "100") BigDecimal extraRate) {
    }

    @RegisterForReflection
    public record OneOffRequest(@NotNull CommissionPlan.OneOffKind kind, @Schema(minimum = "0", exclusiveMinimum = true) BigDecimal reward,
                                @Schema(minimum = "0", exclusiveMinimum = true) BigDecimal above) {
    }

    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_BOUND = BigDecimal.valueOf(1000);

    /**
     * The plan these fields describe, or a validation problem naming the first field that is wrong:
     * exactly one of appliesToRole and teamId; tiers starting at 0 %, each starting where the one
     * before ends (no gap, no overlap), the last open-ended; rates between 0 and 100 %; amounts in
     * the currency's minor units.
     */
    CommissionPlan toPlan(UUID id, int version) {
        if ((appliesToRole == null) == (teamId == null)) {
            throw ProblemException.invalid("appliesToRole", "name either a role (appliesToRole) or a team (teamId), not both and not neither");
        }
        Currency money = Money.currency("currency", currency);
        BigDecimal capped = cap == null ? null : Money.amount("cap", cap, money, false);
        List<CommissionPlan.Tier> bands = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            bands.add(tier(i, tiers.get(i), i == 0 ? null : tiers.get(i - 1), i == tiers.size() - 1));
        }
        List<CommissionPlan.OneOff> rewards = new ArrayList<>();
        List<OneOffRequest> given = oneOffs == null ? List.of() : oneOffs;
        for (int i = 0; i < given.size(); i++) {
            rewards.add(oneOff(i, given.get(i), money));
        }
        return new CommissionPlan(id, name.trim(), Period.Kind.valueOf(periodKind.name()),
                appliesToRole == null ? null : appliesToRole.name(), teamId, base, money, capped, List.copyOf(bands), List.copyOf(rewards), version);
    }

    private static CommissionPlan.Tier tier(int i, TierRequest tier, TierRequest before, boolean last) {
        String field = "tiers[" + i + "]";
        if (tier.from() == null) {
            throw ProblemException.invalid(field + ".from", "is required (achievement in percent of the target where the tier starts)");
        }
        if (i == 0 && tier.from().signum() != 0) {
            throw ProblemException.invalid(field + ".from", "the first tier must start at 0");
        }
        if (before != null && before.to() != null && tier.from().compareTo(before.to()) != 0) {
            throw ProblemException.invalid(field + ".from", (tier.from().compareTo(before.to()) > 0 ? "leaves a gap: " : "overlaps: ")
                    + "it must start where tier " + (i - 1) + " ends (" + before.to().stripTrailingZeros().toPlainString() + ")");
        }
        if (last && tier.to() != null) {
            throw ProblemException.invalid(field + ".to", "the last tier is open-ended (no to), so every achievement falls in a tier");
        }
        if (!last && tier.to() == null) {
            throw ProblemException.invalid(field + ".to", "is required: only the last tier is open-ended");
        }
        if (tier.to() != null && tier.to().compareTo(tier.from()) <= 0) {
            throw ProblemException.invalid(field + ".to", "must be above from");
        }
        if (tier.to() != null && tier.to().compareTo(MAX_BOUND) > 0) {
            throw ProblemException.invalid(field + ".to", "must be at most 1000 (%)");
        }
        rate(field + ".rate", tier.rate(), true);
        rate(field + ".extraRate", tier.extraRate(), false);
        return new CommissionPlan.Tier(tier.from(), tier.to(), tier.rate(), tier.extraRate() == null ? BigDecimal.ZERO : tier.extraRate());
    }

    private static void rate(String field, BigDecimal rate, boolean required) {
        if (rate == null) {
            if (required) {
                throw ProblemException.invalid(field, "is required (percent of the base, 0 for none)");
            }
            return;
        }
        if (rate.signum() < 0) {
            throw ProblemException.invalid(field, "must not be negative");
        }
        if (rate.compareTo(MAX_RATE) > 0) {
            throw ProblemException.invalid(field, "must be at most 100 (%)");
        }
        if (rate.stripTrailingZeros().scale() > 4) {
            throw ProblemException.invalid(field, "has at most 4 decimals");
        }
    }

    private static CommissionPlan.OneOff oneOff(int i, OneOffRequest rule, Currency money) {
        String field = "oneOffs[" + i + "]";
        BigDecimal reward = Money.amount(field + ".reward", rule.reward(), money, true);
        BigDecimal above = null;
        if (rule.kind() == CommissionPlan.OneOffKind.DEAL_WON_ABOVE) {
            above = Money.amount(field + ".above", rule.above(), money, true);
        } else if (rule.above() != null) {
            throw ProblemException.invalid(field + ".above", "only a DEAL_WON_ABOVE reward has an amount to exceed");
        }
        return new CommissionPlan.OneOff(rule.kind(), reward, above);
    }
}
