package io.canvass.notify.kinds;

import io.canvass.notify.ReminderConfig;
import io.canvass.notify.ReminderKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The rep's pending follow-up is due today: reminded {@code canvass.reminders.follow-up-lead} before its day ends. */
@ApplicationScoped
public class FollowUpDueSoon implements ReminderKind {

    public static final String CODE = "FOLLOW_UP_DUE_SOON";

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

    public FollowUpDueSoon(ReminderConfig config) {
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
        return FollowUpOverdue.STILL_PENDING;
    }

    @Override
    public Uni<Integer> scan(SqlClient client) {
        return client.preparedQuery(SCAN).execute(Tuple.of((double) config.followUpLead().toSeconds())).map(r -> r.rowCount());
    }
}
