package io.canvass.coaching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Onboarding plans for new reps, and the diagnosis that proposes coaching. */
@ConfigMapping(prefix = "canvass.coaching")
public interface CoachingConfig {

    Onboarding onboarding();

    Diagnosis diagnosis();

    Reminders reminders();

    /** Coaching task reminders (the scan's schedule is {@code canvass.coaching.reminders.every} and {@code .delay}). */
    interface Reminders {
        /** How often the scan looks for tasks falling due or overdue. */
        @WithDefault("15m")
        String every();

        /** How long after start-up the first scan runs. */
        @WithDefault("2m")
        String delay();

        /** A task due within this many days (0 = on its due day) gets its "due soon" reminder. */
        @WithDefault("1")
        int dueSoonDays();
    }

    /** The behaviour-result rules that propose coaching, and their thresholds. */
    interface Diagnosis {
        /** Whether the diagnosis runs. */
        @WithDefault("true")
        boolean enabled();

        /** When it runs (cron); it looks at the last complete weeks, so a daily run repeats nothing until a week ends. */
        @WithDefault("0 30 1 * * ?")
        String cron();

        /** How many complete weeks it looks back over. */
        @WithDefault("4")
        int weeks();

        /** The calendar weeks and months are cut in. */
        @WithDefault("Asia/Shanghai")
        String zone();

        /** Many visits, low conversion: at least this many effective visits in the window (and the team's median or more)... */
        @WithDefault("12")
        int visitQualityMinVisits();

        /** ...and lead conversions per effective visit below this share of the team's median. */
        @WithDefault("0.5")
        java.math.BigDecimal visitQualityConversionShare();

        /** Many proposals, few wins: at least this many deals entering the proposal stage in the window... */
        @WithDefault("6")
        int proposalFitMinProposals();

        /** ...and deals won per proposal below this (and below the team's median). */
        @WithDefault("0.2")
        java.math.BigDecimal proposalFitMaxWinRate();

        /** Follow-up on-time rate below this... */
        @WithDefault("0.7")
        java.math.BigDecimal timeManagementMaxOnTimeRate();

        /** ...over at least this many follow-ups due. */
        @WithDefault("5")
        int timeManagementMinDue();

        /** An approved monthly target missed this many months in a row proposes an improvement plan. */
        @WithDefault("2")
        int targetMissedMonths();
    }

    interface Onboarding {
        /** Whether reps added recently get an onboarding plan by themselves. */
        @WithDefault("true")
        boolean auto();

        /** A rep added within this long (and hired, if the date is known, within it too) counts as new. */
        @WithDefault("P7D")
        Duration newRepWindow();

        /** How often new reps are looked for. */
        @WithDefault("10m")
        String every();

        /** How long after start-up the first look happens. */
        @WithDefault("1m")
        String delay();
    }
}
