package io.canvass.notify.kinds;

import io.canvass.notify.ReminderConfig;
import io.canvass.notify.ReminderKind;
import io.canvass.notify.push.PushSender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The rep's follow-up is overdue: reminded once, as soon as its due day has ended. */
@ApplicationScoped
public class FollowUpOverdue implements ReminderKind {

    public static final String CODE = "FOLLOW_UP_OVERDUE";

    /** Of the follow-ups in $1, those still pending (shared by the follow-up kinds). */
    static final String STILL_PENDING = "select id from follow_up where id = any($1) and status in ('OPEN', 'SNOOZED')";

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

    public FollowUpOverdue(ReminderConfig config) {
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
