package io.canvass.coaching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Coaching task reminders, scanned as of 10 March 2030 10:00 in Shanghai (02:00Z): due within a day
 * reminds the rep; past its due day reminds the rep and tells the team's manager; once each per due date.
 */
@QuarkusTest
class CoachingReminderTest {

    static final Instant NOW = Instant.parse("2030-03-10T02:00:00Z");

    @Inject
    Pool pool;

    @Inject
    CoachingReminderScan scan;

    List<Row> sql(String statement, Object... args) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(statement).execute(Tuple.from(Arrays.asList(args))).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    UUID task(Api.TestUser rep, String dueOn, String status) {
        UUID id = UUID.randomUUID();
        sql("""
                insert into coaching_task (id, rep_id, team_id, kind, title, goal, due_on, status, completed_at)
                values ($1, $2, $3, 'SKILL_TRAINING', $4, '复盘最近三次报价', $5, $6, $7)""",
                id, rep.id(), rep.teamId(), "方案复盘 " + dueOn, LocalDate.parse(dueOn), status,
                "DONE".equals(status) ? NOW.atOffset(java.time.ZoneOffset.UTC) : null);
        return id;
    }

    void scan(Instant now, Api.TestUser rep) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> scan.scan(now, List.of(rep.id())));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** kind:subject of the user's reminders, sorted. */
    List<String> reminders(Api.TestUser user) {
        return sql("select kind || ':' || subject_id from reminder where user_id = $1 and kind like 'COACHING%' order by 1", user.id())
                .stream().map(r -> r.getString(0)).toList();
    }

    @Test
    void dueSoonRemindsTheRepAndOverdueAlsoTellsTheManagerOnce() {
        UUID team = Api.team("coach-remind", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        UUID today = task(rep, "2030-03-10", "OPEN");
        UUID tomorrow = task(rep, "2030-03-11", "IN_PROGRESS");
        task(rep, "2030-03-20", "OPEN");
        UUID late = task(rep, "2030-03-09", "OPEN");
        task(rep, "2030-03-08", "DONE");
        task(rep, "2030-03-09", "CANCELLED");

        scan(NOW, rep);
        scan(NOW, rep);

        assertEquals(List.of("COACHING_DUE_SOON:" + today, "COACHING_DUE_SOON:" + tomorrow, "COACHING_OVERDUE:" + late).stream().sorted().toList(),
                reminders(rep));
        assertEquals(List.of("COACHING_OVERDUE_MANAGER:" + late), reminders(manager));
        assertEquals("/team/coaching", sql("select link from reminder where subject_id = $1 and user_id = $2", late, manager.id()).get(0).getString(0));

        // three days on, the two that were due soon are overdue: one more reminder each, and the manager hears of them
        scan(NOW.plus(Duration.ofDays(3)), rep);
        assertEquals(5, reminders(rep).size());
        assertEquals(3, reminders(manager).size());
    }

    @Test
    void aNewDueDateArmsTheRemindersAgain() {
        UUID team = Api.team("coach-remind", null);
        Api.TestUser rep = Api.user("REP", team);
        UUID late = task(rep, "2030-03-09", "OPEN");
        scan(NOW, rep);
        assertEquals(List.of("COACHING_OVERDUE:" + late), reminders(rep));

        sql("update coaching_task set due_on = '2030-03-11' where id = $1", late);
        scan(NOW, rep);
        assertEquals(List.of("COACHING_DUE_SOON:" + late, "COACHING_OVERDUE:" + late), reminders(rep));
        assertEquals(2, sql("select count(distinct dedupe_key) from reminder where subject_id = $1", late).get(0).getLong(0));
    }
}
