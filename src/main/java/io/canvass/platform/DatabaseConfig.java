package io.canvass.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How requests wait for a database connection. A burst larger than the pool queues for at most
 * {@link #acquireTimeout()}, and at most {@link #waitQueue()} requests queue at all: beyond either,
 * the request is answered 503 with Retry-After at once, and other requests go on.
 */
@ConfigMapping(prefix = "canvass.database")
public interface DatabaseConfig {

    /** How long a request waits for a pooled connection before it is answered 503. */
    @WithDefault("PT5S")
    Duration acquireTimeout();

    /** How many requests may wait for a connection at once; the next is answered 503 straight away. */
    @WithDefault("256")
    int waitQueue();

    /** How long readiness waits for its own connection's answer before saying DOWN. */
    @WithDefault("PT3S")
    Duration readinessTimeout();
}
