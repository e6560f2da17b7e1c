package io.canvass.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

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
}
