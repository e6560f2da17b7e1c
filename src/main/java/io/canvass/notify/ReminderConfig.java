package io.canvass.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;

/** The reminder engine: scans that create reminders, the dispatcher that delivers them. */
@ConfigMapping(prefix = "canvass.reminders")
public interface ReminderConfig {

    /** How often each replica claims and delivers due reminders ({@code off} to stop). */
    @WithDefault("5s")
    String dispatchEvery();

    /** How often each replica runs the kinds' scans (follow-ups due, overdue, escalations, digests). */
    @WithDefault("1m")
    String scanEvery();

    /** Reminders claimed per batch. */
    @WithDefault("200")
    int batchSize();

    /** Batches one dispatch run may deliver before yielding to the next tick. */
    @WithDefault("50")
    int maxBatchesPerRun();

    /** How long a claim holds: a replica that dies leaves its reminders to others after this. */
    @WithDefault("PT2M")
    Duration lease();

    /** Delivery attempts before a reminder's failing devices are given up. */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay after a push service failed (doubling per attempt, unless Retry-After says). */
    @WithDefault("PT30S")
    Duration retryBase();

    /** Longest retry delay. */
    @WithDefault("PT1H")
    Duration retryMax();

    /** A reminder sent later than this after it was due counts as late (the late metric). */
    @WithDefault("PT1M")
    Duration lateAfter();

    /** Reminders a user receives per local day unless they or an admin (the organisation's reminder settings) choose otherwise. */
    @WithDefault("20")
    int defaultDailyCap();

    /** How long before a follow-up's due time (the end of its due day) the rep is reminded. */
    @WithDefault("PT10H")
    Duration followUpLead();

    /** Follow-ups overdue for longer than this when first seen get no overdue reminder (no flood after an outage). */
    @WithDefault("P2D")
    Duration overdueWindow();

    /** How long a follow-up may stay overdue before the rep's managers are told. */
    @WithDefault("P1D")
    Duration escalateAfter();

    /** Local time of the managers' daily digest. */
    @WithDefault("08:00")
    LocalTime digestAt();
}
