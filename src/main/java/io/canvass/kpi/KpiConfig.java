package io.canvass.kpi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How indicators are measured. */
@ConfigMapping(prefix = "canvass.kpi")
public interface KpiConfig {

    /** An open lead touched within this many days counts as fresh (lead pool freshness). */
    @WithDefault("30")
    int freshLeadDays();
}
