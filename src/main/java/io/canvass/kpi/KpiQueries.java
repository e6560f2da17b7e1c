package io.canvass.kpi;

import io.canvass.platform.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The KPI reads: one aggregate statement per indicator group over a set of reps and a time range
 * [from, to), each answered from an index on (rep, time). Results are raw counts per rep.
 */
@ApplicationScoped
public class KpiQueries {

    /** A rep on a dashboard. */
    public record Rep(UUID id, String displayName, UUID teamId, LocalDate hiredOn) {
    }

    /** Active reps of a team and its sub-teams. */
    static final String TEAM_REPS = """
            with recursive sub(id) as (
                select $1::uuid
                union
                select t.id from team t join sub on t.parent_id = sub.id
            )
            select u.id, u.display_name, u.team_id, u.hired_on from app_user u
            where u.team_id in (select id from sub) and u.role = 'REP' and u.active
            order by u.display_name, u.id""";

    static final String ALL_REPS = """
            select u.id, u.display_name, u.team_id, u.hired_on from app_user u
            where u.role = 'REP' and u.active order by u.display_name, u.id""";

    static final String ONE_REP = "select u.id, u.display_name, u.team_id, u.hired_on from app_user u where u.id = $1";

    /** Visits by visit time; effective visits are those verified at the customer. */
    static final String VISITS = """
            select user_id, count(*) as visits, count(*) filter (where verdict = 'VERIFIED') as effective
            from check_in where user_id = any($1) and client_time >= $2 and client_time < $3
            group by user_id""";

    static final String NEW_CUSTOMERS = """
            select owner_id, count(*) from customer
            where owner_id = any($1) and deleted_at is null and created_at >= $2 and created_at < $3
            group by owner_id""";

    /**
     * Follow-ups that fell due in the range (and before now), by owner: how many, and how many were
     * done by their due time. Open or snoozed ones past due count as due and not on time.
     */
    static final String FOLLOW_UPS = """
            select owner_id, count(*) as due,
                   count(*) filter (where status = 'DONE' and done_at <= due_at) as on_time
            from follow_up
            where owner_id = any($1) and due_at >= $2 and due_at < least($3, now())
            group by owner_id""";

    /** The lead pool now: open leads, those touched within the freshness window, and the grade mix of live customers. */
    static final String POOL = """
            select owner_id,
                   count(*) filter (where stage in ('INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT')) as open_leads,
                   count(*) filter (where stage in ('INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT')
                                      and last_touched_at >= now() - make_interval(days => $2)) as fresh,
                   count(*) filter (where grade = 'A') as a,
                   count(*) filter (where grade = 'B') as b,
                   count(*) filter (where grade = 'C') as c
            from customer where owner_id = any($1) and deleted_at is null
            group by owner_id""";

    /**
     * The funnel of customers created in the range: the furthest stage each reached, from its
     * current stage and its stage history (a lost customer counts for the stages it got to).
     */
    static final String FUNNEL = """
            with cohort as (
                select c.id, c.owner_id, c.stage from customer c
                where c.owner_id = any($1) and c.deleted_at is null and c.created_at >= $2 and c.created_at < $3
            ), reached as materialized (
                select k.owner_id, greatest(kpi_stage_rank(k.stage),
                    coalesce((select max(kpi_stage_rank(ch.new_value)) from customer_change ch
                              where ch.customer_id = k.id and ch.field = 'STAGE'), 1)) as rank
                from cohort k
            )
            select owner_id, count(*) as initial, count(*) filter (where rank >= 2) as high,
                   count(*) filter (where rank >= 3) as key, count(*) filter (where rank >= 4) as won
            from reached group by owner_id""";

    /** Effective visits and new customers per week (Monday) in the given zone. */
    static final String TREND = """
            select wk, sum(effective) as effective, sum(created) as created from (
                select date_trunc('week', client_time at time zone $4)::date as wk, count(*) as effective, 0 as created
                from check_in where user_id = any($1) and client_time >= $2 and client_time < $3 and verdict = 'VERIFIED'
                group by 1
                union all
                select date_trunc('week', created_at at time zone $4)::date, 0, count(*)
                from customer where owner_id = any($1) and deleted_at is null and created_at >= $2 and created_at < $3
                group by 1
            ) t group by wk order by wk""";

