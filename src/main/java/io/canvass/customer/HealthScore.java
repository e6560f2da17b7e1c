package io.canvass.customer;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Customer health 0–100, explainable: each component says how many points it gave and why.
 * Recency (60): full while the customer is touched within its cadence, falling to zero at three
 * cadences untouched. Follow-up discipline (40): minus 15 while the pending follow-up is overdue,
 * minus 10 for each follow-up missed in the last 90 days.
 */
@RegisterForReflection
public record HealthScore(int score, List<Component> components) {

    public static final int RECENCY_MAX = 60;
    public static final int DISCIPLINE_MAX = 40;

    /** One part of the score. */
    public record Component(String name, int points, int max, String detail) {
    }

    public static HealthScore of(long daysSinceTouch, int intervalDays, boolean overdue, long missedLast90Days) {
        double late = Math.max(0, daysSinceTouch - intervalDays) / (2.0 * intervalDays);
        int recency = (int) Math.round(RECENCY_MAX * Math.max(0, 1 - late));
        int discipline = (int) Math.max(0, DISCIPLINE_MAX - (overdue ? 15 : 0) - 10 * missedLast90Days);
        return new HealthScore(recency + discipline, List.of(
                new Component("recency", recency, RECENCY_MAX,
                        daysSinceTouch + " days since the last touch, cadence " + intervalDays + " days"),
                new Component("followUpDiscipline", discipline, DISCIPLINE_MAX,
                        (overdue ? "follow-up overdue; " : "no follow-up overdue; ") + missedLast90Days + " missed in 90 days")));
    }
}
