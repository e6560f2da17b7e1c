package io.canvass.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates and times Canvass accepts: from 1900-01-01 up to, not including, 2200-01-01 (UTC for
 * instants). Nothing in a sales process (a hire date, a contract term, a due day, a check-in) lies
 * outside it, it keeps far inside what Java, the PostgreSQL driver and PostgreSQL's date and
 * timestamptz types can all represent, and it stays below the 9999-12-31 sentinels some queries
 * sort with. Applied to every date in a JSON body ({@link JsonInputRules}) and every date
 * parameter ({@link ParameterRules}); fields that carry a month or a week as text use
 * {@link #month} and {@link #check} where they parse it.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Exclusive. */
    public static final LocalDate END = LocalDate.of(2200, 1, 1);

    private static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = END.atStartOfDay(ZoneOffset.UTC).toInstant();

    public static final String RANGE = "must be between 1900-01-01 and 2199-12-31";

    private Dates() {
    }

    /** Whether {@code value} is one of the date or time types this rule covers. */
    public static boolean covers(Class<?> type) {
        return type == LocalDate.class || type == LocalDateTime.class || type == Instant.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == YearMonth.class || type == Year.class;
    }

    /** Whether a date or time is inside the accepted range; values of other types are. */
    public static boolean inRange(Object value) {
        if (value instanceof LocalDate date) {
            return !date.isBefore(EARLIEST) && date.isBefore(END);
        }
        if (value instanceof LocalDateTime time) {
            return inRange(time.toLocalDate());
        }
        if (value instanceof Instant instant) {
            return !instant.isBefore(EARLIEST_INSTANT) && instant.isBefore(END_INSTANT);
        }
        if (value instanceof OffsetDateTime time) {
            return inRange(time.toInstant());
        }
        if (value instanceof ZonedDateTime time) {
            return inRange(time.toInstant());
        }
        if (value instanceof YearMonth month) {
            return inRange(month.atDay(1));
        }
        if (value instanceof Year year) {
            return inRange(year.atDay(1));
        }
        return true;
    }

    /** The value, or a validation problem naming {@code field} when it is outside the range. */
    public static <T> T check(String field, T value) {
        if (!inRange(value)) {
            throw ProblemException.invalid(field, RANGE);
        }
        return value;
    }

    /** A month written like 2026-12 (for fields that carry a month as text), checked like any date. */
    public static YearMonth month(String field, String text) {
        try {
            return check(field, YearMonth.parse(text.trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a month such as 2026-12");
        }
    }
}
