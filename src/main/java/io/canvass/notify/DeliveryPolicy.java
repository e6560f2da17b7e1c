package io.canvass.notify;

import io.canvass.platform.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a reminder may reach a user: never inside their quiet hours (it waits for their end), and,
 * unless its kind is of {@link ReminderKind.Priority#HIGH high} importance, not once the user had
 * their daily cap that local day (it waits for the next day). High ones count towards the cap but
 * are never held back by it. Pure: the user's time zone is applied here, at the edge.
 */
public final class DeliveryPolicy {

    private DeliveryPolicy() {
    }

    /**
     * A user's delivery settings.
     *
     * @param zone their time zone
     * @param quietStart start of quiet hours (local), or null for none
     * @param quietEnd end of quiet hours (local); before {@code quietStart} when they span midnight
     * @param dailyCap most reminders per local day
     */
    public record Settings(ZoneId zone, LocalTime quietStart, LocalTime quietEnd, int dailyCap) {
    }

    /** The time a reminder of normal importance due now may go, given how many the user had today. */
    /** Quiet hours as a user or the organisation sets them: both ends or neither, and not the same time (they may span midnight). */
    public static void checkQuietHours(LocalTime start, LocalTime end) {
        if ((start == null) != (end == null)) {
            throw ProblemException.invalid(start == null ? "quietStart" : "quietEnd", "must be given with the other end of the quiet hours");
        }
        if (start != null && start.equals(end)) {
            throw ProblemException.invalid("quietEnd", "must differ from quietStart");
        }
    }

    public static Instant earliest(Instant now, Settings settings, int sentToday) {
        return earliest(now, settings, sentToday, ReminderKind.Priority.NORMAL);
    }

    /** The time a reminder of this importance due now may go, given how many the user had today: {@code now} itself, or later. */
    public static Instant earliest(Instant now, Settings settings, int sentToday, ReminderKind.Priority priority) {
        boolean capped = priority != ReminderKind.Priority.HIGH && sentToday >= settings.dailyCap();
        Instant at = capped ? startOfNextDay(now, settings.zone()) : now;
        return afterQuietHours(at, settings);
    }

    /** {@code at} itself, or the end of the quiet hours it falls in. */
    public static Instant afterQuietHours(Instant at, Settings settings) {
        if (settings.quietStart() == null || settings.quietEnd() == null) {
            return at;
        }
        ZonedDateTime local = at.atZone(settings.zone());
        LocalTime time = local.toLocalTime();
        LocalTime start = settings.quietStart();
        LocalTime end = settings.quietEnd();
        LocalDate day = local.toLocalDate();
        if (start.isBefore(end)) { // e.g. 12:00–14:00, within one day
            return !time.isBefore(start) && time.isBefore(end) ? day.atTime(end).atZone(settings.zone()).toInstant() : at;
        }
        // spans midnight, e.g. 22:00–07:00
        if (!time.isBefore(start)) {
            return day.plusDays(1).atTime(end).atZone(settings.zone()).toInstant();
        }
        if (time.isBefore(end)) {
            return day.atTime(end).atZone(settings.zone()).toInstant();
        }
        return at;
    }

    static Instant startOfNextDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }
}