    /** Stage moves forward (towards won) on the reps' customers in the range: the lead conversions behind the visits. */
    static final String STAGE_MOVES = """
            select c.owner_id, count(*) from customer_change ch join customer c on c.id = ch.customer_id
            where c.owner_id = any($1) and c.deleted_at is null and ch.field = 'STAGE' and ch.at >= $2 and ch.at < $3
              and (case ch.new_value when 'HIGH_INTENT' then 2 when 'KEY_ACCOUNT' then 3 when 'WON' then 4 else 0 end)
                > (case ch.old_value when 'INITIAL_INTENT' then 1 when 'HIGH_INTENT' then 2 when 'KEY_ACCOUNT' then 3 when 'WON' then 4 else 9 end)
            group by c.owner_id""";

    /**
     * Deals closed in the range by the owner of their customer (the rep who holds the account now),
     * outcome and currency: how many and their amount.
     */
    static final String DEALS_CLOSED = """
            select c.owner_id, d.stage, d.currency, count(*) as n, sum(d.amount) as amount
            from deal d join customer c on c.id = d.customer_id
            where c.owner_id = any($1) and d.closed_at >= $2 and d.closed_at < $3 and d.stage in ('WON', 'LOST')
            group by c.owner_id, d.stage, d.currency""";

    /** Deals that entered the PROPOSAL stage in the range (created there or moved there), each deal once. */
    static final String PROPOSALS = """
            select c.owner_id, count(distinct s.deal_id) as n
            from deal_stage_change s join deal d on d.id = s.deal_id join customer c on c.id = d.customer_id
            where c.owner_id = any($1) and s.to_stage = 'PROPOSAL' and s.at >= $2 and s.at < $3
            group by c.owner_id""";

    /** Instalments of live contracts due on the days [$2, $3), by currency: amount due and collected against them so far. */
    static final String INSTALMENTS_DUE = """
            select c.owner_id, i.currency, sum(i.amount) as due, sum(i.collected) as collected
            from instalment i join contract k on k.id = i.contract_id and k.status <> 'DRAFT' join customer c on c.id = k.customer_id
            where c.owner_id = any($1) and i.due_on >= $2 and i.due_on < $3
            group by c.owner_id, i.currency""";

    /** Payments received on the days [$2, $3), by currency. */
    static final String PAYMENTS_RECEIVED = """
            select c.owner_id, p.currency, sum(p.amount) as amount
            from payment p join contract k on k.id = p.contract_id join customer c on c.id = k.customer_id
            where c.owner_id = any($1) and p.received_on >= $2 and p.received_on < $3
            group by c.owner_id, p.currency""";

    /** Instalments settled (their last payment came in) on the days [$2, $3): how many, and their days late summed (early is 0). */
    static final String INSTALMENTS_SETTLED = """
            select c.owner_id, count(*) as n, sum(greatest(i.paid_on - i.due_on, 0)) as days_late
            from instalment i join contract k on k.id = i.contract_id and k.status <> 'DRAFT' join customer c on c.id = k.customer_id
            where c.owner_id = any($1) and i.paid_on >= $2 and i.paid_on < $3
            group by c.owner_id""";

    /** Deal stage moves in the range (a deal's creation is not a move), by the owner of the deal's customer. */
    static final String DEAL_MOVES = """
            select c.owner_id, count(*) as n
            from deal_stage_change s join deal d on d.id = s.deal_id join customer c on c.id = d.customer_id
            where c.owner_id = any($1) and s.from_stage is not null and s.at >= $2 and s.at < $3
            group by c.owner_id""";

    private static final String ROLLUP_COLUMNS = """
            visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time, funnel_high, funnel_key, funnel_won,
                   proposals_month, proposals_quarter, proposals_year""";

    /**
     * The daily rollup's rows of the reps $1 and the days [$2, $3): the day rows and the deltas not
     * yet folded into them (see V21__kpi_rollup_deltas.sql).
     */
    private static final String DAYS = """
            (select user_id, day, %1$s from kpi_rep_day where user_id = any($1) and day >= $2 and day < $3
             union all
             select user_id, day, %1$s from kpi_rep_day_delta where user_id = any($1) and day >= $2 and day < $3) r
            """.formatted(ROLLUP_COLUMNS);

    /**
     * The same with the month rows for the whole months [$5, $6) of the range (month rows carry the
     * month's first day; see V22__kpi_rollup_funnel_and_proposals.sql) and day rows for the rest.
     */
    private static final String MONTHS_AND_DAYS = """
            (select user_id, day, %1$s from kpi_rep_month where user_id = any($1) and day >= $5 and day < $6
             union all
             select user_id, day, %1$s from kpi_rep_day where user_id = any($1) and (day >= $2 and day < $5 or day >= $6 and day < $3)
             union all
             select user_id, day, %1$s from kpi_rep_day_delta where user_id = any($1) and day >= $2 and day < $3) r
            """.formatted(ROLLUP_COLUMNS);

