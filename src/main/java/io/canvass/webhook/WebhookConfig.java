package io.canvass.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook delivery: signing-secret encryption, retries, timeouts and outbound address rules. */
@ConfigMapping(prefix = "canvass.webhooks")
public interface WebhookConfig {

    /**
     * AES key (base64 of 32 bytes) that encrypts the endpoints' signing secrets at rest, so that a
     * copy of the database alone does not let anyone sign (env {@code CANVASS_WEBHOOKS_SECRET_KEY}).
     */
    String secretKey();

    /** How often each replica looks for due deliveries (the scheduler's finest interval is 1 s; a full batch is followed at once by the next). */
    @WithDefault("1s")
    String dispatchEvery();

    /** How long after start-up the dispatcher begins. */
    @WithDefault("5s")
    String dispatchDelay();

    /** Deliveries claimed per round. */
    @WithDefault("200")
    int batchSize();

    /** Requests in flight per replica. */
    @WithDefault("64")
    int concurrency();

    /** How long a claimed delivery is reserved for the replica that claimed it (a crashed replica's work comes back after it). */
    @WithDefault("PT60S")
    Duration lease();

    /** Connect timeout to a receiver. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Whole-request timeout (a receiver should answer 2xx quickly and work afterwards). */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** First retry delay; each further retry doubles it (with jitter). */
    @WithDefault("PT5S")
    Duration retryBase();

    /** Longest delay between two attempts. */
    @WithDefault("PT1H")
    Duration retryMaxDelay();

    /** How long after the event an undelivered message keeps being retried before it is marked FAILED. */
    @WithDefault("P1D")
    Duration retryFor();

    /** An endpoint whose every attempt has failed for this long is disabled and the admins are told. */
    @WithDefault("P3D")
    Duration disableAfter();

    /** How long the previous secret keeps signing after a rotation, unless the rotation says otherwise. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /** Delivered and failed messages older than this are removed. */
    @WithDefault("P30D")
    Duration retention();

    /**
     * Test and benchmark only: also allow plain-http receivers on loopback addresses (never in
     * production; https to public addresses is the rule otherwise).
     */
    @WithDefault("false")
    boolean allowLocalhostReceivers();
}
