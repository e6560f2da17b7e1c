package io.canvass.contract.collection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Overdue instalments: when the manager hears about them, and how often the scan runs. */
@ConfigMapping(prefix = "canvass.collections")
public interface CollectionConfig {

    /** Days past the due day after which an unpaid instalment escalates to the owner's manager. */
    @WithDefault("7")
    int escalateAfterDays();

    /** How often the overdue scan runs. */
    @WithDefault("1h")
    String scanEvery();

    /** How long after start-up the overdue scan first runs. */
    @WithDefault("2m")
    String scanDelay();
}
