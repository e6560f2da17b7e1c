package io.canvass.notify.kinds;

import io.canvass.notify.ReminderKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rep's coaching task falls due soon (within {@code canvass.coaching.reminders.due-soon-days}):
 * reminded once per due date. Created by the coaching reminder scan.
 */
@ApplicationScoped
public class CoachingDueSoon implements ReminderKind {

    public static final String CODE = "COACHING_DUE_SOON";

    /** Of the coaching tasks in $1, those still open (shared by the coaching task kinds). */
    public static final String STILL_OPEN = "select id from coaching_task where id = any($1) and status in ('OPEN', 'IN_PROGRESS')";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String stillRelevant() {
        return STILL_OPEN;
    }
}
