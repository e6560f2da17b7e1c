package io.canvass.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KpiMathTest {

    @Test
    void ratesAreFractionsWithFourDecimalsAndAbsentWithoutABase() {
        assertEquals(new BigDecimal("0.6667"), KpiMath.rate(2, 3));
        assertEquals(new BigDecimal("1.0000"), KpiMath.rate(5, 5));
        assertNull(KpiMath.rate(0, 0));
    }

    @Test
    void achievementIsActualOverTarget() {
        assertEquals(new BigDecimal("0.2500"), KpiMath.achievement(BigDecimal.valueOf(5), BigDecimal.valueOf(20)));
        assertEquals(new BigDecimal("1.5000"), KpiMath.achievement(BigDecimal.valueOf(30), BigDecimal.valueOf(20)));
        assertNull(KpiMath.achievement(BigDecimal.ONE, BigDecimal.ZERO));
        assertNull(KpiMath.achievement(null, BigDecimal.TEN));
    }

    @Test
    void theFunnelNamesTheStepThatLosesMost() {
        KpiMath.Funnel f = KpiMath.funnel(new long[] { 7, 5, 3, 1 });
        assertEquals(List.of(7L, 5L, 3L, 1L), f.stages().stream().map(KpiMath.Stage::count).toList());
        assertNull(f.stages().get(0).conversion());
        assertEquals(new BigDecimal("0.7143"), f.stages().get(1).conversion());
        assertEquals(new BigDecimal("0.6000"), f.stages().get(2).conversion());
        assertEquals(new BigDecimal("0.3333"), f.stages().get(3).conversion());
        assertEquals("WON", f.largestDropOff());
    }

    @Test
    void aTieGoesToTheEarlierStageAndAnEmptyFunnelHasNoDropOff() {
        assertEquals("HIGH_INTENT", KpiMath.funnel(new long[] { 8, 4, 2, 1 }).largestDropOff());
        assertEquals("WON", KpiMath.funnel(new long[] { 4, 2, 1, 0 }).largestDropOff());
        assertNull(KpiMath.funnel(new long[] { 0, 0, 0, 0 }).largestDropOff());
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(new BigDecimal("3"), KpiMath.median(List.of(new BigDecimal("5"), new BigDecimal("1"), new BigDecimal("3"))));
        assertEquals(new BigDecimal("2.5000"), KpiMath.median(List.of(new BigDecimal("1"), new BigDecimal("4"), new BigDecimal("2"), new BigDecimal("3"))));
        assertNull(KpiMath.median(List.of()));
    }

    @Test
    void perWeekNeededRoundsUp() {
        assertEquals(7L, KpiMath.perWeekNeeded(BigDecimal.valueOf(20), BigDecimal.valueOf(10), 10));
        assertEquals(0L, KpiMath.perWeekNeeded(BigDecimal.valueOf(20), BigDecimal.valueOf(25), 10));
        assertNull(KpiMath.perWeekNeeded(BigDecimal.valueOf(20), BigDecimal.valueOf(10), 0));
    }

    @Test
    void moneyIsKeptPerCurrencyInItsMinorUnits() {
        Map<String, BigDecimal> revenue = new TreeMap<>(Map.of("JPY", new BigDecimal("1000.4"), "CNY", new BigDecimal("10.005")));
        assertEquals(List.of(new KpiMath.Money("CNY", new BigDecimal("10.01")), new KpiMath.Money("JPY", new BigDecimal("1000"))),
                KpiMath.money(revenue));
        assertEquals(List.of(new KpiMath.Money("CNY", new BigDecimal("3.33"))),
                KpiMath.averages(Map.of("CNY", BigDecimal.TEN, "USD", BigDecimal.ONE), Map.of("CNY", 3L)));
    }

    @Test
    void collectionRateIsCollectedOverDueAndAbsentWhenNothingWasDue() {
        List<KpiMath.Collection> c = KpiMath.collections(Map.of("CNY", new BigDecimal("3000")), Map.of("CNY", new BigDecimal("1000")),
                Map.of("CNY", new BigDecimal("500"), "USD", new BigDecimal("20")));
        assertEquals(new KpiMath.Collection("CNY", new BigDecimal("3000.00"), new BigDecimal("1000.00"), new BigDecimal("0.3333"),
                new BigDecimal("500.00")), c.get(0));
        assertEquals(new KpiMath.Collection("USD", new BigDecimal("0.00"), new BigDecimal("0.00"), null, new BigDecimal("20.00")), c.get(1));
    }

    @Test
    void cycleDaysAreAMeanWithOneDecimal() {
        assertEquals(new BigDecimal("3.3"), KpiMath.averageDays(10, 3));
        assertNull(KpiMath.averageDays(0, 0));
    }
}
