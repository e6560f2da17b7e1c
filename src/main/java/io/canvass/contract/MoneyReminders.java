package io.canvass.contract;

import io.canvass.notify.ReminderKind;
import io.canvass.notify.push.PushSender;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reminder kinds of renewals and collections, one per {@link MoneyAlert.Kind}: created by
 * {@link MoneyAlerts#fire} when an alert fires, worded in {@code reminders/messages*.properties},
 * and cancelled at delivery once the renewal is decided or the instalment paid.
 */
final class MoneyReminders {

    /** Renewals still waiting for a decision, of the contract ids in $1. */
    static final String RENEWAL_UNDECIDED = "select id from contract where id = any($1) and renewal_state in ('UPCOMING', 'IN_EVALUATION')";

    /** Instalments still unpaid, of the ids in $1. */
    static final String INSTALMENT_UNPAID = "select id from instalment where id = any($1) and paid_on is null";

    private MoneyReminders() {
    }

    /** The owner: a renewal window was entered. */
    @ApplicationScoped
    static class RenewalWindow implements ReminderKind {
        @Override
        public Priority priority() {
            return Priority.HIGH;
        }

        @Override
        public String code() {
            return MoneyAlert.Kind.RENEWAL_WINDOW.name();
        }

        @Override
        public String stillRelevant() {
            return RENEWAL_UNDECIDED;
        }
    }

    /** The managers: the owner has not acted on a renewal by the policy point. */
    @ApplicationScoped
    static class RenewalEscalation implements ReminderKind {
        @Override
        public Priority priority() {
            return Priority.HIGH;
        }

        @Override
        public String code() {
            return MoneyAlert.Kind.RENEWAL_ESCALATION.name();
        }

        @Override
        public PushSender.Urgency urgency() {
            return PushSender.Urgency.HIGH;
        }

        @Override
        public String stillRelevant() {
            return RENEWAL_UNDECIDED;
        }
    }

    /** Owner and managers: a contract ended with no renewal decision. */
    @ApplicationScoped
    static class ExpiredUndecided implements ReminderKind {
        @Override
        public Priority priority() {
            return Priority.HIGH;
        }

        @Override
        public String code() {
            return MoneyAlert.Kind.CONTRACT_EXPIRED_UNDECIDED.name();
        }

        @Override
        public PushSender.Urgency urgency() {
            return PushSender.Urgency.HIGH;
        }
    }

    /** The owner: an instalment is past due. */
    @ApplicationScoped
    static class InstalmentOverdue implements ReminderKind {
        @Override
        public Priority priority() {
            return Priority.HIGH;
        }

        @Override
        public String code() {
            return MoneyAlert.Kind.INSTALMENT_OVERDUE.name();
        }

        @Override
        public String stillRelevant() {
            return INSTALMENT_UNPAID;
        }
    }

    /** The managers: an instalment is still unpaid after the policy delay. */
    @ApplicationScoped
    static class CollectionEscalation implements ReminderKind {
        @Override
        public Priority priority() {
            return Priority.HIGH;
        }

        @Override
        public String code() {
            return MoneyAlert.Kind.COLLECTION_ESCALATION.name();
        }

        @Override
        public PushSender.Urgency urgency() {
            return PushSender.Urgency.HIGH;
        }

        @Override
        public String stillRelevant() {
            return INSTALMENT_UNPAID;
        }
    }
}
