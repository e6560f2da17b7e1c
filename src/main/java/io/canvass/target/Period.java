package io.canvass.target;

import io.canvass.platform.ProblemException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planning period: a year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month
 * ({@code 2026-11}). Days run from {@code start} (inclusive) to {@code end} (exclusive), in the
 * organisation's calendar; times are compared in the caller's zone at the edges.
 */
public record Period(Kind kind, LocalDate start, LocalDate end) {

    public enum Kind { YEAR, QUARTER, MONTH }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    /** Parses {@code 2026}, {@code 2026-Q4} or {@code 2026-11}; a bad value is a validation problem on {@code field}. */
    public static Period parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required (2026, 2026-Q4 or 2026-11)");
        }
        String v = value.trim();
        Matcher m = YEAR.matcher(v);
        if (m.matches()) {
            return of(Kind.YEAR, LocalDate.of(year(field, m.group(1)), 1, 1));
        }
        m = QUARTER.matcher(v);
        if (m.matches()) {
            return of(Kind.QUARTER, LocalDate.of(year(field, m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
        }
        m = MONTH.matcher(v);
        if (m.matches()) {
            return of(Kind.MONTH, LocalDate.of(year(field, m.group(1)), Integer.parseInt(m.group(2)), 1));
        }
        throw ProblemException.invalid(field, "is not a period (2026, 2026-Q4 or 2026-11)");
    }

    private static int year(String field, String digits) {
        int year = Integer.parseInt(digits);
        if (year < 2000 || year > 2999) {
            throw ProblemException.invalid(field, "year must be between 2000 and 2999");
        }
        return year;
    }

    public static Period of(Kind kind, LocalDate start) {
        LocalDate end = switch (kind) {
            case YEAR -> start.plusYears(1);
            case QUARTER -> start.plusMonths(3);
            case MONTH -> start.plusMonths(1);
        };
        return new Period(kind, start, end);
    }

    /** The period of this kind that contains {@code day}. */
    public static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case YEAR -> of(kind, day.withDayOfYear(1));
            case QUARTER -> of(kind, LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1));
            case MONTH -> of(kind, day.withDayOfMonth(1));
        };
    }

    /** The label this period parses from. */
    public String label() {
        return switch (kind) {
            case YEAR -> Integer.toString(start.getYear());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
        };
    }

    /** Does this period lie wholly inside {@code other}? */
    public boolean within(Period other) {
        return !start.isBefore(other.start) && !end.isAfter(other.end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** Days of the period from {@code day} (inclusive) to its end; 0 once it is over, all of them before it starts. */
    public long daysLeftFrom(LocalDate day) {
        if (!day.isBefore(end)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(day.isBefore(start) ? start : day, end);
    }
}
