package io.canvass.contract;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Renewal windows and escalation. Defaults apply to every customer grade; a grade may have its
 * own, e.g. {@code canvass.renewals.grade.A.windows=120,90,60,30,7}.
 */
@ConfigMapping(prefix = "canvass.renewals")
public interface RenewalConfig {

    /** Days before a contract's last day at which a renewal reminder fires; entering the largest opens the evaluation. */
    @WithDefault("90,60,30,7")
    List<Integer> windows();

    /** Days before the last day from which the manager is escalated to when the owner has not acted. */
    @WithDefault("30")
    int escalateDaysBefore();

    /** Per customer grade (A, B, C): windows and escalation point that replace the defaults. */
    Map<String, Grade> grade();

    /** How often the renewal scan runs (each contract is evaluated at most once per day in its owner's time zone). */
    @WithDefault("1h")
    String scanEvery();

    /** How long after start-up the renewal scan first runs. */
    @WithDefault("1m")
    String scanDelay();

    /** One grade's policy. */
    interface Grade {
        Optional<List<Integer>> windows();

        OptionalInt escalateDaysBefore();
    }

    /** The policy for a customer grade. */
    default RenewalRules.Policy policy(String grade) {
        Grade own = grade().get(grade);
        List<Integer> windows = own != null && own.windows().isPresent() ? own.windows().get() : windows();
        int escalate = own != null && own.escalateDaysBefore().isPresent() ? own.escalateDaysBefore().getAsInt() : escalateDaysBefore();
        return RenewalRules.Policy.of(windows, escalate);
    }

    /** The widest window of any grade: contracts ending further out are not looked at. */
    default int widestWindow() {
        int widest = windows().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Grade g : grade().values()) {
            widest = Math.max(widest, g.windows().orElse(List.of()).stream().mapToInt(Integer::intValue).max().orElse(0));
        }
        return Math.max(widest, escalateDaysBefore());
    }
}
