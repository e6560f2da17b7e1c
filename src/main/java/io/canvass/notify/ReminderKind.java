package io.canvass.notify;

import io.canvass.notify.push.PushSender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * One kind of reminder. A kind belongs to the feature whose rule it watches: adding one is a small
 * {@code @ApplicationScoped} class implementing this interface, nested in the feature's own
 * {@code <Feature>Reminders} holder in the feature's package (as {@code contract.MoneyReminders}), plus
 * its messages in {@code reminders/messages.properties} (English) and
 * {@code reminders/messages_zh_CN.properties}: {@code <CODE>.label}, {@code <CODE>.title} and
 * {@code <CODE>.body}, with {@code {name}} placeholders filled from the reminder's args.
 * Reminders of the kind are then created either by the owning feature through
 * {@link ReminderService#schedule} inside its own transaction, or by {@link #scan} here.
 * See src/docs/reminders.md.
 */
public interface ReminderKind {

    /** Stable code, upper case with underscores: stored with each reminder and keys the templates. */
    String code();

    /**
     * How much a reminder of this kind matters next to the others, when a user has more due than
     * their daily cap allows. The dispatcher claims due reminders in this order, {@link Priority#HIGH}
     * ones are never held back by the cap (they count towards it), and the others wait for the next
     * day once the cap is reached, the {@link Priority#LOW} ones first.
     */
    default Priority priority() {
        return Priority.NORMAL;
    }

    /** A kind's importance, highest first. */
    enum Priority {
        /** Money, renewals, decisions waiting for the user, the morning brief: always delivered the day they are due. */
        HIGH,
        /** The default. */
        NORMAL,
        /** Routine nudges that can come in numbers (follow-ups due, overdue, their escalations): the first to wait. */
        LOW
    }

    /** Push urgency (RFC 8030 §5.3): how eagerly a phone should wake up for it. */
    default PushSender.Urgency urgency() {
        return PushSender.Urgency.NORMAL;
    }

    /**
     * SQL that keeps, of the subject ids in {@code $1::uuid[]}, those still worth a reminder (for
     * example follow-ups still pending); reminders whose subject is gone by delivery time are
     * cancelled. Null when a reminder of this kind never goes stale.
     */
    default String stillRelevant() {
        return null;
    }

    /**
     * Creates the reminders that are due for this kind, set-based and idempotent (insert … on
     * conflict do nothing on the dedupe key), so every replica may run it at any time. Returns how
     * many were created. Kinds created only through {@link ReminderService#schedule} keep the default.
     */
    default Uni<Integer> scan(SqlClient client) {
        return Uni.createFrom().item(0);
    }
}
