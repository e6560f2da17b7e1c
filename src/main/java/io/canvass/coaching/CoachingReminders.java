package io.canvass.coaching;

import io.canvass.notify.ReminderKind;
import io.canvass.notify.push.PushSender;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reminder kinds of coaching: a task falling due and overdue, to the rep and the team's managers
 * (created by {@link CoachingReminderScan}), and a new proposal to the managers (created in the
 * statement that makes it, {@link DiagnosisService#PROPOSE}). Worded in
 * {@code reminders/messages*.properties}; cancelled at delivery once the task is finished or the
 * proposal decided.
 */
final class CoachingReminders {

    /** Of the coaching tasks in $1, those still open (shared by the task kinds). */
    static final String STILL_OPEN = "select id from coaching_task where id = any($1) and status in ('OPEN', 'IN_PROGRESS')";

    private CoachingReminders() {
    }

    /** The rep's coaching task falls due soon (within {@code canvass.coaching.reminders.due-soon-days}): reminded once per due date. */
    @ApplicationScoped
    static class DueSoon implements ReminderKind {

        static final String CODE = "COACHING_DUE_SOON";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String stillRelevant() {
            return STILL_OPEN;
        }
    }

    /** The rep's coaching task is past its due day and not done: reminded once per due date. */
    @ApplicationScoped
    static class Overdue implements ReminderKind {

        static final String CODE = "COACHING_OVERDUE";

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
            return STILL_OPEN;
        }
    }

    /** The managers of the rep's team: a coaching task is past its due day and not done. */
    @ApplicationScoped
    static class OverdueManager implements ReminderKind {

        static final String CODE = "COACHING_OVERDUE_MANAGER";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String stillRelevant() {
            return STILL_OPEN;
        }
    }

    /** The managers of the rep's team: the diagnosis proposed coaching for one of their reps; cancelled once the proposal is decided. */
    @ApplicationScoped
    static class Proposed implements ReminderKind {

        static final String CODE = "COACHING_PROPOSED";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String stillRelevant() {
            return "select id from coaching_proposal where id = any($1) and status = 'OPEN'";
        }
    }
}
