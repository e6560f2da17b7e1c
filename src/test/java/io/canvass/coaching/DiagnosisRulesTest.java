package io.canvass.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DiagnosisRulesTest {

    static final DiagnosisRules.Thresholds T = new DiagnosisRules.Thresholds(12, new BigDecimal("0.5"), new BigDecimal("0.7"), 5, 2);
    static final UUID TEAM = UUID.randomUUID();

    static DiagnosisRules.RepWindow rep(long visits, long conversions, long due, long onTime, List<DiagnosisRules.MissedMonth> missed) {
        return new DiagnosisRules.RepWindow(UUID.randomUUID(), TEAM, visits, conversions, due, onTime, missed);
    }

    static List<DiagnosisRules.Rule> rules(DiagnosisRules.RepWindow rep, List<DiagnosisRules.RepWindow> team) {
        return DiagnosisRules.evaluate(rep, DiagnosisRules.TeamMedians.of(team), T).stream().map(DiagnosisRules.Finding::rule).toList();
    }

    @Test
    void manyVisitsWithFewConversionsAskForVisitQuality() {
        DiagnosisRules.RepWindow busy = rep(15, 0, 0, 0, List.of());
        DiagnosisRules.RepWindow good = rep(12, 4, 0, 0, List.of());
        DiagnosisRules.RepWindow quiet = rep(10, 0, 0, 0, List.of());
        List<DiagnosisRules.RepWindow> team = List.of(busy, good, quiet, rep(12, 3, 0, 0, List.of()));
        assertEquals(List.of(DiagnosisRules.Rule.VISIT_QUALITY), rules(busy, team));
        assertEquals(List.of(), rules(good, team), "converts above half the median");
        assertEquals(List.of(), rules(quiet, team), "too few visits to judge the quality");
        DiagnosisRules.Finding f = DiagnosisRules.evaluate(busy, DiagnosisRules.TeamMedians.of(team), T).get(0);
        assertEquals(15L, f.evidence().get("effectiveVisits"));
        assertEquals(new BigDecimal("0.1250"), f.evidence().get("teamMedianConversionRate"));
    }

    @Test
    void visitQualityNeedsATeamThatConvertsAtAll() {
        DiagnosisRules.RepWindow busy = rep(20, 0, 0, 0, List.of());
        assertEquals(List.of(), rules(busy, List.of(busy, rep(15, 0, 0, 0, List.of()))));
    }

    @Test
    void lateFollowUpsAskForTimeManagement() {
        DiagnosisRules.RepWindow late = rep(0, 0, 6, 2, List.of());
        assertEquals(List.of(DiagnosisRules.Rule.TIME_MANAGEMENT), rules(late, List.of(late)));
        assertEquals(List.of(), rules(rep(0, 0, 4, 0, List.of()), List.of(late)), "too few follow-ups due");
        assertEquals(List.of(), rules(rep(0, 0, 10, 7, List.of()), List.of(late)), "at the threshold is fine");
    }

    @Test
    void targetsMissedMonthAfterMonthAskForAnImprovementPlan() {
        DiagnosisRules.MissedMonth sep = new DiagnosisRules.MissedMonth("2026-09", "EFFECTIVE_VISITS", BigDecimal.TEN, BigDecimal.ONE);
        DiagnosisRules.MissedMonth oct = new DiagnosisRules.MissedMonth("2026-10", "EFFECTIVE_VISITS", BigDecimal.TEN, BigDecimal.ONE);
        DiagnosisRules.RepWindow twice = rep(0, 0, 0, 0, List.of(sep, oct));
        assertEquals(List.of(DiagnosisRules.Rule.TARGET_MISSED), rules(twice, List.of(twice)));
        DiagnosisRules.RepWindow once = rep(0, 0, 0, 0, List.of(oct));
        assertEquals(List.of(), rules(once, List.of(once)));
    }

    @Test
    void theSameNumbersGiveTheSameKey() {
        DiagnosisRules.RepWindow a = rep(0, 0, 6, 2, List.of());
        DiagnosisRules.RepWindow b = rep(0, 0, 6, 2, List.of());
        DiagnosisRules.RepWindow c = rep(0, 0, 6, 3, List.of());
        String ka = DiagnosisRules.evaluate(a, DiagnosisRules.TeamMedians.of(List.of(a)), T).get(0).key();
        assertEquals(ka, DiagnosisRules.evaluate(b, DiagnosisRules.TeamMedians.of(List.of(b, c)), T).get(0).key());
        assertTrue(!ka.equals(DiagnosisRules.evaluate(c, DiagnosisRules.TeamMedians.of(List.of(c)), T).get(0).key()));
    }

    static DiagnosisRules.RepWindow seller(long proposals, long won) {
        return new DiagnosisRules.RepWindow(UUID.randomUUID(), TEAM, 0, 0, 0, 0, List.of(), proposals, won);
    }

    @Test
    void manyProposalsWithFewWinsAskForProposalFit() {
        DiagnosisRules.RepWindow many = seller(10, 1);
        DiagnosisRules.RepWindow good = seller(8, 4);
        DiagnosisRules.RepWindow few = seller(5, 0);
        DiagnosisRules.RepWindow fair = seller(10, 2);
        List<DiagnosisRules.RepWindow> team = List.of(many, good, few, fair);
        assertEquals(List.of(DiagnosisRules.Rule.PROPOSAL_FIT), rules(many, team));
        assertEquals(List.of(), rules(good, team), "wins half its proposals");
        assertEquals(List.of(), rules(few, team), "too few proposals to judge");
        assertEquals(List.of(), rules(fair, team), "at the threshold is fine");
        DiagnosisRules.Finding f = DiagnosisRules.evaluate(many, DiagnosisRules.TeamMedians.of(team), T).get(0);
        assertEquals(10L, f.evidence().get("proposals"));
        assertEquals(1L, f.evidence().get("dealsWon"));
        assertEquals(new BigDecimal("0.1000"), f.evidence().get("winsPerProposal"));
        assertEquals(new BigDecimal("9.0000"), f.evidence().get("teamMedianProposals"));
        assertEquals(new BigDecimal("0.1500"), f.evidence().get("teamMedianWinsPerProposal"));
    }

    @Test
    void proposalFitSparesARepWhoWinsAsOftenAsTheTeam() {
        DiagnosisRules.RepWindow a = seller(10, 1);
        DiagnosisRules.RepWindow b = seller(10, 1);
        assertEquals(List.of(), rules(a, List.of(a, b)), "not below the team's median");
        assertEquals(List.of(DiagnosisRules.Rule.PROPOSAL_FIT), rules(a, List.of(a, seller(10, 5))));
    }

    @Test
    void proposalFitThresholdsComeFromConfiguration() {
        DiagnosisRules.Thresholds strict = new DiagnosisRules.Thresholds(12, new BigDecimal("0.5"), new BigDecimal("0.7"), 5, 2, 3,
                new BigDecimal("0.5"));
        DiagnosisRules.RepWindow rep = seller(4, 1);
        List<DiagnosisRules.RepWindow> team = List.of(rep, seller(4, 3));
        assertEquals(List.of(), rules(rep, team), "the defaults need six proposals");
        assertEquals(List.of(DiagnosisRules.Rule.PROPOSAL_FIT),
                DiagnosisRules.evaluate(rep, DiagnosisRules.TeamMedians.of(team), strict).stream().map(DiagnosisRules.Finding::rule).toList());
    }

    @Test
    void moneyTargetsMissedKeepTheirCurrencyInTheEvidenceAndKey() {
        DiagnosisRules.MissedMonth sep = new DiagnosisRules.MissedMonth("2026-09", "REVENUE", "CNY", new BigDecimal("100000"), BigDecimal.TEN);
        DiagnosisRules.MissedMonth oct = new DiagnosisRules.MissedMonth("2026-10", "REVENUE", "CNY", new BigDecimal("100000"), BigDecimal.ONE);
        DiagnosisRules.RepWindow twice = rep(0, 0, 0, 0, List.of(sep, oct));
        DiagnosisRules.Finding f = DiagnosisRules.evaluate(twice, DiagnosisRules.TeamMedians.of(List.of(twice)), T).get(0);
        assertEquals(DiagnosisRules.Rule.TARGET_MISSED, f.rule());
        assertEquals("m2026-09REVENUECNY,2026-10REVENUECNY", f.key());
    }
}