    private static final String MONEY_COLUMNS = "currency, won, won_amount, lost, due_amount, due_collected, received, settled, settled_days_late";

    /** The same for the daily money rollup, whole months [$4, $5) from its month rows. */
    private static final String MONEY_MONTHS_AND_DAYS = """
            (select user_id, %1$s from kpi_rep_money_month where user_id = any($1) and day >= $4 and day < $5
             union all
             select user_id, %1$s from kpi_rep_money_day where user_id = any($1) and (day >= $2 and day < $4 or day >= $5 and day < $3)
             union all
             select user_id, %1$s from kpi_rep_money_day_delta where user_id = any($1) and day >= $2 and day < $3) r
            """.formatted(MONEY_COLUMNS);

    /**
     * Visits, effective visits, new customers and the funnel of those customers of whole days [$2, $3)
     * from the daily rollup, the follow-ups of the days before $4 (today: follow-ups count once due,
     * today's come from the records), and the deals whose first entry into PROPOSAL in their calendar
     * month, quarter or year fell in the range (see V22__kpi_rollup_funnel_and_proposals.sql).
     */
    static final String ROLLUP = """
            select user_id, sum(visits) as visits, sum(effective_visits) as effective, sum(new_customers) as created,
                   coalesce(sum(follow_ups_due) filter (where day < $4), 0) as due,
                   coalesce(sum(follow_ups_on_time) filter (where day < $4), 0) as on_time,
                   sum(funnel_high) as high, sum(funnel_key) as key, sum(funnel_won) as won,
                   sum(proposals_month) as proposals_month, sum(proposals_quarter) as proposals_quarter,
                   sum(proposals_year) as proposals_year
            from """ + MONTHS_AND_DAYS + """
            group by user_id""";

    /** The trend from the daily rollup (weeks start on Monday; only weeks with something in them, as from the records). */
    static final String ROLLUP_TREND = """
            select date_trunc('week', day)::date as wk, sum(effective_visits) as effective, sum(new_customers) as created
            from """ + DAYS + """
            group by 1 having sum(effective_visits) > 0 or sum(new_customers) > 0 order by 1""";

    /**
     * Money of the days [$2, $3) from the daily money rollup, per rep and currency: deals closed (by
     * their closing day in the rollup's zone), instalments due and settled, payments received.
     */
    static final String ROLLUP_MONEY = """
            select user_id, currency, sum(won) as won, sum(won_amount) as won_amount, sum(lost) as lost,
                   sum(due_amount) as due, sum(due_collected) as collected, sum(received) as received,
                   sum(settled) as settled, sum(settled_days_late) as days_late
            from """ + MONEY_MONTHS_AND_DAYS + """
            group by user_id, currency""";

    static final String ROLLUP_ZONE = "select kpi_rollup_zone()";

    /** One week of a trend. */
    public record Week(LocalDate weekStart, long effectiveVisits, long newCustomers) {
    }

    @Inject
    Sql sql;

    public Uni<List<Rep>> teamReps(UUID teamId) {
        return sql.query(TEAM_REPS, Tuple.of(teamId)).map(KpiQueries::reps);
    }

    public Uni<List<Rep>> allReps() {
        return sql.query(ALL_REPS).map(KpiQueries::reps);
    }

    public Uni<List<Rep>> rep(UUID userId) {
        return sql.query(ONE_REP, Tuple.of(userId)).map(KpiQueries::reps);
    }

    private static List<Rep> reps(RowSet<Row> rows) {
        List<Rep> reps = new ArrayList<>();
        for (Row r : rows) {
            reps.add(new Rep(r.getUUID("id"), r.getString("display_name"), r.getUUID("team_id"), r.getLocalDate("hired_on")));
        }
        return reps;
    }

