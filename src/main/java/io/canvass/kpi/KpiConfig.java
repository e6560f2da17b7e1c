package io.canvass.kpi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How indicators are measured. */
@ConfigMapping(prefix = "canvass.kpi")
public interface KpiConfig {

    /** An open lead touched within this many days counts as fresh (lead pool freshness). */
    @WithDefault("30")
    int freshLeadDays();

    /**
     * Whether dashboards read visits, new customers, follow-ups and money of whole days from the
     * per-rep daily rollups ({@code kpi_rep_day}, {@code kpi_rep_money_day}, kept by triggers)
     * instead of the records; either way the numbers are the same.
     */
    @WithDefault("true")
    boolean rollup();
}
