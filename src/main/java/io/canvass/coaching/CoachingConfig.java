package io.canvass.coaching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Onboarding plans for new reps, and the diagnosis that proposes coaching. */
@ConfigMapping(prefix = "canvass.coaching")
public interface CoachingConfig {

    Onboarding onboarding();

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