    /**
     * Every per-rep count of the range: records with a time by the instants [from, to), money records
     * with a day (instalments due and settled, payments received) by the days [fromDay, toDay). The
     * statements run side by side on the pool (each on its own connection; no session is shared).
     */
    public Uni<Map<UUID, RepNumbers>> numbers(List<UUID> reps, Instant from, Instant to, ZoneId zone, int freshDays, boolean rollup) {
        Map<UUID, RepNumbers> byRep = new LinkedHashMap<>();
        reps.forEach(id -> byRep.put(id, new RepNumbers(id)));
        if (reps.isEmpty()) {
            return Uni.createFrom().item(byRep);
        }
        LocalDate fromDay = from.atZone(zone).toLocalDate();
        LocalDate toDay = to.atZone(zone).toLocalDate();
        UUID[] ids = reps.toArray(UUID[]::new);
        Tuple range = Tuple.of(ids, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        Tuple days = Tuple.of(ids, fromDay, toDay);
        LocalDate today = LocalDate.now(zone);
        LocalDate[] months = endedMonths(fromDay, toDay, today);
        // activity and money fill different fields of each rep's numbers, so their statements all run at once
        return rollupUsable(rollup, from, to, zone).chain(usable -> {
            String proposals = usable ? proposalsColumn(fromDay, toDay) : null;
            return Uni.combine().all().unis(
                    usable ? rolled(ids, from, to, zone, today, freshDays, months, proposals, byRep) : live(ids, range, freshDays, byRep),
                    rollup ? rolledMoney(ids, range, Tuple.of(ids, fromDay, toDay, months[0], months[1]), usable, proposals == null, byRep)
                            : money(ids, range, days, byRep))
                    .with((activity, money) -> byRep);
        });
    }

    /**
     * The whole months of the days [from, to) that have ended by {@code today}, as [first month's
     * first day, the first day after the last); [from, from) when there is none.
     */
    static LocalDate[] endedMonths(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate end = to.withDayOfMonth(1).isAfter(today.withDayOfMonth(1)) ? today.withDayOfMonth(1) : to.withDayOfMonth(1);
        return first.isBefore(end) ? new LocalDate[] {first, end} : new LocalDate[] {from, from};
    }

    /** The rollup's proposal count for the days [from, to) when they are one calendar month, quarter or year; otherwise null. */
    static String proposalsColumn(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1) {
            return null;
        }
        if (to.equals(from.plusMonths(1))) {
            return "proposals_month";
        }
        if (from.getMonthValue() % 3 == 1 && to.equals(from.plusMonths(3))) {
            return "proposals_quarter";
        }
        return from.getDayOfYear() == 1 && to.equals(from.plusYears(1)) ? "proposals_year" : null;
    }

    /** The counts of whole days in the rollup's zone from the daily rollup; today's follow-ups from the records. */
    private Uni<Map<UUID, RepNumbers>> rolled(UUID[] ids, Instant from, Instant to, ZoneId zone, LocalDate today, int freshDays,
                                              LocalDate[] months, String proposals, Map<UUID, RepNumbers> byRep) {
        Instant todayStart = today.atStartOfDay(zone).toInstant();
        Uni<RowSet<Row>> days = sql.query(ROLLUP, Tuple.from(List.of(ids, from.atZone(zone).toLocalDate(),
                to.atZone(zone).toLocalDate(), today, months[0], months[1])));
        Uni<RowSet<Row>> dueToday = todayStart.isBefore(to)
                ? sql.query(FOLLOW_UPS, Tuple.of(ids, (from.isAfter(todayStart) ? from : todayStart).atOffset(ZoneOffset.UTC),
                        to.atOffset(ZoneOffset.UTC)))
                : Uni.createFrom().nullItem();
        Uni<RowSet<Row>> leads = sql.query(POOL, Tuple.of(ids, freshDays));
        return Uni.combine().all().unis(days, dueToday, leads).asTuple().map(t -> {
            for (Row r : t.getItem1()) {
                RepNumbers n = byRep.get(r.getUUID("user_id"));
                n.visits = r.getLong("visits");
                n.effectiveVisits = r.getLong("effective");
                n.newCustomers = r.getLong("created");
                n.followUpsDue = r.getLong("due");
                n.followUpsOnTime = r.getLong("on_time");
                n.funnel[0] = n.newCustomers;
                n.funnel[1] = r.getLong("high");
                n.funnel[2] = r.getLong("key");
                n.funnel[3] = r.getLong("won");
                if (proposals != null) {
                    n.proposals = r.getLong(proposals);
                }
            }
            if (t.getItem2() != null) {
                for (Row r : t.getItem2()) {
                    RepNumbers n = byRep.get(r.getUUID("owner_id"));
                    n.followUpsDue += r.getLong("due");
                    n.followUpsOnTime += r.getLong("on_time");
                }
            }
            pool(t.getItem3(), byRep);
            return byRep;
        });
    }

