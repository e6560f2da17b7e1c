package io.canvass.demo;

import io.canvass.incentive.StatementService;
import io.canvass.platform.Ids;
import io.canvass.platform.Statements;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's incentives: a monthly commission plan for the organisation (tiers on revenue won
 * against the approved revenue target, an accelerator above 120 %, rewards for big deals and new
 * key accounts, a cap), approved revenue targets for every month of the story set against what each
 * rep actually won (CNY deals, the plan's currency), so attainment differs by rep and month and last
 * month's statements fall in every tier, and last month closed with its statements frozen, so even
 * the newest rep opens a real statement; this month is computed live.
 */
@ApplicationScoped
public class DemoIncentives {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final String REPS = """
            with recursive sub(id) as (select $1::uuid union select t.id from team t join sub on t.parent_id = sub.id)
            select u.id, u.team_id, u.hired_on from app_user u where u.role = 'REP' and u.active and u.team_id in (select id from sub)
            and not u.finance_approver order by u.email""";
    /** CNY revenue won by each rep per month (in the plan's calendar) since $2. */
    static final String WON = """
            select c.owner_id, (date_trunc('month', d.closed_at at time zone 'Asia/Shanghai'))::date as month, sum(d.amount) as won
            from deal d join customer c on c.id = d.customer_id
            where d.stage = 'WON' and d.currency = 'CNY' and c.owner_id = any($1) and d.closed_at >= $2
            group by 1, 2""";
    static final String INSERT_PLAN = """
            insert into commission_plan (id, name, period_kind, team_id, base, currency, cap, tiers, one_offs, created_by)
            values ($1, '全国销售部月度提成', 'MONTH', $2, 'REVENUE_WON', 'CNY', 30000, $3::jsonb, $4::jsonb, $5)""";
    static final String INSERT_TARGET = """
            insert into target (id, period_kind, period_start, period_end, level, team_id, user_id, metric, value, currency, status,
                                submitted_by, submitted_at, reviewed_by, reviewed_at, created_by)
            values ($1, 'MONTH', $2, $3, 'REP', $4, $5, 'REVENUE', $6, 'CNY', 'APPROVED', $5, $8, $7, $8, $7)
            on conflict do nothing""";

    /** The achievement each rep is given (in turn, shifted by a rep a month): last month every tier shows up. */
    static final double[] ACHIEVEMENT = { 1.34, 1.08, 0.92, 0.71, 1.21, 1.0, 0.86, 1.15 };

    @Inject
    StatementService statements;

    /** A demo rep: their team and hire day. */
    record Rep(UUID id, UUID teamId, LocalDate hiredOn) {
    }

    /** Seeds the incentives of the organisation under {@code orgTeam} from the deals already won; {@code director} approves and closes. */
    public Uni<Void> seed(SqlClient tx, UUID orgTeam, UUID director, LocalDate today) {
        Period lastMonth = Period.of(Period.Kind.MONTH, today.withDayOfMonth(1).minusMonths(1));
        LocalDate first = today.withDayOfMonth(1).minusMonths(DemoCustomers.MONTHS);
        return tx.preparedQuery(REPS).execute(Tuple.of(orgTeam))
                .map(rows -> {
                    List<Rep> reps = new ArrayList<>();
                    for (Row r : rows) {
                        reps.add(new Rep(r.getUUID("id"), r.getUUID("team_id"), r.getLocalDate("hired_on")));
                    }
                    return reps;
                })
                .chain(reps -> tx.preparedQuery(WON)
                        .execute(Tuple.of(reps.stream().map(Rep::id).toArray(UUID[]::new), first.atStartOfDay(ZONE).toOffsetDateTime()))
                        .map(rows -> {
                            Map<UUID, Map<LocalDate, BigDecimal>> won = new HashMap<>();
                            for (Row r : rows) {
                                won.computeIfAbsent(r.getUUID("owner_id"), k -> new HashMap<>()).put(r.getLocalDate("month"), r.getBigDecimal("won"));
                            }
                            return generate(reps, won, director, today);
                        }))
                .chain(targets -> tx.preparedQuery(INSERT_PLAN).execute(Tuple.of(Ids.newId(), orgTeam, tiers().encode(), oneOffs().encode(), director))
                        .chain(() -> batch(tx, INSERT_TARGET, targets)))
                .chain(() -> statements.closeWith(Statements.on(tx), lastMonth, director))
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

    /**
     * Approved revenue targets for every month of the story a rep was with the team: a past month's
     * set so that what the rep won reaches its share of {@link #ACHIEVEMENT} (a rep who won nothing had
     * 200 000 to reach); this month's a tenth above the rep's average target so far.
     */
    static List<Tuple> generate(List<Rep> reps, Map<UUID, Map<LocalDate, BigDecimal>> won, UUID director, LocalDate today) {
        List<Tuple> targets = new ArrayList<>();
        LocalDate thisMonth = today.withDayOfMonth(1);
        OffsetDateTime now = OffsetDateTime.now(ZONE);
        for (int i = 0; i < reps.size(); i++) {
            Rep rep = reps.get(i);
            BigDecimal sum = BigDecimal.ZERO;
            int months = 0;
            for (int ago = DemoCustomers.MONTHS; ago >= 1; ago--) {
                LocalDate month = thisMonth.minusMonths(ago);
                if (rep.hiredOn() != null && !rep.hiredOn().isBefore(month.plusMonths(1))) {
                    continue;
                }
                BigDecimal actual = won.getOrDefault(rep.id(), Map.of()).getOrDefault(month, BigDecimal.ZERO);
                double achievement = ACHIEVEMENT[(i + ago - 1) % ACHIEVEMENT.length];
                BigDecimal target = actual.signum() == 0 ? BigDecimal.valueOf(200_000)
                        : actual.divide(BigDecimal.valueOf(achievement), -4, RoundingMode.HALF_EVEN).max(BigDecimal.valueOf(50_000));
                target = target.setScale(2);
                sum = sum.add(target);
                months++;
                targets.add(Tuple.from(Arrays.asList(Ids.newId(), month, month.plusMonths(1), rep.teamId(), rep.id(), target, director,
                        month.atTime(10, 0).atZone(ZONE).toOffsetDateTime().minusDays(2))));
            }
            BigDecimal next = months == 0 ? BigDecimal.valueOf(150_000).setScale(2)
                    : sum.divide(BigDecimal.valueOf(months), -4, RoundingMode.HALF_EVEN).multiply(new BigDecimal("1.1")).setScale(-4, RoundingMode.HALF_EVEN).setScale(2);
            targets.add(Tuple.from(Arrays.asList(Ids.newId(), thisMonth, thisMonth.plusMonths(1), rep.teamId(), rep.id(), next, director,
                    now.isBefore(thisMonth.atTime(10, 0).atZone(ZONE).toOffsetDateTime()) ? now : thisMonth.atTime(10, 0).atZone(ZONE).toOffsetDateTime())));
        }
        return targets;
    }
}
