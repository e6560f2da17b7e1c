package io.canvass.notify;

/**
 * Who is reminded, for the kinds' scans to compose: the reminder engine's side of a recipient
 * (active, their own time of day, not reminded yet), while the kind adds which users it is for and
 * what it tells them. See src/docs/reminders.md, "Adding a kind".
 */
public final class ReminderRecipients {

    private ReminderRecipients() {
    }

    /**
     * The recipients of a once-a-day reminder of {@code kind}: active users whose own time of day (in
     * their time zone) has reached {@code $1::time} and who have not had today's reminder of the kind,
     * today's being the one with the dedupe key {@code keyPrefix} + their local date. A select on
     * {@code app_user u} ending in its where clause and a line break, so the kind narrows it with
     * {@code and …} on {@code u}; its columns are the user's ({@code u.*}: {@code id}, {@code role},
     * {@code time_zone}, …) and {@code today} (their local date), {@code dedupe_key} (today's) and
     * {@code due_at} ({@code $1} today in their time zone, when the reminder is due and delivered).
     *
     * <pre>{@code
     * with managers as (
     *     ReminderRecipients.daily("MANAGER_DIGEST", "digest:") + " and u.role = 'MANAGER'"
     * )
     * insert into reminder (id, user_id, kind, dedupe_key, args, link, due_at, deliver_at)
     * select uuid_v7(), m.id, 'MANAGER_DIGEST', m.dedupe_key, …, m.due_at, m.due_at from managers m
     * on conflict (user_id, kind, dedupe_key) do nothing
     * }</pre>
     *
     * @param kind the kind's code
     * @param keyPrefix the dedupe key before the local date, lower case and ending in a colon ({@code digest:})
     */
    public static String daily(String kind, String keyPrefix) {
        if (!kind.matches("[A-Z][A-Z0-9_]{0,39}") || !keyPrefix.matches("[a-z][a-z0-9-]*:")) {
            throw new IllegalArgumentException("kind " + kind + " or dedupe key prefix " + keyPrefix + " is malformed");
        }
        return """
                select u.*, (now() at time zone u.time_zone)::date as today,
                       '%2$s' || (now() at time zone u.time_zone)::date as dedupe_key,
                       ((now() at time zone u.time_zone)::date + $1::time) at time zone u.time_zone as due_at
                from app_user u
                where u.active
                  and (now() at time zone u.time_zone)::time >= $1::time
                  and not exists (select 1 from reminder r where r.user_id = u.id and r.kind = '%1$s'
                                  and r.dedupe_key = '%2$s' || (now() at time zone u.time_zone)::date)
                """.formatted(kind, keyPrefix);
    }
}
