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
     * Process and health indicators. Rates are fractions (0.25 = 25 %), null when there is nothing to
     * measure them against.
     */
    public record Indicators(long visits, long effectiveVisits, long newCustomers, long followUpsDue, long followUpsOnTime,
                             BigDecimal followUpOnTimeRate, long openLeads, long freshLeads, BigDecimal leadFreshness,
                             Map<String, Long> grades) {

        static Indicators of(RepNumbers n) {
            return new Indicators(n.visits, n.effectiveVisits, n.newCustomers, n.followUpsDue, n.followUpsOnTime,
                    KpiMath.rate(n.followUpsOnTime, n.followUpsDue), n.openLeads, n.freshLeads,
                    KpiMath.rate(n.freshLeads, n.openLeads), Map.of("A", n.gradeA, "B", n.gradeB, "C", n.gradeC));
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
