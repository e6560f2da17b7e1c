package io.canvass.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Token-bucket limits per caller and endpoint class. Each limit is the whole system's: with N
 * replicas each replica allows its share (limit / N), except for the auth class, counted exactly
 * in PostgreSQL per client address.
 */
@ConfigMapping(prefix = "canvass.rate-limits")
public interface RateLimitConfig {

    /** Whether limits are enforced at all. */
    @WithDefault("true")
    boolean enabled();

    /** Sign-in, refresh and token requests, per client address. */
    Limit auth();

    /** POST, PUT, PATCH and DELETE, per caller. */
    Limit writes();

    /** GET and HEAD, per caller. */
    Limit reads();

    /** How many of one caller's requests run at once, and how many more wait their turn (see {@link InFlight}). */
    Concurrent concurrent();

    /** How often a replica announces itself (and recounts the live ones). */
    @WithDefault("5s")
    String heartbeatEvery();

    /** A replica not heard from for this long no longer counts. */
    @WithDefault("PT20S")
    Duration replicaTtl();

    interface Concurrent {

        /** Requests of one caller running at once: at most this many of the replica's database connections. */
        @WithDefault("8")
        int limit();

        /** Requests of one caller waiting for their turn; the next is refused (429) at once. */
        @WithDefault("100")
        int queue();
    }

    interface Limit {

        /** Requests allowed per window (the bucket's size; it refills evenly over the window). */
        int limit();

        /** The window. */
        @WithDefault("PT1M")
        Duration window();
    }
}
