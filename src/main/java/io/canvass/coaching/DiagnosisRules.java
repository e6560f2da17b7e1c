package io.canvass.coaching;

import io.canvass.kpi.KpiMath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The behaviour–result table as rules: each looks at one rep's numbers over the window beside
 * the team's medians and, when the pattern shows, yields a finding with its evidence. The
 * evidence key holds only the rep's own numbers, so the same numbers never propose twice.
 */
public final class DiagnosisRules {

    public enum Rule {
        /** Many effective visits, few lead conversions: work on visit quality. */
        VISIT_QUALITY(CoachingTask.Kind.SHADOW_VISIT),
        /** Many proposals, few wins: work on proposal fit. */
        PROPOSAL_FIT(CoachingTask.Kind.SKILL_TRAINING),
        /** Targets missed period after period: an improvement plan. */
        TARGET_MISSED(CoachingTask.Kind.IMPROVEMENT_PLAN),
        /** Follow-ups late: time management. */
        TIME_MANAGEMENT(CoachingTask.Kind.SKILL_TRAINING);

        public final CoachingTask.Kind kind;

        Rule(CoachingTask.Kind kind) {
            this.kind = kind;
        }
    }

    /** A rep's numbers over the window. */
    public record RepWindow(UUID repId, UUID teamId, long effectiveVisits, long conversions, long followUpsDue, long followUpsOnTime,
                            List<MissedMonth> missedMonths, long proposals, long dealsWon) {

        public RepWindow(UUID repId, UUID teamId, long effectiveVisits, long conversions, long followUpsDue, long followUpsOnTime,
                         List<MissedMonth> missedMonths) {
            this(repId, teamId, effectiveVisits, conversions, followUpsDue, followUpsOnTime, missedMonths, 0, 0);
        }

        /** Deals won per proposal made in the window. */
        BigDecimal winsPerProposal() {
            return KpiMath.rate(dealsWon, proposals);
        }

        BigDecimal conversionRate() {
            return KpiMath.rate(conversions, effectiveVisits);
        }

        BigDecimal onTimeRate() {
            return KpiMath.rate(followUpsOnTime, followUpsDue);
        }
    }

    /** A month whose approved target the rep missed. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record MissedMonth(String month, String metric, String currency, BigDecimal target, BigDecimal actual) {

        public MissedMonth(String month, String metric, BigDecimal target, BigDecimal actual) {
            this(month, metric, null, target, actual);
        }
    }

    /** The team's medians over the same window. */
    public record TeamMedians(BigDecimal effectiveVisits, BigDecimal conversionRate, BigDecimal onTimeRate, BigDecimal proposals,
                              BigDecimal winsPerProposal) {

        public TeamMedians(BigDecimal effectiveVisits, BigDecimal conversionRate, BigDecimal onTimeRate) {
            this(effectiveVisits, conversionRate, onTimeRate, null, null);
        }

        public static TeamMedians of(List<RepWindow> team) {
            return new TeamMedians(
                    KpiMath.median(team.stream().map(r -> BigDecimal.valueOf(r.effectiveVisits())).toList()),
                    KpiMath.median(team.stream().map(RepWindow::conversionRate).toList()),
                    KpiMath.median(team.stream().map(RepWindow::onTimeRate).toList()),
                    KpiMath.median(team.stream().map(r -> BigDecimal.valueOf(r.proposals())).toList()),
                    KpiMath.median(team.stream().map(RepWindow::winsPerProposal).toList()));
        }
    }

    /** What a rule found: the evidence shown to the manager and the key that stops repeats. */
    public record Finding(Rule rule, Map<String, Object> evidence, String key) {
    }

    /** Thresholds (from configuration). */
    public record Thresholds(int visitQualityMinVisits, BigDecimal visitQualityConversionShare, BigDecimal timeManagementMaxOnTimeRate,
                             int timeManagementMinDue, int targetMissedMonths, int proposalFitMinProposals,
                             BigDecimal proposalFitMaxWinRate) {

        public Thresholds(int visitQualityMinVisits, BigDecimal visitQualityConversionShare, BigDecimal timeManagementMaxOnTimeRate,
                          int timeManagementMinDue, int targetMissedMonths) {
            this(visitQualityMinVisits, visitQualityConversionShare, timeManagementMaxOnTimeRate, timeManagementMinDue, targetMissedMonths,
                    6, new BigDecimal("0.2"));
        }

        static Thresholds of(CoachingConfig.Diagnosis c) {
            return new Thresholds(c.visitQualityMinVisits(), c.visitQualityConversionShare(), c.timeManagementMaxOnTimeRate(),
                    c.timeManagementMinDue(), c.targetMissedMonths(), c.proposalFitMinProposals(), c.proposalFitMaxWinRate());
        }
    }

