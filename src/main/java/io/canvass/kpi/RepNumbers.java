package io.canvass.kpi;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
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
    /** Deals that entered the PROPOSAL stage in the period (each deal once). */
    public long proposals;
    /** Deals won and lost (closed) in the period. */
    public long dealsWon;
    public long dealsLost;
    /** Won deals' amounts by currency, and how many won deals in each currency. */
    public final Map<String, BigDecimal> revenue = new TreeMap<>();
    public final Map<String, Long> wonByCurrency = new TreeMap<>();
    /** Instalments due in the period by currency: amount due, and collected against them so far. */
    public final Map<String, BigDecimal> collectionDue = new TreeMap<>();
    public final Map<String, BigDecimal> collectionCollected = new TreeMap<>();
    /** Payments received in the period by currency (the COLLECTIONS target's actual). */
    public final Map<String, BigDecimal> received = new TreeMap<>();
    /** Instalments settled (fully paid) in the period, and the sum of their days late (early counts 0). */
    public long instalmentsSettled;
    public long settledDaysLate;

    public RepNumbers(UUID userId) {
        this.userId = userId;
    }

    /** Deals won in one currency (nothing when there are none). */
    void won(String currency, long count, BigDecimal amount) {
        if (count > 0) {
            dealsWon += count;
            revenue.merge(currency, amount, BigDecimal::add);
            wonByCurrency.merge(currency, count, Long::sum);
        }
    }

    void due(String currency, BigDecimal amount, BigDecimal collected) {
        collectionDue.merge(currency, amount, BigDecimal::add);
        collectionCollected.merge(currency, collected, BigDecimal::add);
    }

    void received(String currency, BigDecimal amount) {
        received.merge(currency, amount, BigDecimal::add);
    }

    void settled(long count, long daysLate) {
        instalmentsSettled += count;
        settledDaysLate += daysLate;
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
        proposals += other.proposals;
        dealsWon += other.dealsWon;
        dealsLost += other.dealsLost;
        other.revenue.forEach((c, a) -> revenue.merge(c, a, BigDecimal::add));
        other.wonByCurrency.forEach((c, n) -> wonByCurrency.merge(c, n, Long::sum));
        other.collectionDue.forEach((c, a) -> collectionDue.merge(c, a, BigDecimal::add));
        other.collectionCollected.forEach((c, a) -> collectionCollected.merge(c, a, BigDecimal::add));
        other.received.forEach((c, a) -> received.merge(c, a, BigDecimal::add));
        instalmentsSettled += other.instalmentsSettled;
        settledDaysLate += other.settledDaysLate;
        return this;
    }
}
