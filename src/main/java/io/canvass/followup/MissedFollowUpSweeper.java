package io.canvass.followup;

import io.canvass.platform.Statements;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Marks follow-ups missed once they are overdue beyond the policy's grace, and gives each such
 * customer a new follow-up due today. Runs in every replica; rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so no two replicas sweep the same follow-up.
 */
@ApplicationScoped
public class MissedFollowUpSweeper {

    private static final Logger LOG = Logger.getLogger(MissedFollowUpSweeper.class);

    static final int BATCH = 500;

    static final String CLAIM_AND_MARK = """
            update follow_up m set status = 'MISSED', updated_at = now()
            where m.id in (
                select f.id from follow_up f
                join customer c on c.id = f.customer_id
                left join cadence_policy g on g.kind = 'GRADE' and g.code = c.grade
                left join cadence_policy s on s.kind = 'STAGE' and s.code = c.stage
                where f.status in ('OPEN', 'SNOOZED')
                  and f.due_at + make_interval(days => coalesce(least(g.miss_after_days, s.miss_after_days), g.miss_after_days, s.miss_after_days, 3)) <= now()
                order by f.due_at
                limit $1
                for update of f skip locked)
            returning m.customer_id, m.owner_id, m.team_id, m.channel, m.id, m.due_at""";

    /** A new follow-up due today in the owner's time zone, for each customer whose follow-up was missed. */
    static final String RESCHEDULE = """
            insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by)
            select uuid_v7(), m.customer_id, m.owner_id, m.team_id,
                   (now() at time zone u.time_zone)::date,
                   ((now() at time zone u.time_zone)::date + 1)::timestamp at time zone u.time_zone,
                   m.channel, 'OPEN', 'CADENCE'
            from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[]) as m(customer_id, owner_id, team_id, channel)
            join app_user u on u.id = m.owner_id""";

    @Inject
    Pool pool;

    @Inject
    Scheduler scheduler;

    @Inject
    WebhookEvents webhooks;

    @Scheduled(every = "${canvass.follow-ups.sweep-every:5m}", delayed = "${canvass.follow-ups.sweep-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return sweepBatch().chain(count -> count == BATCH && claiming() ? sweep() : Uni.createFrom().voidItem());
    }

    /** A replica that is shutting down pauses the scheduler: it finishes its batch and claims no more. */
    private boolean claiming() {
        return scheduler.isRunning();
    }

    /** One batch in one transaction; returns how many follow-ups became missed. */
    public Uni<Integer> sweepBatch() {
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM_AND_MARK).execute(Tuple.of(BATCH))
                .call(rows -> overdue(tx, rows))
                .chain(rows -> reschedule(tx, rows)))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("%d follow-ups missed and rescheduled for today", count);
                    }
                });
    }

    /** followup.overdue for each follow-up just marked missed, in the same transaction. */
    private Uni<Void> overdue(SqlClient tx, io.vertx.mutiny.sqlclient.RowSet<Row> missed) {
        List<UUID> teams = new ArrayList<>();
        List<WebhookPayloads.FollowUpOverdue> events = new ArrayList<>();
        for (Row r : missed) {
            teams.add(r.getUUID(2));
            events.add(new WebhookPayloads.FollowUpOverdue(r.getUUID(4), r.getUUID(0), r.getUUID(1), r.getUUID(2), r.getString(3),
                    r.getOffsetDateTime(5).toInstant()));
        }
        return webhooks.publish(Statements.on(tx), teams, events);
    }

    private static Uni<Integer> reschedule(SqlClient tx, io.vertx.mutiny.sqlclient.RowSet<Row> missed) {
        List<UUID> customers = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        List<UUID> teams = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (Row r : missed) {
            customers.add(r.getUUID(0));
            owners.add(r.getUUID(1));
            teams.add(r.getUUID(2));
            channels.add(r.getString(3));
        }
        if (customers.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return tx.preparedQuery(RESCHEDULE)
                .execute(Tuple.of(customers.toArray(UUID[]::new), owners.toArray(UUID[]::new), teams.toArray(UUID[]::new),
                        channels.toArray(String[]::new)))
                .map(r -> customers.size());
    }
}
