package io.canvass.contract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * What the renewal scan does with a contract on a day (the owner's today). Pure, so it is tested
 * on its own.
 * <ul>
 * <li>Each window fires once: on a day the contract is {@code d} days from its last day, the
 * window in force is the tightest one with {@code d <= window} (a contract created 20 days
 * before its end gets the 30-day window, not the 90 and 60 it never was in).</li>
 * <li>Entering the first window opens the evaluation: UPCOMING → IN_EVALUATION.</li>
 * <li>From the escalation point (default 30 days before the end), an undecided renewal whose
 * owner has not acted escalates to the manager.</li>
 * <li>After the last day an active contract ends: RENEWED if its renewal was, else EXPIRED; ended
 * and still undecided, it is flagged.</li>
 * </ul>
 */
public final class RenewalRules {

    private RenewalRules() {
    }

    /** Windows, widest first, and the escalation point, in days before the last day. */
    public record Policy(List<Integer> windows, int escalateDaysBefore) {

        public static Policy of(List<Integer> windows, int escalateDaysBefore) {
            if (windows.isEmpty() || windows.stream().anyMatch(w -> w < 0)) {
                throw new IllegalArgumentException("renewal windows must be days before the end, at least one");
            }
            return new Policy(windows.stream().distinct().sorted(Comparator.reverseOrder()).toList(), escalateDaysBefore);
        }

        public int widest() {
            return windows.get(0);
        }
    }

    /**
     * The outcome for one contract on one day.
     *
     * @param window the window that fires today (its dedupe key makes it fire once), or null
     */
    public record Outcome(Contract.Status status, Contract.RenewalState state, boolean openEvaluation, Integer window,
                          boolean escalate, boolean expiredUndecided) {
    }

    public static Outcome evaluate(Contract.Status status, Contract.RenewalState state, LocalDate endsOn, boolean acted,
                                   LocalDate today, Policy policy) {
        long daysLeft = ChronoUnit.DAYS.between(today, endsOn);
        boolean undecided = state == Contract.RenewalState.UPCOMING || state == Contract.RenewalState.IN_EVALUATION;
        Contract.Status newStatus = status;
        if (status == Contract.Status.ACTIVE && daysLeft < 0) {
            newStatus = state == Contract.RenewalState.RENEWED ? Contract.Status.RENEWED : Contract.Status.EXPIRED;
        }
        if (!undecided || (newStatus != Contract.Status.ACTIVE && newStatus != Contract.Status.EXPIRED)) {
            return new Outcome(newStatus, state, false, null, false, false);
        }
        Integer window = null;
        if (daysLeft >= 0) {
            for (int w : policy.windows()) {
                if (daysLeft <= w) {
                    window = w;
                }
            }
        }
        boolean open = state == Contract.RenewalState.UPCOMING && (window != null || daysLeft < 0);
        Contract.RenewalState newState = open ? Contract.RenewalState.IN_EVALUATION : state;
        boolean escalate = !acted && daysLeft <= policy.escalateDaysBefore();
        return new Outcome(newStatus, newState, open, window, escalate, daysLeft < 0);
    }

    /** Whether an unpaid instalment due on {@code dueOn} is overdue on {@code today}. */
    public static boolean overdue(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn);
    }

    /** Whether an unpaid instalment is overdue long enough to escalate to the manager. */
    public static boolean escalateCollection(LocalDate dueOn, LocalDate today, int afterDays) {
        return overdue(dueOn, today) && ChronoUnit.DAYS.between(dueOn, today) >= afterDays;
    }
}
