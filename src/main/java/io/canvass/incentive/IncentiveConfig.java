package io.canvass.incentive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Commission statements and honours. */
@ConfigMapping(prefix = "canvass.incentives")
public interface IncentiveConfig {

    /** The calendar periods are cut in: a deal won at 23:30 on the 31st in this zone counts for that month. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** A rep hired fewer than this many days before the month's last day may be the month's best newcomer. */
    @WithDefault("90")
    int newcomerDays();

    /** Honours compare revenue won in this currency (amounts in different currencies are never added). */
    @WithDefault("CNY")
    String honoursCurrency();
}
