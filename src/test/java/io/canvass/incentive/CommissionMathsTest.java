package io.canvass.incentive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.target.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tier maths on hand-built numbers with known answers. */
class CommissionMathsTest {

    static final CommissionMaths.Earner REP = new CommissionMaths.Earner(UUID.randomUUID(), "李娜", "REP", UUID.randomUUID(), LocalDate.of(2024, 1, 1));

    static CommissionPlan.Tier tier(String from, String to, String rate, String extra) {
        return new CommissionPlan.Tier(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(rate), new BigDecimal(extra));
    }

    static final List<CommissionPlan.Tier> TIERS = List.of(tier("0", "80", "0", "0"), tier("80", "100", "2", "0"),
            tier("100", "120", "3", "0"), tier("120", null, "3", "2"));

    static CommissionPlan plan(String currency, String cap, List<CommissionPlan.Tier> tiers, List<CommissionPlan.OneOff> oneOffs) {
        return new CommissionPlan(UUID.randomUUID(), "plan", Period.Kind.MONTH, "REP", null, CommissionPlan.Base.REVENUE_WON,
                Currency.getInstance(currency), cap == null ? null : new BigDecimal(cap), tiers, oneOffs, 0);
    }

    static CommissionMaths.Won won(String amount, String currency, int day) {
        return new CommissionMaths.Won(UUID.randomUUID(), REP.id(), UUID.randomUUID(), "客户", "项目", new BigDecimal(amount), currency,
                Instant.parse("2026-03-" + String.format("%02d", day) + "T04:00:00Z"), LocalDate.of(2026, 3, day));
    }

    static CommissionMaths.Target target(String value, String currency) {
        return new CommissionMaths.Target(UUID.randomUUID(), REP.id(), "REVENUE", new BigDecimal(value), currency);
    }

    static StatementView statement(CommissionPlan plan, String actual, String targetValue) {
        return CommissionMaths.compute(plan, "2026-03", REP, target(targetValue, plan.currency().getCurrencyCode()),
                List.of(won(actual, plan.currency().getCurrencyCode(), 10)), List.of(), List.of());
    }

    @Test
    void eachTierIncludesItsLowerBound() {
        CommissionPlan plan = plan("CNY", null, TIERS, List.of());
        record Case(String actual, int tier, String achievement, String commission) {
        }
        for (Case c : List.of(
                new Case("79999.99", 0, "79.99", "0.00"),
                new Case("80000.00", 1, "80.00", "1600.00"),
                new Case("99999.99", 1, "99.99", "2000.00"),
                new Case("100000.00", 2, "100.00", "3000.00"),
                new Case("119999.99", 2, "119.99", "3600.00"),
                new Case("120000.00", 3, "120.00", "3600.00"),
                new Case("150000.00", 3, "150.00", "5100.00"))) {
            StatementView s = statement(plan, c.actual(), "100000.00");
            assertEquals(c.tier(), s.tier().index(), "tier at " + c.actual());
            assertEquals(c.achievement(), s.achievement(), "achievement at " + c.actual());
            assertEquals(c.commission(), s.total(), "commission at " + c.actual());
        }
    }

    @Test
    void achievementIsCutNotRoundedSoItNeverShowsABoundThatWasNotReached() {
        StatementView s = statement(plan("CNY", null, TIERS, List.of()), "79999.999", "100000.00");
        assertEquals("79.99", s.achievement());
        assertEquals(0, s.tier().index());
    }

    @Test
    void theCapCutsTheTotalWithALineOfItsOwn() {
        StatementView s = statement(plan("CNY", "5000.00", TIERS, List.of()), "150000.00", "100000.00");
        assertTrue(s.capped());
        assertEquals("5100.00", s.subtotal());
        assertEquals("5000.00", s.total());
        StatementView.Line cap = s.lines().get(s.lines().size() - 1);
        assertEquals("CAP", cap.kind());
        assertEquals("-100.00", cap.commission());
        StatementView under = statement(plan("CNY", "5000.00", TIERS, List.of()), "100000.00", "100000.00");
        assertFalse(under.capped());
        assertEquals("3000.00", under.total());
    }

