package io.canvass.followup;

import io.canvass.platform.Caller;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Who to touch next: a person's agenda for a day, and the team overview for managers. */
@ApplicationScoped
public class AgendaService {

    /**
     * Pending follow-ups due on or before a day, with what the priority is computed from, and the reader's language
     * as their profile says now (the token's claim is as of sign-in), for the reasons. The first slot is the
     * parameter holding the reader's id, the second the condition.
     */
    static final String ITEMS = """
            select (select u.locale from app_user u where u.id = %s) as reader_locale,
                   f.id, f.customer_id, c.name, c.grade, c.stage, f.owner_id, f.due_on, f.channel, f.status,
                   coalesce(c.last_touched_at, c.created_at) as touched,
                   coalesce(c.cadence_days_override, least(g.interval_days, s.interval_days), g.interval_days) as cadence_days
            from follow_up f
            join customer c on c.id = f.customer_id
            left join cadence_policy g on g.kind = 'GRADE' and g.code = c.grade
            left join cadence_policy s on s.kind = 'STAGE' and s.code = c.stage
            where f.status in ('OPEN', 'SNOOZED') and f.due_on <= $2 and c.deleted_at is null and %s""";

    static final String TEAM_LOAD = """
            select u.id, u.display_name,
                   (select count(*) from follow_up f where f.owner_id = u.id and f.status in ('OPEN', 'SNOOZED') and f.due_on < $2) as overdue,
                   (select count(*) from follow_up f where f.owner_id = u.id and f.status in ('OPEN', 'SNOOZED') and f.due_on = $2) as due_today,
                   (select count(*) from follow_up f where f.owner_id = u.id and f.status = 'MISSED' and f.updated_at > now() - interval '30 days') as missed_30,
                   (select count(*) from customer c
                      left join cadence_policy g on g.kind = 'GRADE' and g.code = c.grade
                      left join cadence_policy s on s.kind = 'STAGE' and s.code = c.stage
                    where c.owner_id = u.id and c.deleted_at is null and c.stage <> 'LOST'
                      and coalesce(c.last_touched_at, c.created_at)
                          < now() - make_interval(days => 2 * coalesce(c.cadence_days_override, least(g.interval_days, s.interval_days), g.interval_days))) as neglected
            from app_user u
            where u.active and u.role in ('REP', 'MANAGER') and ($3 or u.team_id = any($1))
            order by overdue desc, u.display_name""";

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    ScopeService scopes;

    @Inject
    AgendaMoney money;

    public Uni<Agenda.Day> mine(LocalDate date) {
        ZoneId zone = caller.zone();
        LocalDate day = date != null ? date : LocalDate.now(zone);
        UUID self = caller.id();
        // independent queries on the pool (no shared session), so they run side by side
        return Uni.combine().all().unis(
                        sql.query(String.format(ITEMS, "$1", "f.owner_id = $1"), Tuple.of(self, day))
                                .map(rows -> items(rows, day, zone)),
                        money.forOwner(self, day))
                .asTuple()
                .map(both -> day(day, both.getItem1(), both.getItem2()));
    }

    public Uni<Agenda.Team> team(LocalDate date) {
        ZoneId zone = caller.zone();
        LocalDate day = date != null ? date : LocalDate.now(zone);
        return scopes.current().chain(scope -> {
            if (scope.role() == Role.REP) {
                throw ProblemException.forbidden("The team agenda is for managers");
            }
            Tuple params = Tuple.of(scope.teams().toArray(UUID[]::new), day, scope.everything());
            Tuple withReader = Tuple.of(scope.teams().toArray(UUID[]::new), day, scope.everything(), scope.userId());
            return sql.query(TEAM_LOAD, params)
                    .map(AgendaService::loads)
                    .chain(reps -> sql.query(String.format(ITEMS, "$4", "($3 or f.team_id = any($1)) and f.due_on < $2"), withReader)
                            .map(rows -> new Agenda.Team(day, reps, items(rows, day, zone).stream().limit(50).toList())));
        });
    }

    private static List<Agenda.RepLoad> loads(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Agenda.RepLoad> reps = new ArrayList<>();
        for (Row r : rows) {
            reps.add(new Agenda.RepLoad(r.getUUID("id"), r.getString("display_name"), r.getLong("overdue"),
                    r.getLong("due_today"), r.getLong("missed_30"), r.getLong("neglected")));
        }
        return reps;
    }

    private static List<AgendaItem> items(io.vertx.mutiny.sqlclient.RowSet<Row> rows, LocalDate day, ZoneId zone) {
        Instant now = Instant.now();
        List<AgendaItem> items = new ArrayList<>();
        for (Row r : rows) {
            boolean english = "en".equals(r.getString("reader_locale"));
            LocalDate dueOn = r.getLocalDate("due_on");
            int cadence = r.getInteger("cadence_days") == null ? 30 : r.getInteger("cadence_days");
            long untouched = Cadence.daysSince(r.getOffsetDateTime("touched").toInstant(), zone, now);
            long daysOverdue = Math.max(0, ChronoUnit.DAYS.between(dueOn, day));
            String grade = r.getString("grade");
            String stage = r.getString("stage");
            int priority = Priority.of(grade, stage, untouched, cadence);
            items.add(new AgendaItem(r.getUUID("id"), r.getUUID("customer_id"), r.getString("name"), grade, stage,
                    r.getUUID("owner_id"), dueOn, daysOverdue > 0, daysOverdue, FollowUp.Channel.valueOf(r.getString("channel")),
                    FollowUp.Status.valueOf(r.getString("status")), untouched, cadence, priority,
                    Priority.why(english, grade, stage, untouched, cadence, daysOverdue)));
        }
        items.sort(Comparator.comparing(AgendaItem::overdue).reversed()
                .thenComparing(Comparator.comparingInt(AgendaItem::priority).reversed())
                .thenComparing(AgendaItem::dueOn));
        return items;
    }

    private static Agenda.Day day(LocalDate day, List<AgendaItem> items, AgendaMoney.Items money) {
        int overdue = (int) items.stream().filter(AgendaItem::overdue).count();
        return new Agenda.Day(day, overdue, items.size() - overdue, items, money.renewals(), money.collections());
    }
}
