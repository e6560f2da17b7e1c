package io.canvass.followup;

import io.canvass.notify.GroupedKind;
import io.canvass.notify.ReminderConfig;
import io.canvass.notify.ReminderKind;
import io.canvass.notify.push.PushSender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reminder kinds of follow-ups: the rep's follow-up due today and overdue, and its escalation to
 * the team's managers (several about one rep grouped into one message). Found by the kinds' scans
 * ({@code ReminderScanner}), worded in {@code reminders/messages*.properties}, and cancelled at
 * delivery once the follow-up is no longer pending. Low priority: routine nudges that can come in
 * numbers, the first to wait for the daily cap.
 */
final class FollowUpReminders {

    /** Of the follow-ups in $1, those still pending (shared by the follow-up kinds). */
    static final String STILL_PENDING = "select id from follow_up where id = any($1) and status in ('OPEN', 'SNOOZED')";

    private FollowUpReminders() {
    }

    /** The rep's pending follow-up is due today: reminded {@code canvass.reminders.follow-up-lead} before its day ends. */
    @ApplicationScoped
    static class DueSoon implements ReminderKind {

        static final String CODE = "FOLLOW_UP_DUE_SOON";

        /** Pending follow-ups whose reminder time has come; one reminder per follow-up and due time. */
        static final String SCAN = """
                insert into reminder (id, user_id, kind, dedupe_key, subject_id, args, link, due_at, deliver_at)
                select uuid_v7(), f.owner_id, 'FOLLOW_UP_DUE_SOON', 'follow-up:' || f.id || ':' || extract(epoch from f.due_at)::bigint, f.id,
                       jsonb_build_object('customer', c.name, 'dueOn', f.due_on), '/customers/' || c.id,
                       f.due_at - make_interval(secs => $1), f.due_at - make_interval(secs => $1)
                from follow_up f
                join customer c on c.id = f.customer_id
                where f.status in ('OPEN', 'SNOOZED') and c.deleted_at is null
                  and f.due_at > now() and f.due_at - make_interval(secs => $1) <= now()
                on conflict (user_id, kind, dedupe_key) do nothing""";

        final ReminderConfig config;

        DueSoon(ReminderConfig config) {
            this.config = config;
        }

        @Override
        public Priority priority() {
            return Priority.LOW;
        }

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String stillRelevant() {
            return STILL_PENDING;
        }

        @Override
        public Uni<Integer> scan(SqlClient client) {
            return client.preparedQuery(SCAN).execute(Tuple.of((double) config.followUpLead().toSeconds())).map(r -> r.rowCount());
        }
    }

    /** The rep's follow-up is overdue: reminded once, as soon as its due day has ended. */
    @ApplicationScoped
    static class Overdue implements ReminderKind {

        static final String CODE = "FOLLOW_UP_OVERDUE";

        static final String SCAN = """
                insert into reminder (id, user_id, kind, dedupe_key, subject_id, args, link, due_at, deliver_at)
                select uuid_v7(), f.owner_id, 'FOLLOW_UP_OVERDUE', 'follow-up:' || f.id || ':' || extract(epoch from f.due_at)::bigint, f.id,
                       jsonb_build_object('customer', c.name, 'dueOn', f.due_on), '/customers/' || c.id, f.due_at, f.due_at
                from follow_up f
                join customer c on c.id = f.customer_id
                where f.status in ('OPEN', 'SNOOZED') and c.deleted_at is null
                  and f.due_at <= now() and f.due_at > now() - make_interval(secs => $1)
                on conflict (user_id, kind, dedupe_key) do nothing""";

        final ReminderConfig config;

        Overdue(ReminderConfig config) {
            this.config = config;
        }

        @Override
        public Priority priority() {
            return Priority.LOW;
        }

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
            return STILL_PENDING;
        }

        @Override
        public Uni<Integer> scan(SqlClient client) {
            return client.preparedQuery(SCAN).execute(Tuple.of((double) config.overdueWindow().toSeconds())).map(r -> r.rowCount());
        }
    }

    /**
     * A rep's follow-up has been overdue for longer than {@code canvass.reminders.escalate-after}:
     * each manager of the follow-up's team is told once. Several about one rep that are due together
     * reach the manager as one {@link Escalations} message, grouped by the {@code repId} arg.
     */
    @ApplicationScoped
    static class Escalation implements GroupedKind {

        static final String CODE = "FOLLOW_UP_ESCALATION";

        static final String SCAN = """
                insert into reminder (id, user_id, kind, dedupe_key, subject_id, args, link, due_at, deliver_at)
                select uuid_v7(), tm.user_id, 'FOLLOW_UP_ESCALATION', 'follow-up:' || f.id || ':' || extract(epoch from f.due_at)::bigint, f.id,
                       jsonb_build_object('customer', c.name, 'rep', u.display_name, 'repId', u.id, 'dueOn', f.due_on), '/customers/' || c.id,
                       f.due_at + make_interval(secs => $1), f.due_at + make_interval(secs => $1)
                from follow_up f
                join customer c on c.id = f.customer_id
                join app_user u on u.id = f.owner_id
                join team_manager tm on tm.team_id = f.team_id and tm.user_id <> f.owner_id
                where f.status in ('OPEN', 'SNOOZED') and c.deleted_at is null
                  and f.due_at + make_interval(secs => $1) <= now()
                  and f.due_at + make_interval(secs => $1) > now() - make_interval(secs => $2)
                on conflict (user_id, kind, dedupe_key) do nothing""";

        final ReminderConfig config;

        Escalation(ReminderConfig config) {
            this.config = config;
        }

        @Override
        public Priority priority() {
            return Priority.LOW;
        }

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public PushSender.Urgency urgency() {
            return PushSender.Urgency.HIGH;
        }

        @Override
        public String groupBy() {
            return "repId";
        }

        @Override
        public Group group(List<Map<String, Object>> members) {
            Map<String, Object> first = members.get(0);
            UUID repId = UUID.fromString(first.get("repId").toString());
            Object rep = first.get("rep");
            return new Group(Escalations.CODE, Escalations.args(rep == null ? "" : rep.toString(), repId, members.size()),
                    Escalations.link(repId));
        }

        @Override
        public String stillRelevant() {
            return STILL_PENDING;
        }

        @Override
        public Uni<Integer> scan(SqlClient client) {
            return client.preparedQuery(SCAN)
                    .execute(Tuple.of((double) config.escalateAfter().toSeconds(), (double) config.overdueWindow().toSeconds()))
                    .map(r -> r.rowCount());
        }
    }

    /**
     * Several {@link Escalation}s to one manager about one rep, due together: one message ("Zhang San
     * has 7 overdue follow-ups") that opens the rep's overdue list. Made by the dispatcher when it
     * claims them in one batch ({@link Escalation#group}); the escalations it stands for end as
     * {@code GROUPED}.
     */
    @ApplicationScoped
    static class Escalations implements ReminderKind {

        static final String CODE = "FOLLOW_UP_ESCALATIONS";

        /** The args of the group: the rep's name and id and how many follow-ups it stands for. */
        static Map<String, Object> args(String rep, UUID repId, int count) {
            return Map.of("rep", rep, "repId", repId.toString(), "count", count);
        }

        /** The rep's overdue follow-ups, most urgent first (the PWA's customer list). */
        static String link(UUID repId) {
            return "/customers?ownerId=" + repId + "&overdue=true&sort=NEXT_DUE";
        }

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public Priority priority() {
            return Priority.LOW;
        }

        @Override
        public PushSender.Urgency urgency() {
            return PushSender.Urgency.HIGH;
        }
    }
}
