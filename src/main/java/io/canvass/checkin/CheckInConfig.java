package io.canvass.checkin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Presence verification and the time bounds of check-ins. */
@ConfigMapping(prefix = "canvass.checkin")
public interface CheckInConfig {

    /** Radius around the customer's location within which a visit is verified. */
    @WithDefault("300")
    double geofenceRadiusMeters();

    /** Positions less accurate than this do not verify presence. */
    @WithDefault("100")
    double maxAccuracyMeters();

    /** Positions older than this when the check-in was made do not verify presence. */
    @WithDefault("PT2M")
    Duration maxFixAge();

    /** How old a check-in made offline may be when it reaches the server. */
    @WithDefault("P7D")
    Duration maxClientAge();

    /** How far a phone's clock may run ahead of the server's. */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /** Largest photo accepted, in bytes. */
    @WithDefault("5242880")
    int maxPhotoBytes();
}
