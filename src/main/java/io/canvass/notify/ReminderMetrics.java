package io.canvass.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Reminder metrics on /q/metrics: {@code canvass_reminders_created_total},
 * {@code canvass_reminders_sent_total} (by channel), {@code canvass_reminders_failed_total},
 * {@code canvass_reminders_late_total}, all by kind, and the histogram
 * {@code canvass_reminders_lateness_seconds} (due → sent).
 */
@ApplicationScoped
public class ReminderMetrics {

    private final MeterRegistry registry;

    public ReminderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void created(String kind, int count) {
        if (count > 0) {
            Counter.builder("canvass.reminders.created").description("Reminders created").tag("kind", kind)
                    .register(registry).increment(count);
        }
    }

    public void sent(String kind, String channel) {
        Counter.builder("canvass.reminders.sent").description("Reminders delivered, per channel").tag("kind", kind)
                .tag("channel", channel).register(registry).increment();
    }

    public void failed(String kind, String channel) {
        Counter.builder("canvass.reminders.failed").description("Deliveries given up").tag("kind", kind)
                .tag("channel", channel).register(registry).increment();
    }

    public void delivered(String kind, Duration lateness, boolean late) {
        Timer.builder("canvass.reminders.lateness").description("From a reminder's due time to its delivery")
                .tag("kind", kind).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(24))
                .register(registry).record(lateness.isNegative() ? Duration.ZERO : lateness);
        Counter lateCounter = Counter.builder("canvass.reminders.late").description("Reminders delivered later than canvass.reminders.late-after")
                .tag("kind", kind).register(registry);
        if (late) {
            lateCounter.increment();
        }
    }
}