    @Test
    void commissionIsRoundedHalfEvenToTheCurrencysMinorUnits() {
        List<CommissionPlan.Tier> flat = List.of(tier("0", null, "2", "0"));
        // 1000.25 x 2 % = 20.005: half-even keeps the even cent (half-up would give 20.01)
        assertEquals("20.00", statement(plan("CNY", null, flat, List.of()), "1000.25", "1000.00").total());
        assertEquals("20.02", statement(plan("CNY", null, flat, List.of()), "1000.75", "1000.00").total());
        // JPY has no minor units: 1025 x 2 % = 20.5 -> 20, 1075 x 2 % = 21.5 -> 22
        assertEquals("20", statement(plan("JPY", null, flat, List.of()), "1025", "1000").total());
        assertEquals("22", statement(plan("JPY", null, flat, List.of()), "1075", "1000").total());
        assertEquals("1075", statement(plan("JPY", null, flat, List.of()), "1075", "1000").actual());
    }

    @Test
    void withoutAnApprovedTargetNoTierAppliesButOneOffsStillPay() {
        CommissionPlan plan = plan("CNY", null, TIERS, List.of(
                new CommissionPlan.OneOff(CommissionPlan.OneOffKind.DEAL_WON_ABOVE, new BigDecimal("2000"), new BigDecimal("500000")),
                new CommissionPlan.OneOff(CommissionPlan.OneOffKind.KEY_ACCOUNT_WON, new BigDecimal("1000"), null)));
        CommissionMaths.Won big = won("500000.00", "CNY", 3);
        CommissionMaths.Won small = won("499999.99", "CNY", 4);
        CommissionMaths.KeyAccount key = new CommissionMaths.KeyAccount(UUID.randomUUID(), REP.id(), "宁波港", small.dealId(), "CNY",
                LocalDate.of(2026, 3, 4));
        StatementView s = CommissionMaths.compute(plan, "2026-03", REP, null, List.of(small, big), List.of(), List.of(key));
        assertEquals("NO_APPROVED_TARGET", s.note());
        assertNull(s.tier());
        assertNull(s.achievement());
        assertEquals("999999.99", s.actual());
        assertEquals(List.of("DEAL", "DEAL", "DEAL_WON_ABOVE", "KEY_ACCOUNT_WON"), s.lines().stream().map(StatementView.Line::kind).toList());
        assertEquals(big.dealId(), s.lines().get(2).ref(), "only the deal of at least 500000 earns the reward");
        assertEquals("3000.00", s.total());
    }

    @Test
    void linesComeInTheSameOrderWhateverOrderTheRecordsArriveIn() {
        CommissionPlan plan = plan("CNY", null, TIERS, List.of());
        CommissionMaths.Won a = won("100.00", "CNY", 2);
        CommissionMaths.Won b = won("200.00", "CNY", 9);
        CommissionMaths.Won c = won("300.00", "CNY", 5);
        CommissionMaths.Target t = target("1000.00", "CNY");
        StatementView one = CommissionMaths.compute(plan, "2026-03", REP, t, List.of(a, b, c), List.of(), List.of());
        StatementView two = CommissionMaths.compute(plan, "2026-03", REP, t, List.of(c, b, a), List.of(), List.of());
        assertEquals(one, two);
        assertEquals(List.of(a.dealId(), c.dealId(), b.dealId()), one.lines().subList(0, 3).stream().map(StatementView.Line::ref).toList());
    }

    @Test
    void aTargetInAnotherCurrencyIsNotComparedWithTheBase() {
        StatementView s = CommissionMaths.compute(plan("CNY", null, TIERS, List.of()), "2026-03", REP, target("1000.00", "USD"),
                List.of(won("5000.00", "CNY", 3), won("9000.00", "USD", 3)), List.of(), List.of());
        assertEquals("TARGET_IN_OTHER_CURRENCY", s.note());
        assertEquals("5000.00", s.actual(), "deals in another currency do not count");
    }
}
