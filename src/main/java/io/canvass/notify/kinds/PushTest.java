package io.canvass.notify.kinds;

import io.canvass.notify.ReminderKind;
import io.canvass.notify.push.PushSender;
import jakarta.enterprise.context.ApplicationScoped;

/** A test message the user sends themselves from the notification settings to check a device. */
@ApplicationScoped
public class PushTest implements ReminderKind {

    public static final String CODE = "PUSH_TEST";

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
