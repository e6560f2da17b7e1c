package io.canvass.notify.kinds;

import io.canvass.notify.ReminderKind;
import io.canvass.notify.push.PushSender;
import jakarta.enterprise.context.ApplicationScoped;

/** The rep's coaching task is past its due day and not done: reminded once per due date. Created by the coaching reminder scan. */
@ApplicationScoped
public class CoachingOverdue implements ReminderKind {

    public static final String CODE = "COACHING_OVERDUE";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public PushSender.Urgency urgency() {
        return PushSender.Urgency.HIGH;
    }

    @Override
    public String stillRelevant() {
        return CoachingDueSoon.STILL_OPEN;
    }
}
