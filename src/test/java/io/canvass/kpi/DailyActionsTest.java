package io.canvass.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.canvass.target.Target;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DailyActionsTest {

    @Test
    void visitsAWeekToReachTheVisitTarget() {
        DailyActions.Action a = DailyActions.of(Target.Metric.EFFECTIVE_VISITS, BigDecimal.valueOf(60), BigDecimal.valueOf(30), 14, null);
        assertEquals(BigDecimal.valueOf(30), a.remaining());
        assertEquals(15L, a.perWeek());
        assertEquals(15L, a.visitsPerWeek());
    }

    @Test
    void newCustomersTurnIntoVisitsAtTheRepsOwnRate() {
        BigDecimal rate = DailyActions.visitsPerNewCustomer(40, 10);
        assertEquals(new BigDecimal("4.00"), rate);
        DailyActions.Action a = DailyActions.of(Target.Metric.NEW_CUSTOMERS, BigDecimal.valueOf(8), BigDecimal.valueOf(5), 10, rate);
        assertEquals(3L, a.perWeek(), "3 missing in 10 days: 2.1 a week, rounded up");
        assertEquals(9L, a.visitsPerWeek(), "12 visits in 10 days: 8.4 a week, rounded up");
    }

    @Test
    void noRateNoVisitsAndAReachedTargetNeedsNothing() {
        assertNull(DailyActions.visitsPerNewCustomer(10, 0));
        assertNull(DailyActions.of(Target.Metric.NEW_CUSTOMERS, BigDecimal.TEN, BigDecimal.ONE, 10, null).visitsPerWeek());
        DailyActions.Action done = DailyActions.of(Target.Metric.EFFECTIVE_VISITS, BigDecimal.TEN, BigDecimal.valueOf(12), 10, null);
        assertEquals(0L, done.perWeek());
        assertEquals(BigDecimal.ZERO, done.remaining());
    }
}
