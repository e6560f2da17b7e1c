package io.canvass.notify.kinds;

import io.canvass.notify.ReminderConfig;
import io.canvass.notify.GroupedKind;
import io.canvass.notify.push.PushSender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rep's follow-up has been overdue for longer than {@code canvass.reminders.escalate-after}:
 * each manager of the follow-up's team is told once. Low priority: several about one rep that are
 * due together reach the manager as one {@link FollowUpEscalations} message, grouped by the
 * {@code repId} arg.
 */
@ApplicationScoped
public class FollowUpEscalation implements GroupedKind {

    public static final String CODE = "FOLLOW_UP_ESCALATION";

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

    public FollowUpEscalation(ReminderConfig config) {
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
        return new Group(FollowUpEscalations.CODE, FollowUpEscalations.args(rep == null ? "" : rep.toString(), repId, members.size()),
                FollowUpEscalations.link(repId));
    }

    @Override
    public String stillRelevant() {
        return FollowUpOverdue.STILL_PENDING;
    }

    @Override
    public Uni<Integer> scan(SqlClient client) {
        return client.preparedQuery(SCAN)
                .execute(Tuple.of((double) config.escalateAfter().toSeconds(), (double) config.overdueWindow().toSeconds()))
                .map(r -> r.rowCount());
    }
}
