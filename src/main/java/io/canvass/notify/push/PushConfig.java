package io.canvass.notify.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Web Push delivery (RFC 8030) with VAPID (RFC 8292). */
@ConfigMapping(prefix = "canvass.push")
public interface PushConfig {

    /**
     * Whether reminders are pushed to devices at all. When true, production needs the VAPID key
     * pair below and refuses to start without it; dev mode and tests generate a pair at start.
     */
    @WithDefault("true")
    boolean enabled();

    /** VAPID public key: the 65-byte uncompressed P-256 point, base64url. */
    Optional<String> vapidPublicKey();

    /** VAPID private key: the 32-byte P-256 scalar, base64url. */
    Optional<String> vapidPrivateKey();

    /** Contact for push services (the VAPID {@code sub} claim), a mailto: or https: URI. */
    @WithDefault("mailto:ops@canvass.io")
    String subject();

    /** Longest wait for a push service to answer. */
    @WithDefault("PT10S")
    Duration timeout();

    /** How long a push service keeps a message for an offline device (the TTL header). */
    @WithDefault("P1D")
    Duration ttl();

    /**
     * Test and benchmark only: also accept http and https endpoints on loopback addresses (a push
     * service on the same machine); every other non-public address stays refused. Never set in
     * production: it lets a subscription reach services on the server itself.
     */
    @WithDefault("false")
    boolean allowLocalEndpoints();

    /** Most concurrent requests to push services per dispatcher batch. */
    @WithDefault("64")
    int concurrency();
}
