package io.canvass.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Cadence arithmetic across time zones, with and without daylight saving. */
class CadenceTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aFollowUpIsOverdueExactlyWhenItsDayEndsInTheOwnersZone() {
        LocalDate due = LocalDate.of(2026, 11, 23);
        Instant lastMoment = ZonedDateTime.of(2026, 11, 23, 23, 59, 59, 0, SHANGHAI).toInstant();
        Instant midnight = ZonedDateTime.of(2026, 11, 24, 0, 0, 0, 0, SHANGHAI).toInstant();
        assertFalse(Cadence.isOverdue(due, SHANGHAI, lastMoment));
        assertTrue(Cadence.isOverdue(due, SHANGHAI, midnight));
        assertEquals(Instant.parse("2026-11-23T16:00:00Z"), Cadence.endOfDay(due, SHANGHAI));
    }

    @Test
    void endOfDayFollowsDaylightSavingChanges() {
        // Berlin switches to summer time on 2026-03-29: that day has 23 hours.
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), Cadence.endOfDay(LocalDate.of(2026, 3, 29), BERLIN));
        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), Cadence.endOfDay(LocalDate.of(2026, 3, 28), BERLIN));
        // and back on 2026-10-25: 25 hours.
        assertEquals(Instant.parse("2026-10-25T23:00:00Z"), Cadence.endOfDay(LocalDate.of(2026, 10, 25), BERLIN));
    }

    @Test
    void todayDependsOnTheZone() {
        Instant lateEveningUtc = Instant.parse("2026-11-23T20:00:00Z");
        assertEquals(LocalDate.of(2026, 11, 24), Cadence.today(SHANGHAI, lateEveningUtc));
        assertEquals(LocalDate.of(2026, 11, 23), Cadence.today(BERLIN, lateEveningUtc));
    }

    @Test
    void theTighterOfGradeAndStageApplies() {
        assertEquals(3, Cadence.effectiveInterval(null, 14, 3));
        assertEquals(7, Cadence.effectiveInterval(null, 7, null));
        assertEquals(10, Cadence.effectiveInterval(10, 3, 3));
    }

    @Test
    void missedOnlyAfterTheGrace() {
        LocalDate due = LocalDate.of(2026, 11, 20);
        Instant endOfGrace = Cadence.endOfDay(due, SHANGHAI).plusSeconds(3 * 86400);
        assertFalse(Cadence.isMissed(due, SHANGHAI, 3, endOfGrace.minusSeconds(1)));
        assertTrue(Cadence.isMissed(due, SHANGHAI, 3, endOfGrace));
    }

    @Property
    void theNextFollowUpIsAlwaysExactlyOneCadenceAfterTheTouch(@ForAll("days") LocalDate touched,
                                                                @ForAll @IntRange(min = 1, max = 365) int interval) {
        LocalDate next = Cadence.nextDueOn(touched, interval);
        assertEquals(interval, java.time.temporal.ChronoUnit.DAYS.between(touched, next));
    }

    @Property
    void aFollowUpIsNeverOverdueDuringItsOwnDay(@ForAll("days") LocalDate due, @ForAll("zones") ZoneId zone,
                                                @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay) {
        ZonedDateTime start = due.atStartOfDay(zone);
        Instant during = start.plusSeconds(secondOfDay).toInstant();
        if (Cadence.today(zone, during).equals(due)) {
            assertFalse(Cadence.isOverdue(due, zone, during));
        }
        assertTrue(Cadence.isOverdue(due, zone, Cadence.endOfDay(due, zone)));
        assertEquals(due.plusDays(1), Cadence.today(zone, Cadence.endOfDay(due, zone)));
    }

    @Property
    void daysSinceCountsCalendarDaysInTheZone(@ForAll("days") LocalDate day, @ForAll("zones") ZoneId zone,
                                              @ForAll @IntRange(min = 0, max = 400) int later) {
        Instant touched = day.atTime(10, 0).atZone(zone).toInstant();
        Instant now = day.plusDays(later).atTime(9, 0).atZone(zone).toInstant();
        assertEquals(later, Cadence.daysSince(touched, zone, now));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 3650).map(n -> LocalDate.of(2024, 1, 1).plusDays(n));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(SHANGHAI, BERLIN, ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"),
                ZoneId.of("Pacific/Auckland"), ZoneId.of("UTC"));
    }
}
