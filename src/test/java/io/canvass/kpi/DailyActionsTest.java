package io.canvass.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.canvass.target.Target;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyActionsTest {

    private static final DailyActions.Rates NONE = new DailyActions.Rates(null, null, Map.of());

    @Test
    void visitsAWeekToReachTheVisitTarget() {
        DailyActions.Action a = DailyActions.of(Target.Metric.EFFECTIVE_VISITS, null, BigDecimal.valueOf(60), BigDecimal.valueOf(30), 14, NONE);
        assertEquals(BigDecimal.valueOf(30), a.remaining());
        assertEquals(15L, a.perWeek());
        assertEquals(15L, a.visitsPerWeek());
    }

    @Test
    void newCustomersTurnIntoVisitsAtTheRepsOwnRate() {
        BigDecimal rate = DailyActions.ratio(40, 10);
        assertEquals(new BigDecimal("4.00"), rate);
        DailyActions.Action a = DailyActions.of(Target.Metric.NEW_CUSTOMERS, null, BigDecimal.valueOf(8), BigDecimal.valueOf(5), 10,
                new DailyActions.Rates(rate, null, Map.of()));
        assertEquals(3L, a.perWeek(), "3 missing in 10 days: 2.1 a week, rounded up");
        assertEquals(9L, a.visitsPerWeek(), "12 visits in 10 days: 8.4 a week, rounded up");
    }

    @Test
    void noRateNoVisitsAndAReachedTargetNeedsNothing() {
        assertNull(DailyActions.ratio(10, 0));
        assertNull(DailyActions.of(Target.Metric.NEW_CUSTOMERS, null, BigDecimal.TEN, BigDecimal.ONE, 10, NONE).visitsPerWeek());
        assertNull(DailyActions.of(Target.Metric.REVENUE, "CNY", BigDecimal.TEN, BigDecimal.ONE, 10, NONE).dealsNeeded(),
                "no deal won yet: no average deal to divide by");
        DailyActions.Action done = DailyActions.of(Target.Metric.EFFECTIVE_VISITS, null, BigDecimal.TEN, BigDecimal.valueOf(12), 10, NONE);
        assertEquals(0L, done.perWeek());
        assertEquals(BigDecimal.ZERO, done.remaining());
    }

    @Test
    void revenueTurnsIntoDealsAtTheAverageDealInItsCurrencyAndDealsIntoVisits() {
        RepNumbers history = new RepNumbers(null);
        history.effectiveVisits = 30;
        history.won("CNY", 2, new BigDecimal("50000"));
        history.won("USD", 1, new BigDecimal("9000"));
        DailyActions.Rates rates = DailyActions.Rates.of(history);
        assertEquals(new BigDecimal("10.00"), rates.visitsPerDeal(), "30 effective visits for 3 deals won");
        assertEquals(new BigDecimal("25000.00"), rates.averageDeal().get("CNY"));

        DailyActions.Action revenue = DailyActions.of(Target.Metric.REVENUE, "CNY", new BigDecimal("100000"), new BigDecimal("40000"), 14, rates);
        assertEquals(3L, revenue.dealsNeeded(), "60,000 to go at 25,000 a deal: 2.4, rounded up");
        assertEquals(15L, revenue.visitsPerWeek(), "30 visits in 14 days");
        assertEquals(30000L, revenue.perWeek());
        assertNull(DailyActions.of(Target.Metric.REVENUE, "EUR", BigDecimal.TEN, BigDecimal.ZERO, 14, rates).dealsNeeded(),
                "no deal won in that currency");

        DailyActions.Action deals = DailyActions.of(Target.Metric.DEALS_WON, null, BigDecimal.valueOf(5), BigDecimal.valueOf(1), 7, rates);
        assertEquals(4L, deals.dealsNeeded());
        assertEquals(40L, deals.visitsPerWeek());

        DailyActions.Action collections = DailyActions.of(Target.Metric.COLLECTIONS, "CNY", new BigDecimal("7000"), BigDecimal.ZERO, 7, rates);
        assertEquals(7000L, collections.perWeek());
        assertNull(collections.visitsPerWeek(), "collections come from instalments, not visits");
        assertNull(collections.dealsNeeded());
    }
}
