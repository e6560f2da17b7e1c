package io.canvass.demo;

import io.canvass.incentive.StatementService;
import io.canvass.platform.Ids;
import io.canvass.target.Period;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The demo's incentives: a monthly commission plan for the organisation (tiers on revenue won
 * against the approved revenue target, an accelerator above 120 %, rewards for big deals and new
 * key accounts, a cap), deals won by every rep last month and this month, approved revenue
 * targets that put the reps in different tiers, and last month closed with its statements frozen,
 * so even the newest rep opens a real statement; this month is computed live.
 */
@ApplicationScoped
public class DemoIncentives {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final String REPS = """
            with recursive sub(id) as (select $1::uuid union select t.id from team t join sub on t.parent_id = sub.id)
            select u.id, u.team_id, u.hired_on,
                   (select c.id from customer c where c.owner_id = u.id and c.deleted_at is null order by c.id limit 1) as customer_id
            from app_user u where u.role = 'REP' and u.active and u.team_id in (select id from sub)
            order by u.email""";
    static final String INSERT_PLAN = """
            insert into commission_plan (id, name, period_kind, team_id, base, currency, cap, tiers, one_offs, created_by)
            values ($1, '全国销售部月度提成', 'MONTH', $2, 'REVENUE_WON', 'CNY', 30000, $3::jsonb, $4::jsonb, $5)""";
    static final String INSERT_DEAL = """
            insert into deal (id, customer_id, name, amount, currency, product_line, stage, closed_at, created_at)
            values ($1, $2, $3, $4, 'CNY', $5, 'WON', $6, $6)""";
    static final String INSERT_STAGE = """
            insert into deal_stage_change (id, deal_id, at, from_stage, to_stage) values ($1, $2, $3, 'NEGOTIATION', 'WON')""";
    static final String INSERT_TARGET = """
            insert into target (id, period_kind, period_start, period_end, level, team_id, user_id, metric, value, currency, status,
                                submitted_by, submitted_at, reviewed_by, reviewed_at, created_by)
            values ($1, 'MONTH', $2, $3, 'REP', $4, $5, 'REVENUE', $6, 'CNY', 'APPROVED', $5, now(), $7, now(), $7)
            on conflict do nothing""";

    /** Last month's achievement each rep is given (in turn): every tier shows up. */
    static final double[] ACHIEVEMENT = { 1.34, 1.08, 0.92, 0.71, 1.21, 1.0, 0.86, 1.15 };

    @Inject
    StatementService statements;

    /** A demo rep: their team, hire day and one of their customers. */
    record Rep(UUID id, UUID teamId, LocalDate hiredOn, UUID customerId) {
    }

    record Rows(List<Tuple> deals, List<Tuple> stages, List<Tuple> targets) {
    }

    /** Seeds the incentives of the organisation under {@code orgTeam}; {@code director} approves and closes. */
    public Uni<Void> seed(SqlClient tx, UUID orgTeam, UUID director, LocalDate today) {
        Period lastMonth = Period.of(Period.Kind.MONTH, today.withDayOfMonth(1).minusMonths(1));
        return tx.preparedQuery(REPS).execute(Tuple.of(orgTeam))
                .map(rows -> {
                    List<Rep> reps = new ArrayList<>();
                    for (Row r : rows) {
                        if (r.getUUID("customer_id") != null) {
                            reps.add(new Rep(r.getUUID("id"), r.getUUID("team_id"), r.getLocalDate("hired_on"), r.getUUID("customer_id")));
                        }
                    }
                    return generate(reps, director, today);
                })
                .chain(rows -> tx.preparedQuery(INSERT_PLAN).execute(Tuple.of(Ids.newId(), orgTeam, tiers().encode(), oneOffs().encode(), director))
                        .chain(() -> batch(tx, INSERT_DEAL, rows.deals()))
                        .chain(() -> batch(tx, INSERT_STAGE, rows.stages()))
                        .chain(() -> batch(tx, INSERT_TARGET, rows.targets())))
                .chain(() -> statements.closeWith(tx, lastMonth, director))
                .replaceWithVoid();
    }

    private static Uni<Void> batch(SqlClient tx, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    static JsonArray tiers() {
        return new JsonArray()
                .add(tier("0", "80", "0", "0"))
                .add(tier("80", "100", "2", "0"))
                .add(tier("100", "120", "3", "0"))
                .add(tier("120", null, "3", "2"));
    }

    private static JsonObject tier(String from, String to, String rate, String extraRate) {
        return new JsonObject().put("from", from).put("to", to).put("rate", rate).put("extraRate", extraRate);
    }

    static JsonArray oneOffs() {
        return new JsonArray()
                .add(new JsonObject().put("kind", "DEAL_WON_ABOVE").put("reward", "2000").put("above", "300000"))
                .add(new JsonObject().put("kind", "KEY_ACCOUNT_WON").put("reward", "1000").put("above", null));
    }

    /** Deals won last month and this month so far, and approved revenue targets for both months. */
    static Rows generate(List<Rep> reps, UUID director, LocalDate today) {
        Random random = new Random(20261201);
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        LocalDate thisMonth = today.withDayOfMonth(1);
        LocalDate lastMonth = thisMonth.minusMonths(1);
        for (int i = 0; i < reps.size(); i++) {
            Rep rep = reps.get(i);
            LocalDate earliest = rep.hiredOn() != null && rep.hiredOn().isAfter(lastMonth) ? rep.hiredOn() : lastMonth;
            BigDecimal won = BigDecimal.ZERO;
            for (int d = 0; d < 3 && earliest.isBefore(thisMonth); d++) {
                LocalDate day = earliest.plusDays(random.nextInt((int) (thisMonth.toEpochDay() - earliest.toEpochDay())));
                won = won.add(deal(rows, rep, day, random));
            }
            for (int d = 0; d < 2 && today.getDayOfMonth() > 1; d++) {
                deal(rows, rep, thisMonth.plusDays(random.nextInt(today.getDayOfMonth() - 1)), random);
            }
            BigDecimal target = won.signum() == 0 ? BigDecimal.valueOf(200_000)
                    : won.divide(BigDecimal.valueOf(ACHIEVEMENT[i % ACHIEVEMENT.length]), -4, RoundingMode.HALF_EVEN).max(BigDecimal.valueOf(100_000));
            target = target.setScale(2);
            rows.targets().add(Tuple.from(Arrays.asList(Ids.newId(), lastMonth, thisMonth, rep.teamId(), rep.id(), target, director)));
            rows.targets().add(Tuple.from(Arrays.asList(Ids.newId(), thisMonth, thisMonth.plusMonths(1), rep.teamId(), rep.id(),
                    target.multiply(BigDecimal.valueOf(11)).divide(BigDecimal.TEN, 2, RoundingMode.HALF_EVEN), director)));
        }
        return rows;
    }

    private static BigDecimal deal(Rows rows, Rep rep, LocalDate day, Random random) {
        UUID id = Ids.newId();
        BigDecimal amount = BigDecimal.valueOf(60_000 + random.nextInt(300) * 1000L).setScale(2);
        OffsetDateTime closedAt = day.atTime(10 + random.nextInt(8), random.nextInt(60)).atZone(ZONE).toOffsetDateTime();
        rows.deals().add(Tuple.from(Arrays.asList(id, rep.customerId(), DemoMoney.DEAL_NAMES[random.nextInt(DemoMoney.DEAL_NAMES.length)],
                amount, DemoMoney.LINES[random.nextInt(DemoMoney.LINES.length)], closedAt)));
        rows.stages().add(Tuple.of(Ids.newId(), id, closedAt));
        return amount;
    }
}
