package io.canvass.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.canvass.target.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dashboard: indicators of a rep, a team or the organisation over a period, achievement against
 * approved targets, the funnel, the weekly trend, and for a team or the organisation one row per rep.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiReport(String period, LocalDate from, LocalDate to, Subject subject, Indicators indicators,
                        List<Achievement> achievements, KpiMath.Funnel funnel, List<KpiQueries.Week> trend, List<RepRow> reps) {

    /** Whose numbers these are. */
    public record Subject(Target.Level level, UUID teamId, UUID userId, String name) {
    }

    /**
     * Process, result and health indicators. Rates are fractions (0.25 = 25 %), null when there is
     * nothing to measure them against. Money is per currency (never converted or added across
     * currencies), amounts to the currency's minor units. Deals, contracts and payments count for
     * the rep who owns their customer now.
     * <ul>
     * <li>{@code proposals}: deals that entered the PROPOSAL stage in the period (created there or
     * moved there), each deal once.</li>
     * <li>{@code dealsWon}, {@code dealsLost}: deals closed in the period; {@code winRate} = won /
     * (won + lost).</li>
     * <li>{@code revenue}: won deals' amounts (closed in the period); {@code averageDealSize}: revenue
     * / won deals, per currency.</li>
     * <li>{@code collections}: instalments (of non-draft contracts) due in the period: {@code due},
     * {@code collected} against them so far, {@code rate} = collected / due; and {@code received}:
     * payments received in the period whatever they paid (the COLLECTIONS target's actual).</li>
     * <li>{@code collectionCycleDays}: of the instalments settled in the period (their last payment
     * came in), the mean of days from due day to settling day, an early payment counting 0; one
     * decimal.</li>
     * </ul>
     */
    public record Indicators(long visits, long effectiveVisits, long newCustomers, long followUpsDue, long followUpsOnTime,
                             BigDecimal followUpOnTimeRate, long openLeads, long freshLeads, BigDecimal leadFreshness,
                             Map<String, Long> grades, long proposals, long dealsWon, long dealsLost, BigDecimal winRate,
                             List<KpiMath.Money> revenue, List<KpiMath.Money> averageDealSize, List<KpiMath.Collection> collections,
                             BigDecimal collectionCycleDays) {

        public static Indicators of(RepNumbers n) {
            return new Indicators(n.visits, n.effectiveVisits, n.newCustomers, n.followUpsDue, n.followUpsOnTime,
                    KpiMath.rate(n.followUpsOnTime, n.followUpsDue), n.openLeads, n.freshLeads,
                    KpiMath.rate(n.freshLeads, n.openLeads), Map.of("A", n.gradeA, "B", n.gradeB, "C", n.gradeC),
                    n.proposals, n.dealsWon, n.dealsLost, KpiMath.rate(n.dealsWon, n.dealsWon + n.dealsLost),
                    KpiMath.money(n.revenue), KpiMath.averages(n.revenue, n.wonByCurrency),
                    KpiMath.collections(n.collectionDue, n.collectionCollected, n.received),
                    KpiMath.averageDays(n.settledDaysLate, n.instalmentsSettled));
        }
    }

    /**
     * An approved target and how far the actual has come: {@code rate} = actual / target.
     * {@code measured} is false for a metric whose records Canvass does not hold yet (actual and rate absent).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Achievement(Target.Metric metric, UUID targetId, BigDecimal target, String currency, boolean measured,
                              BigDecimal actual, BigDecimal rate) {
    }

    /** One rep's line on a team or organisation dashboard. */
    public record RepRow(UUID userId, String displayName, UUID teamId, Indicators indicators, List<Achievement> achievements,
                         KpiMath.Funnel funnel) {
    }
}