    /**
     * The rollup answers for [from, to) when it is on, kept in {@code zone}'s calendar, and the
     * range is whole days there.
     */
    private Uni<Boolean> rollupUsable(boolean rollup, Instant from, Instant to, ZoneId zone) {
        if (!rollup || !from.equals(from.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant())
                || !to.equals(to.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant())) {
            return Uni.createFrom().item(false);
        }
        return rollupZone().map(z -> ZoneId.of(z).equals(zone));
    }

    private Uni<String> rollupZone;

    private synchronized Uni<String> rollupZone() {
        if (rollupZone == null) {
            rollupZone = sql.query(ROLLUP_ZONE).map(rows -> rows.iterator().next().getString(0)).memoize().indefinitely();
        }
        return rollupZone;
    }

    private Uni<Map<UUID, RepNumbers>> live(UUID[] ids, Tuple range, int freshDays, Map<UUID, RepNumbers> byRep) {
        Uni<RowSet<Row>> visits = sql.query(VISITS, range);
        Uni<RowSet<Row>> created = sql.query(NEW_CUSTOMERS, range);
        Uni<RowSet<Row>> followUps = sql.query(FOLLOW_UPS, range);
        Uni<RowSet<Row>> leads = sql.query(POOL, Tuple.of(ids, freshDays));
        Uni<RowSet<Row>> funnel = sql.query(FUNNEL, range);
        return Uni.combine().all().unis(visits, created, followUps, leads, funnel).asTuple().map(t -> {
            for (Row r : t.getItem1()) {
                RepNumbers n = byRep.get(r.getUUID("user_id"));
                n.visits = r.getLong("visits");
                n.effectiveVisits = r.getLong("effective");
            }
            for (Row r : t.getItem2()) {
                byRep.get(r.getUUID(0)).newCustomers = r.getLong(1);
            }
            for (Row r : t.getItem3()) {
                RepNumbers n = byRep.get(r.getUUID("owner_id"));
                n.followUpsDue = r.getLong("due");
                n.followUpsOnTime = r.getLong("on_time");
            }
            pool(t.getItem4(), byRep);
            funnel(t.getItem5(), byRep);
            return byRep;
        });
    }

    private static void pool(RowSet<Row> rows, Map<UUID, RepNumbers> byRep) {
        for (Row r : rows) {
            RepNumbers n = byRep.get(r.getUUID("owner_id"));
            n.openLeads = r.getLong("open_leads");
            n.freshLeads = r.getLong("fresh");
            n.gradeA = r.getLong("a");
            n.gradeB = r.getLong("b");
            n.gradeC = r.getLong("c");
        }
    }

    private static void funnel(RowSet<Row> rows, Map<UUID, RepNumbers> byRep) {
        for (Row r : rows) {
            RepNumbers n = byRep.get(r.getUUID("owner_id"));
            n.funnel[0] = r.getLong("initial");
            n.funnel[1] = r.getLong("high");
            n.funnel[2] = r.getLong("key");
            n.funnel[3] = r.getLong("won");
        }
    }

    /** Money from the records. */
    private Uni<Map<UUID, RepNumbers>> money(UUID[] ids, Tuple range, Tuple days, Map<UUID, RepNumbers> byRep) {
        Uni<RowSet<Row>> closed = sql.query(DEALS_CLOSED, range);
        Uni<RowSet<Row>> proposals = sql.query(PROPOSALS, range);
        Uni<RowSet<Row>> due = sql.query(INSTALMENTS_DUE, days);
        Uni<RowSet<Row>> received = sql.query(PAYMENTS_RECEIVED, days);
        Uni<RowSet<Row>> settled = sql.query(INSTALMENTS_SETTLED, days);
        return Uni.combine().all().unis(closed, proposals, due, received, settled).asTuple().map(t -> {
            closed(t.getItem1(), byRep);
            proposals(t.getItem2(), byRep);
            for (Row r : t.getItem3()) {
                byRep.get(r.getUUID("owner_id")).due(r.getString("currency"), r.getBigDecimal("due"), r.getBigDecimal("collected"));
            }
            for (Row r : t.getItem4()) {
                byRep.get(r.getUUID("owner_id")).received(r.getString("currency"), r.getBigDecimal("amount"));
            }
            for (Row r : t.getItem5()) {
                byRep.get(r.getUUID("owner_id")).settled(r.getLong("n"), r.getLong("days_late"));
            }
            return byRep;
        });
    }

