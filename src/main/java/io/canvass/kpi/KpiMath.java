package io.canvass.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The arithmetic of indicators: rates, achievement and the funnel. Pure functions over counts. */
public final class KpiMath {

    /** The funnel's stages in order. */
    public static final List<String> STAGES = List.of("INITIAL_INTENT", "HIGH_INTENT", "KEY_ACCOUNT", "WON");

    private KpiMath() {
    }

    /** part / whole as a fraction with 4 decimals (half-up), or null when there is no whole to measure against. */
    public static BigDecimal rate(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** actual / target as a fraction with 4 decimals, or null for no (or a zero) target or an unmeasured actual. */
    public static BigDecimal achievement(BigDecimal actual, BigDecimal target) {
        if (actual == null || target == null || target.signum() <= 0) {
            return null;
        }
        return actual.divide(target, 4, RoundingMode.HALF_UP);
    }

    /** One stage of a funnel: how many reached it, and which share of the previous stage did (null for the first). */
    public record Stage(String stage, long count, BigDecimal conversion) {
    }

    /** A funnel and the step that loses the largest share of the stage before it. */
    public record Funnel(List<Stage> stages, String largestDropOff) {
    }

    /**
     * Builds the funnel from the number that reached each stage. The largest drop-off is the stage
     * with the lowest conversion from the one before (ties: the earlier); none when no step has a base.
     */
    public static Funnel funnel(long[] reached) {
        List<Stage> stages = new ArrayList<>();
        String worst = null;
        BigDecimal worstRate = null;
        for (int i = 0; i < reached.length; i++) {
            BigDecimal conversion = i == 0 ? null : rate(reached[i], reached[i - 1]);
            stages.add(new Stage(STAGES.get(i), reached[i], conversion));
            if (conversion != null && (worstRate == null || conversion.compareTo(worstRate) < 0)) {
                worstRate = conversion;
                worst = STAGES.get(i);
            }
        }
        return new Funnel(stages, worst);
    }

    /** Median of values (mean of the middle two for an even count); null for none. */
    public static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().filter(java.util.Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
    }

    /**
     * How many a week are still needed to reach {@code target} from {@code actual} with {@code daysLeft}
     * days to go (rounded up); 0 when reached; null when no time is left.
     */
    public static Long perWeekNeeded(BigDecimal target, BigDecimal actual, long daysLeft) {
        BigDecimal missing = target.subtract(actual == null ? BigDecimal.ZERO : actual);
        if (missing.signum() <= 0) {
            return 0L;
        }
        if (daysLeft <= 0) {
            return null;
        }
        return missing.multiply(BigDecimal.valueOf(7)).divide(BigDecimal.valueOf(daysLeft), 0, RoundingMode.CEILING).longValueExact();
    }

    /** An amount in one currency. */
    public record Money(String currency, BigDecimal amount) {
    }

    /**
     * Collections in one currency: instalments due in the period, collected against them so far,
     * {@code rate} = collected / due (4 decimals, null when nothing was due), and payments received in
     * the period.
     */
    public record Collection(String currency, BigDecimal due, BigDecimal collected, BigDecimal rate, BigDecimal received) {
    }

    /** An amount rounded (half-up) to its currency's minor units. */
    public static BigDecimal minor(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(digits, RoundingMode.HALF_UP);
    }

    /** Amounts per currency, in currency order. */
    public static List<Money> money(Map<String, BigDecimal> byCurrency) {
        return new TreeSet<>(byCurrency.keySet()).stream().map(c -> new Money(c, minor(byCurrency.get(c), c))).toList();
    }

    /** Average amount per currency: the total over the count in that currency (currencies without a count are left out). */
    public static List<Money> averages(Map<String, BigDecimal> totals, Map<String, Long> counts) {
        return new TreeSet<>(totals.keySet()).stream()
                .filter(c -> counts.getOrDefault(c, 0L) > 0)
                .map(c -> new Money(c, totals.get(c).divide(BigDecimal.valueOf(counts.get(c)),
                        Math.max(0, Currency.getInstance(c).getDefaultFractionDigits()), RoundingMode.HALF_UP)))
                .toList();
    }

    /** Collections per currency, from the amounts due, collected against them and received in the period. */
    public static List<Collection> collections(Map<String, BigDecimal> due, Map<String, BigDecimal> collected, Map<String, BigDecimal> received) {
        TreeSet<String> currencies = new TreeSet<>(due.keySet());
        currencies.addAll(received.keySet());
        return currencies.stream().map(c -> {
            BigDecimal d = due.getOrDefault(c, BigDecimal.ZERO);
            BigDecimal k = collected.getOrDefault(c, BigDecimal.ZERO);
            return new Collection(c, minor(d, c), minor(k, c), d.signum() == 0 ? null : k.divide(d, 4, RoundingMode.HALF_UP),
                    minor(received.getOrDefault(c, BigDecimal.ZERO), c));
        }).toList();
    }

    /** total / count days with one decimal (half-up), or null for no count. */
    public static BigDecimal averageDays(long totalDays, long count) {
        if (count <= 0) {
            return null;
        }
        return BigDecimal.valueOf(totalDays).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }
}
