package io.canvass.notify.kinds;

import io.canvass.notify.ReminderKind;
import jakarta.enterprise.context.ApplicationScoped;

/** The managers of the rep's team: a coaching task is past its due day and not done. Created by the coaching reminder scan. */
@ApplicationScoped
public class CoachingOverdueManager implements ReminderKind {

    public static final String CODE = "COACHING_OVERDUE_MANAGER";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String stillRelevant() {
        return CoachingDueSoon.STILL_OPEN;
    }
}
