package io.canvass.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Cadence arithmetic. A follow-up is due on a day in its owner's time zone and becomes overdue
 * when that day ends there; it is missed once a further grace period has passed.
 */
public final class Cadence {

    private Cadence() {
    }

    /** The day a follow-up is next due after a touch on {@code touchedOn}. */
    public static LocalDate nextDueOn(LocalDate touchedOn, int intervalDays) {
        if (intervalDays < 1) {
            throw new IllegalArgumentException("interval must be at least one day");
        }
        return touchedOn.plusDays(intervalDays);
    }

    /** The instant the day {@code dueOn} ends in {@code zone}: after it, the follow-up is overdue. */
    public static Instant endOfDay(LocalDate dueOn, ZoneId zone) {
        return dueOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public static LocalDate today(ZoneId zone, Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    public static boolean isOverdue(LocalDate dueOn, ZoneId zone, Instant now) {
        return !now.isBefore(endOfDay(dueOn, zone));
    }

    /** Whole days between the last touch and {@code now}, counted as calendar days in the zone. */
    public static long daysSince(Instant touchedAt, ZoneId zone, Instant now) {
        return Math.max(0, ChronoUnit.DAYS.between(today(zone, touchedAt), today(zone, now)));
    }

    /** Whether a pending follow-up due on {@code dueOn} is past its grace period and counts as missed. */
    public static boolean isMissed(LocalDate dueOn, ZoneId zone, int missAfterDays, Instant now) {
        return !now.isBefore(endOfDay(dueOn, zone).plus(Duration.ofDays(missAfterDays)));
    }

    /** The tighter of the grade's and the stage's intervals, unless the customer overrides it. */
    public static int effectiveInterval(Integer override, Integer gradeDays, Integer stageDays) {
        if (override != null) {
            return override;
        }
        if (gradeDays == null) {
            return stageDays;
        }
        return stageDays == null ? gradeDays : Math.min(gradeDays, stageDays);
    }
}
