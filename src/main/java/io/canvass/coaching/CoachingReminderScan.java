package io.canvass.coaching;

import io.canvass.notify.ReminderService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Coaching task reminders through the reminder engine: once a task falls due within
 * {@code due-soon-days} (by the rep's calendar) the rep is reminded; once its due day has passed
 * undone, the rep and the managers of the rep's team are told. Each happens once per task and due
 * date: marked on the row ({@code due_reminded_at}, {@code overdue_reminded_at}; a new due date
 * clears them) and keyed by due date in the reminders. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and never double up.
 */
@ApplicationScoped
public class CoachingReminderScan {

    private static final Logger LOG = Logger.getLogger(CoachingReminderScan.class);

    static final int BATCH = 200;

    static final String CLAIM = """
            select t.id, t.rep_id, t.team_id, t.title, t.due_on, u.display_name,
                   t.due_on < ($1 at time zone u.time_zone)::date as overdue
            from coaching_task t
            join app_user u on u.id = t.rep_id
            where t.status in ('OPEN', 'IN_PROGRESS') and u.active
              and ((t.overdue_reminded_at is null and t.due_on < ($1 at time zone u.time_zone)::date)
                or (t.due_reminded_at is null and t.due_on >= ($1 at time zone u.time_zone)::date
                    and t.due_on <= ($1 at time zone u.time_zone)::date + $2::int))
              and ($4::uuid[] is null or t.rep_id = any($4))
            order by t.due_on
            limit $3
            for update of t skip locked""";

    static final String MARK_DUE = "update coaching_task set due_reminded_at = $2 where id = $1";

    static final String MARK_OVERDUE = "update coaching_task set overdue_reminded_at = $2, due_reminded_at = coalesce(due_reminded_at, $2) where id = $1";

    /** The active managers of the rep's team (not the rep). */
    static final String MANAGERS = """
            select tm.user_id from team_manager tm join app_user m on m.id = tm.user_id and m.active
            where tm.team_id = $1 and tm.user_id <> $2""";

    @Inject
    Pool pool;

    @Inject
    ReminderService reminders;

    @Inject
    CoachingConfig config;

    @Scheduled(every = "${canvass.coaching.reminders.every:15m}", delayed = "${canvass.coaching.reminders.delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan(Instant.now(), null).replaceWithVoid();
    }

    /** Scans as of {@code now} until nothing is left; optionally only some reps' tasks. Returns tasks handled. */
    public Uni<Integer> scan(Instant now, List<UUID> reps) {
        return batch(now, reps).chain(count -> count == BATCH
                ? scan(now, reps).map(more -> more + count)
                : Uni.createFrom().item(count));
    }

    Uni<Integer> batch(Instant now, List<UUID> reps) {
        Tuple params = Tuple.from(java.util.Arrays.asList(now.atOffset(ZoneOffset.UTC), config.reminders().dueSoonDays(), BATCH,
                reps == null ? null : reps.toArray(UUID[]::new)));
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM).execute(params).chain(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            Uni<Integer> sent = Uni.createFrom().item(0);
            for (Row r : claimed) {
                sent = sent.chain(n -> handle(tx, r, now).map(m -> n + m));
            }
            return sent.invoke(n -> {
                if (n > 0) {
                    LOG.infof("Coaching reminders: %d created", n);
                }
            }).map(n -> claimed.size());
        }));
    }

    private Uni<Integer> handle(SqlClient tx, Row r, Instant now) {
        UUID task = r.getUUID("id");
        UUID rep = r.getUUID("rep_id");
        LocalDate dueOn = r.getLocalDate("due_on");
        Map<String, Object> args = Map.of("title", r.getString("title"), "dueOn", dueOn.toString(), "rep", r.getString("display_name"));
        String key = "coaching:" + task + ":" + dueOn;
        String link = "/coaching";
        String managersLink = "/team/coaching";
        if (!r.getBoolean("overdue")) {
            return tx.preparedQuery(MARK_DUE).execute(Tuple.of(task, now.atOffset(ZoneOffset.UTC)))
                    .chain(() -> reminders.schedule(tx, new ReminderService.Reminder(rep, CoachingReminders.DueSoon.CODE, key, now, link, args, task)))
                    .map(created -> created ? 1 : 0);
        }
        return tx.preparedQuery(MARK_OVERDUE).execute(Tuple.of(task, now.atOffset(ZoneOffset.UTC)))
                .chain(() -> reminders.schedule(tx, new ReminderService.Reminder(rep, CoachingReminders.Overdue.CODE, key, now, link, args, task)))
                .chain(created -> tx.preparedQuery(MANAGERS).execute(Tuple.of(r.getUUID("team_id"), rep)).chain(managers -> {
                    Uni<Integer> count = Uni.createFrom().item(created ? 1 : 0);
                    for (Row m : managers) {
                        count = count.chain(n -> reminders.schedule(tx, new ReminderService.Reminder(m.getUUID(0), CoachingReminders.OverdueManager.CODE,
                                key, now, managersLink, args, task)).map(c -> n + (c ? 1 : 0)));
                    }
                    return count;
                }));
    }
}