    private DiagnosisRules() {
    }

    public static List<Finding> evaluate(RepWindow rep, TeamMedians team, Thresholds t) {
        List<Finding> findings = new ArrayList<>();
        visitQuality(rep, team, t, findings);
        proposalFit(rep, team, t, findings);
        timeManagement(rep, team, t, findings);
        targetMissed(rep, t, findings);
        return findings;
    }

    static void visitQuality(RepWindow rep, TeamMedians team, Thresholds t, List<Finding> out) {
        BigDecimal rate = rep.conversionRate();
        if (rep.effectiveVisits() < t.visitQualityMinVisits() || team.conversionRate() == null || team.conversionRate().signum() == 0
                || (team.effectiveVisits() != null && BigDecimal.valueOf(rep.effectiveVisits()).compareTo(team.effectiveVisits()) < 0)) {
            return;
        }
        if (rate.compareTo(team.conversionRate().multiply(t.visitQualityConversionShare())) >= 0) {
            return;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("effectiveVisits", rep.effectiveVisits());
        e.put("conversions", rep.conversions());
        e.put("conversionRate", rate);
        e.put("teamMedianEffectiveVisits", team.effectiveVisits());
        e.put("teamMedianConversionRate", team.conversionRate());
        out.add(new Finding(Rule.VISIT_QUALITY, e, "v" + rep.effectiveVisits() + "c" + rep.conversions()));
    }

    /**
     * Many proposals, few wins: at least the minimum of proposals in the window, and deals won per
     * proposal below the threshold and below the team's median (when the team has one).
     */
    static void proposalFit(RepWindow rep, TeamMedians team, Thresholds t, List<Finding> out) {
        BigDecimal rate = rep.winsPerProposal();
        if (rep.proposals() < Math.max(1, t.proposalFitMinProposals()) || rate.compareTo(t.proposalFitMaxWinRate()) >= 0
                || (team.winsPerProposal() != null && rate.compareTo(team.winsPerProposal()) >= 0)) {
            return;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("proposals", rep.proposals());
        e.put("dealsWon", rep.dealsWon());
        e.put("winsPerProposal", rate);
        e.put("threshold", t.proposalFitMaxWinRate());
        e.put("teamMedianProposals", team.proposals());
        e.put("teamMedianWinsPerProposal", team.winsPerProposal());
        out.add(new Finding(Rule.PROPOSAL_FIT, e, "p" + rep.proposals() + "w" + rep.dealsWon()));
    }

    static void timeManagement(RepWindow rep, TeamMedians team, Thresholds t, List<Finding> out) {
        BigDecimal rate = rep.onTimeRate();
        if (rep.followUpsDue() < t.timeManagementMinDue() || rate.compareTo(t.timeManagementMaxOnTimeRate()) >= 0) {
            return;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("followUpsDue", rep.followUpsDue());
        e.put("followUpsOnTime", rep.followUpsOnTime());
        e.put("onTimeRate", rate);
        e.put("threshold", t.timeManagementMaxOnTimeRate());
        e.put("teamMedianOnTimeRate", team.onTimeRate());
        out.add(new Finding(Rule.TIME_MANAGEMENT, e, "d" + rep.followUpsDue() + "o" + rep.followUpsOnTime()));
    }

    static void targetMissed(RepWindow rep, Thresholds t, List<Finding> out) {
        List<MissedMonth> missed = rep.missedMonths();
        if (missed == null || t.targetMissedMonths() <= 0
                || missed.stream().map(MissedMonth::month).distinct().count() < t.targetMissedMonths()) {
            return;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("months", t.targetMissedMonths());
        e.put("missed", missed);
        out.add(new Finding(Rule.TARGET_MISSED, e, "m" + String.join(",", missed.stream().map(m -> m.month() + m.metric() + (m.currency() == null ? "" : m.currency())).toList())));
    }
}