    /**
     * Money from the daily money rollup; deals closed from the records when the range is not whole
     * days in the rollup's zone ({@code dealsRolled} false), and proposals from the records when the
     * daily rollup cannot answer them ({@code proposalsLive}: not a calendar month, quarter or year).
     */
    private Uni<Map<UUID, RepNumbers>> rolledMoney(UUID[] ids, Tuple range, Tuple days, boolean dealsRolled, boolean proposalsLive,
                                                   Map<UUID, RepNumbers> byRep) {
        Uni<RowSet<Row>> rolled = sql.query(ROLLUP_MONEY, days);
        Uni<RowSet<Row>> proposals = proposalsLive ? sql.query(PROPOSALS, range) : Uni.createFrom().nullItem();
        Uni<RowSet<Row>> closed = dealsRolled ? Uni.createFrom().nullItem() : sql.query(DEALS_CLOSED, range);
        return Uni.combine().all().unis(rolled, proposals, closed).asTuple().map(t -> {
            for (Row r : t.getItem1()) {
                RepNumbers n = byRep.get(r.getUUID("user_id"));
                String currency = r.getString("currency");
                if (dealsRolled) {
                    n.won(currency, r.getLong("won"), r.getBigDecimal("won_amount"));
                    n.dealsLost += r.getLong("lost");
                }
                if (r.getBigDecimal("due").signum() != 0) {
                    n.due(currency, r.getBigDecimal("due"), r.getBigDecimal("collected"));
                }
                if (r.getBigDecimal("received").signum() != 0) {
                    n.received(currency, r.getBigDecimal("received"));
                }
                n.settled(r.getLong("settled"), r.getLong("days_late"));
            }
            if (t.getItem2() != null) {
                proposals(t.getItem2(), byRep);
            }
            if (t.getItem3() != null) {
                closed(t.getItem3(), byRep);
            }
            return byRep;
        });
    }

    private static void closed(RowSet<Row> rows, Map<UUID, RepNumbers> byRep) {
        for (Row r : rows) {
            RepNumbers n = byRep.get(r.getUUID("owner_id"));
            if ("WON".equals(r.getString("stage"))) {
                n.won(r.getString("currency"), r.getLong("n"), r.getBigDecimal("amount"));
            } else {
                n.dealsLost += r.getLong("n");
            }
        }
    }

    private static void proposals(RowSet<Row> rows, Map<UUID, RepNumbers> byRep) {
        for (Row r : rows) {
            byRep.get(r.getUUID("owner_id")).proposals = r.getLong("n");
        }
    }

    /** Forward stage moves per rep in the range (reps without any are absent). */
    public Uni<Map<UUID, Long>> stageMoves(List<UUID> reps, Instant from, Instant to) {
        Map<UUID, Long> moves = new java.util.HashMap<>();
        if (reps.isEmpty()) {
            return Uni.createFrom().item(moves);
        }
        return sql.query(STAGE_MOVES, Tuple.of(reps.toArray(UUID[]::new), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    rows.forEach(r -> moves.put(r.getUUID(0), r.getLong(1)));
                    return moves;
                });
    }

    /** Deal stage moves per rep in the range (reps without any are absent). */
    public Uni<Map<UUID, Long>> dealMoves(List<UUID> reps, Instant from, Instant to) {
        Map<UUID, Long> moves = new java.util.HashMap<>();
        if (reps.isEmpty()) {
            return Uni.createFrom().item(moves);
        }
        return sql.query(DEAL_MOVES, Tuple.of(reps.toArray(UUID[]::new), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    rows.forEach(r -> moves.put(r.getUUID(0), r.getLong(1)));
                    return moves;
                });
    }

    /** Weekly effective visits and new customers of the reps together, in {@code zone}. */
    public Uni<List<Week>> trend(List<UUID> reps, Instant from, Instant to, ZoneId zone, boolean rollup) {
        if (reps.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = reps.toArray(UUID[]::new);
        return rollupUsable(rollup, from, to, zone)
                .chain(usable -> usable
                        ? sql.query(ROLLUP_TREND, Tuple.of(ids, from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate()))
                        : sql.query(TREND, Tuple.of(ids, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), zone.getId())))
                .map(rows -> {
                    List<Week> weeks = new ArrayList<>();
                    for (Row r : rows) {
                        weeks.add(new Week(r.getLocalDate("wk"), r.getLong("effective"), r.getLong("created")));
                    }
                    return weeks;
                });
    }
}
