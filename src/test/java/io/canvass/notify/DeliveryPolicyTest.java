package io.canvass.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours and the daily cap, in the user's own time zone. */
class DeliveryPolicyTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static DeliveryPolicy.Settings quiet(ZoneId zone, String start, String end, int cap) {
        return new DeliveryPolicy.Settings(zone, start == null ? null : LocalTime.parse(start), end == null ? null : LocalTime.parse(end), cap);
    }

    @Test
    void aReminderInOvernightQuietHoursWaitsForTheirEndInTheUsersZone() {
        // 23:30 in Shanghai is 15:30 UTC
        Instant lateEvening = Instant.parse("2026-11-23T15:30:00Z");
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), // 07:00 next morning in Shanghai
                DeliveryPolicy.earliest(lateEvening, quiet(SHANGHAI, "22:00", "07:00", 20), 0));
        // after midnight, the same night's end
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"),
                DeliveryPolicy.earliest(Instant.parse("2026-11-23T18:10:00Z"), quiet(SHANGHAI, "22:00", "07:00", 20), 0));
    }

    @Test
    void theSameInstantIsQuietForOneUserAndNotForAnother() {
        Instant at = Instant.parse("2026-11-23T15:30:00Z"); // 23:30 Shanghai, 15:30 London, 10:30 New York
        DeliveryPolicy.Settings london = quiet(LONDON, "22:00", "07:00", 20);
        DeliveryPolicy.Settings newYork = quiet(NEW_YORK, "22:00", "07:00", 20);
        assertEquals(at, DeliveryPolicy.earliest(at, london, 0));
        assertEquals(at, DeliveryPolicy.earliest(at, newYork, 0));
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), DeliveryPolicy.earliest(at, quiet(SHANGHAI, "22:00", "07:00", 20), 0));
    }

    @Test
    void daytimeQuietHoursAndTheirEdges() {
        DeliveryPolicy.Settings lunch = quiet(SHANGHAI, "12:00", "13:30", 20);
        Instant noon = Instant.parse("2026-11-23T04:00:00Z"); // 12:00 Shanghai: quiet starts
        assertEquals(Instant.parse("2026-11-23T05:30:00Z"), DeliveryPolicy.earliest(noon, lunch, 0));
        Instant end = Instant.parse("2026-11-23T05:30:00Z"); // 13:30: quiet is over
        assertEquals(end, DeliveryPolicy.earliest(end, lunch, 0));
        Instant morning = Instant.parse("2026-11-23T01:00:00Z");
        assertEquals(morning, DeliveryPolicy.earliest(morning, lunch, 0));
    }

    @Test
    void noQuietHoursMeansNow() {
        Instant at = Instant.parse("2026-11-23T15:30:00Z");
        assertEquals(at, DeliveryPolicy.earliest(at, quiet(SHANGHAI, null, null, 20), 5));
    }

    @Test
    void overTheDailyCapWaitsForTheNextLocalDayThenItsQuietHours() {
        Instant afternoon = Instant.parse("2026-11-23T06:00:00Z"); // 14:00 Shanghai
        assertEquals(afternoon, DeliveryPolicy.earliest(afternoon, quiet(SHANGHAI, null, null, 3), 2));
        assertEquals(Instant.parse("2026-11-23T16:00:00Z"), // midnight in Shanghai
                DeliveryPolicy.earliest(afternoon, quiet(SHANGHAI, null, null, 3), 3));
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), // midnight is quiet: 07:00
                DeliveryPolicy.earliest(afternoon, quiet(SHANGHAI, "22:00", "07:00", 3), 3));
    }

    @Test
    void overTheDailyCapHighImportanceStillGoesButNotInQuietHoursWhileLowAndNormalWait() {
        Instant afternoon = Instant.parse("2026-11-23T06:00:00Z"); // 14:00 Shanghai
        var capped = quiet(SHANGHAI, null, null, 3);
        assertEquals(afternoon, DeliveryPolicy.earliest(afternoon, capped, 40, ReminderKind.Priority.HIGH));
        assertEquals(Instant.parse("2026-11-23T16:00:00Z"), DeliveryPolicy.earliest(afternoon, capped, 3, ReminderKind.Priority.NORMAL));
        assertEquals(Instant.parse("2026-11-23T16:00:00Z"), DeliveryPolicy.earliest(afternoon, capped, 3, ReminderKind.Priority.LOW));
        Instant lateEvening = Instant.parse("2026-11-23T15:00:00Z"); // 23:00 Shanghai
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), // quiet hours still hold: 07:00
                DeliveryPolicy.earliest(lateEvening, quiet(SHANGHAI, "22:00", "07:00", 3), 40, ReminderKind.Priority.HIGH));
    }

    @Test
    void quietHoursAcrossADaylightSavingChange() {
        // New York: clocks go back on 2026-11-01 at 02:00; 23:00 on Oct 31 (EDT, UTC-4) waits until 07:00 EST (UTC-5)
        Instant at = Instant.parse("2026-11-01T03:00:00Z");
        assertEquals(Instant.parse("2026-11-01T12:00:00Z"), DeliveryPolicy.earliest(at, quiet(NEW_YORK, "22:00", "07:00", 20), 0));
    }
}
