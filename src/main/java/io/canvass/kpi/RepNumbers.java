package io.canvass.kpi;

import java.util.UUID;

/**
 * A rep's raw counts over a period, as read from the records; every rate and achievement is
 * computed from these (and sums of these for a team), so a team's rate is never an average of rates.
 */
public final class RepNumbers {

    public final UUID userId;
    public long visits;
    public long effectiveVisits;
    public long newCustomers;
    public long followUpsDue;
    public long followUpsOnTime;
    public long openLeads;
    public long freshLeads;
    public long gradeA;
    public long gradeB;
    public long gradeC;
    /** Customers created in the period that reached each funnel stage: initial intent, high intent, key account, won. */
    public final long[] funnel = new long[4];

    public RepNumbers(UUID userId) {
        this.userId = userId;
    }

    /** Adds another rep's counts to these (a team's totals). */
    public RepNumbers add(RepNumbers other) {
        visits += other.visits;
        effectiveVisits += other.effectiveVisits;
        newCustomers += other.newCustomers;
        followUpsDue += other.followUpsDue;
        followUpsOnTime += other.followUpsOnTime;
        openLeads += other.openLeads;
        freshLeads += other.freshLeads;
        gradeA += other.gradeA;
        gradeB += other.gradeB;
        gradeC += other.gradeC;
        for (int i = 0; i < funnel.length; i++) {
            funnel[i] += other.funnel[i];
        }
        return this;
    }
}
