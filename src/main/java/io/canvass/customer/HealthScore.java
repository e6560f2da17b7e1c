package io.canvass.customer;

import java.util.ArrayList;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Customer health 0–100, explainable: each component says how many points it gave and why.
 * Recency (60): full while the customer is touched within its cadence, falling to zero at three
 * cadences untouched. Follow-up discipline (40): minus 15 while the pending follow-up is overdue,
 * minus 10 for each follow-up missed in the last 90 days. For customers with contracts, a
 * commercial component takes points away (never adds): minus 10 per overdue instalment (at most
 * 20), minus 15 for a contract ended without a renewal decision, or minus 5 for a renewal due
 * within 30 days that nobody has acted on.
 */
@RegisterForReflection
public record HealthScore(int score, List<Component> components) {

    public static final int RECENCY_MAX = 60;
    public static final int DISCIPLINE_MAX = 40;

    /** One part of the score. */
    public record Component(String name, int points, int max, String detail) {
    }

    /**
     * What contracts and collections say about a customer.
     *
     * @param overdueInstalments unpaid instalments past their due day
     * @param expiredUndecided contracts ended without a renewal decision
     * @param renewalsUnattended renewals due within 30 days, undecided, with no action by the owner
     */
    public record Commercial(int overdueInstalments, int expiredUndecided, int renewalsUnattended) {

        public static final Commercial NONE = new Commercial(0, 0, 0);

        public int penalty() {
            return Math.min(20, 10 * overdueInstalments) + (expiredUndecided > 0 ? 15 : renewalsUnattended > 0 ? 5 : 0);
        }
    }

    public static HealthScore of(long daysSinceTouch, int intervalDays, boolean overdue, long missedLast90Days) {
        return of(daysSinceTouch, intervalDays, overdue, missedLast90Days, null);
    }

    /** With {@code commercial} null (no contracts), only recency and discipline count. */
    public static HealthScore of(long daysSinceTouch, int intervalDays, boolean overdue, long missedLast90Days, Commercial commercial) {
        double late = Math.max(0, daysSinceTouch - intervalDays) / (2.0 * intervalDays);
        int recency = (int) Math.round(RECENCY_MAX * Math.max(0, 1 - late));
        int discipline = (int) Math.max(0, DISCIPLINE_MAX - (overdue ? 15 : 0) - 10 * missedLast90Days);
        List<Component> components = new ArrayList<>(List.of(
                new Component("recency", recency, RECENCY_MAX,
                        daysSinceTouch + " days since the last touch, cadence " + intervalDays + " days"),
                new Component("followUpDiscipline", discipline, DISCIPLINE_MAX,
                        (overdue ? "follow-up overdue; " : "no follow-up overdue; ") + missedLast90Days + " missed in 90 days")));
        int score = recency + discipline;
        if (commercial != null) {
            int penalty = Math.min(score, commercial.penalty());
            score -= penalty;
            components.add(new Component("commercial", -penalty, 0, commercial.overdueInstalments() + " instalments overdue; "
                    + commercial.expiredUndecided() + " contracts ended without a renewal decision; "
                    + commercial.renewalsUnattended() + " renewals due within 30 days not acted on"));
        }
        return new HealthScore(score, List.copyOf(components));
    }
}
