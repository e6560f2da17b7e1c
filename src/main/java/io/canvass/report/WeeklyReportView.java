package io.canvass.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.canvass.kpi.KpiMath;
import io.canvass.kpi.KpiReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A weekly report: the data layer (live until submitted, then as submitted) and the rep's layers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WeeklyReportView(UUID userId, String displayName, String week, LocalDate weekStart, Data data, String behaviour,
                               String problems, String supportNeeded, WeeklyReport.Status status, Instant submittedAt,
                               String managerComment, UUID commentedBy, Instant commentedAt, Integer version) {

    /**
     * The week's numbers from the records, and the month's approved targets (money ones too, in their
     * currency) with the month so far. {@code stageMoves} are the customers' forward stage moves,
     * {@code dealStageMoves} the deals' stage changes; {@code dealsWon}/{@code dealsLost} closed in the
     * week, {@code revenue} the won deals' amounts and {@code collected} the payments received in the
     * week, per currency.
     */
    public record Data(long visits, long effectiveVisits, long newCustomers, long stageMoves, long followUpsDue, long followUpsOnTime,
                       BigDecimal followUpOnTimeRate, String month, List<KpiReport.Achievement> monthTargets, long dealsWon,
                       long dealsLost, long dealStageMoves, List<KpiMath.Money> revenue, List<KpiMath.Money> collected) {
    }

    /** A team's week: each rep's report (or its live data when not written) and the totals. */
    public record Team(UUID teamId, String week, LocalDate weekStart, int reps, int submitted, Data totals, List<WeeklyReportView> reports) {
    }
}
