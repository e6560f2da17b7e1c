package io.canvass.notify.push;

import io.canvass.notify.ReminderKind;
import jakarta.enterprise.context.ApplicationScoped;

/** The reminder kind of push itself, created by {@link PushSubscriptionService} and worded in {@code reminders/messages*.properties}. */
final class PushReminders {

    private PushReminders() {
    }

    /** A test message the user sends themselves from the notification settings to check a device. */
    @ApplicationScoped
    static class PushTest implements ReminderKind {

        static final String CODE = "PUSH_TEST";

        @Override
        public Priority priority() {
            return Priority.HIGH;
        }

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public PushSender.Urgency urgency() {
            return PushSender.Urgency.HIGH;
        }
    }
}
