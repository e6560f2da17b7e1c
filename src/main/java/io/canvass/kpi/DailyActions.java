package io.canvass.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.canvass.target.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Action targets for the rest of a period, derived from a rep's approved targets and their own
 * conversion: "to reach N new customers this month at your 4 effective visits per new customer you
 * need 6 effective visits a week".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DailyActions(String period, long daysLeft, BigDecimal visitsPerNewCustomer, List<Action> actions) {

    /**
     * One target's action: how much is still missing, how many a week that means, and how many
     * effective visits a week it takes at the rep's own rate (absent when there is no rate yet).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(Target.Metric metric, BigDecimal target, BigDecimal actual, BigDecimal remaining, Long perWeek,
                         Long visitsPerWeek) {
    }

    /** Effective visits per new customer over the look-back, or null before the rep has won any new customer. */
    public static BigDecimal visitsPerNewCustomer(long effectiveVisits, long newCustomers) {
        if (newCustomers <= 0 || effectiveVisits <= 0) {
            return null;
        }
        return BigDecimal.valueOf(effectiveVisits).divide(BigDecimal.valueOf(newCustomers), 2, RoundingMode.HALF_UP);
    }

    /** Targets a rep acts on with visits (money and deals follow from them, and are not turned into weekly actions). */
    public static boolean actionable(Target.Metric metric) {
        return metric == Target.Metric.EFFECTIVE_VISITS || metric == Target.Metric.NEW_CUSTOMERS;
    }

    /** The action for one approved target, from the period's actual so far and the rep's rate. */
    public static Action of(Target.Metric metric, BigDecimal target, BigDecimal actual, long daysLeft, BigDecimal visitsPerNew) {
        BigDecimal remaining = target.subtract(actual).max(BigDecimal.ZERO);
        Long perWeek = KpiMath.perWeekNeeded(target, actual, daysLeft);
        Long visits = switch (metric) {
            case EFFECTIVE_VISITS -> perWeek;
            case NEW_CUSTOMERS -> perWeek == null || visitsPerNew == null ? null
                    : KpiMath.perWeekNeeded(remaining.multiply(visitsPerNew), BigDecimal.ZERO, daysLeft);
            default -> null;
        };
        return new Action(metric, KpiService.plain(target), actual, KpiService.plain(remaining), perWeek, visits);
    }
}
