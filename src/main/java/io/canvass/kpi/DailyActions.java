package io.canvass.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.canvass.target.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Action targets for the rest of a period, derived from a rep's approved targets and their own
 * conversion over a look-back: "to reach N new customers this month at your 4 effective visits per
 * new customer you need 6 effective visits a week", "to reach revenue X this month at your average
 * deal of Y you need Z more deals; at your 10 effective visits per deal won that is W visits a week".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DailyActions(String period, long daysLeft, BigDecimal visitsPerNewCustomer, BigDecimal visitsPerDeal,
                           List<Action> actions) {

    /**
     * One target's action: how much is still missing and how much a week that means; for revenue and
     * deals the deals still needed (revenue through the rep's average deal in the target's currency);
     * and how many effective visits a week it takes at the rep's own rates (absent without a rate yet,
     * and for collections, which come from the contracts' instalments rather than from visits).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(Target.Metric metric, String currency, BigDecimal target, BigDecimal actual, BigDecimal remaining, Long perWeek,
                         Long dealsNeeded, Long visitsPerWeek) {
    }

    /** A rep's own rates over the look-back; each null until there is something to divide by. */
    public record Rates(BigDecimal visitsPerNewCustomer, BigDecimal visitsPerDeal, Map<String, BigDecimal> averageDeal) {

        public static Rates of(RepNumbers history) {
            Map<String, BigDecimal> average = new TreeMap<>();
            history.revenue.forEach((currency, amount) -> {
                long deals = history.wonByCurrency.getOrDefault(currency, 0L);
                if (deals > 0 && amount.signum() > 0) {
                    average.put(currency, amount.divide(BigDecimal.valueOf(deals), 2, RoundingMode.HALF_UP));
                }
            });
            return new Rates(ratio(history.effectiveVisits, history.newCustomers), ratio(history.effectiveVisits, history.dealsWon), average);
        }
    }

    /** Effective visits per new customer (or per deal won), or null before the rep has any. */
    public static BigDecimal ratio(long effectiveVisits, long results) {
        if (results <= 0 || effectiveVisits <= 0) {
            return null;
        }
        return BigDecimal.valueOf(effectiveVisits).divide(BigDecimal.valueOf(results), 2, RoundingMode.HALF_UP);
    }

    /** The action for one approved target, from the period's actual so far and the rep's rates. */
    public static Action of(Target.Metric metric, String currency, BigDecimal target, BigDecimal actual, long daysLeft, Rates rates) {
        BigDecimal remaining = target.subtract(actual).max(BigDecimal.ZERO);
        Long perWeek = KpiMath.perWeekNeeded(target, actual, daysLeft);
        BigDecimal average = currency == null ? null : rates.averageDeal().get(currency);
        Long deals = switch (metric) {
            case DEALS_WON -> remaining.setScale(0, RoundingMode.CEILING).longValueExact();
            case REVENUE -> average == null ? null : remaining.divide(average, 0, RoundingMode.CEILING).longValueExact();
            default -> null;
        };
        Long visits = switch (metric) {
            case EFFECTIVE_VISITS -> perWeek;
            case NEW_CUSTOMERS -> visitsPerWeek(perWeek, remaining, rates.visitsPerNewCustomer(), daysLeft);
            case DEALS_WON, REVENUE -> deals == null ? null : visitsPerWeek(perWeek, BigDecimal.valueOf(deals), rates.visitsPerDeal(), daysLeft);
            case COLLECTIONS -> null;
        };
        return new Action(metric, currency, KpiService.plain(target), actual, KpiService.plain(remaining), perWeek, deals, visits);
    }

    private static Long visitsPerWeek(Long perWeek, BigDecimal results, BigDecimal visitsPerResult, long daysLeft) {
        return perWeek == null || visitsPerResult == null ? null
                : KpiMath.perWeekNeeded(results.multiply(visitsPerResult), BigDecimal.ZERO, daysLeft);
    }
}
