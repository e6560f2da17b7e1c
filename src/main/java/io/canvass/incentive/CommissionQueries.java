package io.canvass.incentive;

import io.canvass.platform.Statements;
import io.canvass.target.Period;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of incentives: plans, and what statements and honours are computed from (deals won,
 * payments received, new key accounts, approved rep targets), closed periods, frozen statements
 * and their adjustments. Each method takes the client to run on, so a period is closed in one
 * transaction with what it reads.
 */
final class CommissionQueries {

    static final String PLAN_COLUMNS = "id, name, period_kind, applies_role, team_id, base, currency, cap, tiers, one_offs, version";
    static final String PLANS = "select " + PLAN_COLUMNS + " from commission_plan order by id";
    static final String PLAN = "select " + PLAN_COLUMNS + " from commission_plan where id = $1";
    static final String INSERT_PLAN = """
            insert into commission_plan (id, name, period_kind, applies_role, team_id, base, currency, cap, tiers, one_offs, created_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11)""";
    static final String UPDATE_PLAN = """
            update commission_plan set name = $2, period_kind = $3, applies_role = $4, team_id = $5, base = $6, currency = $7, cap = $8,
                   tiers = $9::jsonb, one_offs = $10::jsonb, updated_at = now(), version = version + 1
            where id = $1 and version = $11""";
    static final String DELETE_PLAN = "delete from commission_plan where id = $1 and version = $2";
    static final String TEAM_EXISTS = "select 1 from team where id = $1";
    static final String TEAMS = "select id, parent_id from team";

    /** Active reps and managers: who may earn commission. */
    static final String EARNERS = """
            select id, display_name, role, team_id, coalesce(hired_on, (created_at at time zone 'UTC')::date) as hired_on
            from app_user where active and role in ('REP', 'MANAGER') order by id""";

    /** Deals won in the range, credited to the owner of their customer (the KPIs' rule). */
    static final String WON = """
            select d.id, c.owner_id, d.customer_id, c.name as customer_name, d.name, d.amount, d.currency, d.closed_at
            from deal d join customer c on c.id = d.customer_id
            where d.stage = 'WON' and d.closed_at >= $2 and d.closed_at < $3 and c.owner_id = any($1)
            order by d.closed_at, d.id""";

    /** Payments received in the range on contracts of the owner's customers. */
    static final String RECEIVED = """
            select p.id, c.owner_id, k.number, p.amount, p.currency, p.received_on
            from payment p join contract k on k.id = p.contract_id join customer c on c.id = k.customer_id
            where p.received_on >= $2 and p.received_on < $3 and c.owner_id = any($1)
            order by p.received_on, p.id""";

    /** Grade-A customers whose first deal ever won closed in the range. */
    static final String KEY_ACCOUNTS = """
            select c.id, c.owner_id, c.name, f.id as deal_id, f.currency, f.closed_at
            from customer c
            join lateral (select d.id, d.currency, d.closed_at from deal d where d.customer_id = c.id and d.stage = 'WON'
                          order by d.closed_at, d.id limit 1) f on true
            where c.owner_id = any($1) and c.grade = 'A' and c.deleted_at is null and f.closed_at >= $2 and f.closed_at < $3""";

    /** Approved rep targets of the period for the metrics asked. */
    static final String TARGETS = """
            select id, user_id, metric, value, currency from target
            where level = 'REP' and status = 'APPROVED' and user_id = any($1) and period_kind = $2 and period_start = $3 and metric = any($4)""";

    static final String PERIOD = "select period, closed_at, closed_by from commission_period where period = $1";
    static final String CLOSE = "insert into commission_period (period, closed_by) values ($1, $2) on conflict do nothing returning closed_at";
    static final String FREEZE = """
            insert into commission_statement (id, period, rep_id, team_id, plan_id, currency, total, body)
            values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)""";
    static final String FROZEN = """
            select s.id, s.rep_id, s.team_id, s.body, s.frozen_at from commission_statement s where s.period = $1 order by s.rep_id, s.plan_id""";
    static final String FROZEN_ONE = "select id, rep_id, team_id, body, frozen_at from commission_statement where id = $1";
    static final String ADJUSTMENTS = """
            select id, statement_id, amount, reason, approved_by, created_at from commission_adjustment
            where statement_id = any($1) order by id""";
    /** Through the Hibernate session, so that it is part of the write's transaction (and of its Idempotency-Key). */
    static final String INSERT_ADJUSTMENT = """
            insert into commission_adjustment (id, statement_id, amount, currency, reason, approved_by) values (?1, ?2, ?3, ?4, ?5, ?6)""";
    static final String PAYROLL_GRANT = "select 1 from service_account where user_id = $1 and 'PAYROLL' = any(grants)";

    private CommissionQueries() {
    }

    static Uni<List<CommissionPlan>> plans(Statements db) {
        return db.query(PLANS).map(CommissionQueries::plansOf);
    }

    static Uni<CommissionPlan> plan(Statements db, UUID id) {
        return db.query(PLAN, Tuple.of(id)).map(rows -> plansOf(rows).stream().findFirst().orElse(null));
    }

    static Tuple planTuple(CommissionPlan p) {
        JsonArray tiers = new JsonArray();
        p.tiers().forEach(t -> tiers.add(new JsonObject().put("from", t.from().toPlainString())
                .put("to", t.to() == null ? null : t.to().toPlainString())
                .put("rate", t.rate().toPlainString()).put("extraRate", t.extraRate().toPlainString())));
        JsonArray oneOffs = new JsonArray();
        p.oneOffs().forEach(o -> oneOffs.add(new JsonObject().put("kind", o.kind().name()).put("reward", o.reward().toPlainString())
                .put("above", o.above() == null ? null : o.above().toPlainString())));
        return Tuple.from(java.util.Arrays.asList(p.id(), p.name(), p.periodKind().name(), p.appliesRole(), p.teamId(), p.base().name(),
                p.currency().getCurrencyCode(), p.cap(), tiers.encode(), oneOffs.encode()));
    }

    private static List<CommissionPlan> plansOf(RowSet<Row> rows) {
        List<CommissionPlan> plans = new ArrayList<>();
        for (Row r : rows) {
            List<CommissionPlan.Tier> tiers = new ArrayList<>();
            for (Object o : json(r.getValue("tiers"))) {
                JsonObject t = (JsonObject) o;
                tiers.add(new CommissionPlan.Tier(new BigDecimal(t.getString("from")),
                        t.getString("to") == null ? null : new BigDecimal(t.getString("to")),
                        new BigDecimal(t.getString("rate")), new BigDecimal(t.getString("extraRate", "0"))));
            }
            List<CommissionPlan.OneOff> oneOffs = new ArrayList<>();
            for (Object o : json(r.getValue("one_offs"))) {
                JsonObject t = (JsonObject) o;
                oneOffs.add(new CommissionPlan.OneOff(CommissionPlan.OneOffKind.valueOf(t.getString("kind")), new BigDecimal(t.getString("reward")),
                        t.getString("above") == null ? null : new BigDecimal(t.getString("above"))));
            }
            plans.add(new CommissionPlan(r.getUUID("id"), r.getString("name"), Period.Kind.valueOf(r.getString("period_kind")),
                    r.getString("applies_role"), r.getUUID("team_id"), CommissionPlan.Base.valueOf(r.getString("base")),
                    Currency.getInstance(r.getString("currency")), r.getBigDecimal("cap"), List.copyOf(tiers), List.copyOf(oneOffs),
                    r.getInteger("version")));
        }
        return plans;
    }

    private static JsonArray json(Object value) {
        if (value instanceof JsonArray array) {
            return array;
        }
        return new JsonArray(String.valueOf(value));
    }

    static Uni<Map<UUID, UUID>> teamParents(Statements db) {
        return db.query(TEAMS).map(rows -> {
            Map<UUID, UUID> parents = new HashMap<>();
            for (Row r : rows) {
                parents.put(r.getUUID("id"), r.getUUID("parent_id"));
            }
            return parents;
        });
    }

    static Uni<List<CommissionMaths.Earner>> earners(Statements db) {
        return db.query(EARNERS).map(rows -> {
            List<CommissionMaths.Earner> earners = new ArrayList<>();
            for (Row r : rows) {
                earners.add(new CommissionMaths.Earner(r.getUUID("id"), r.getString("display_name"), r.getString("role"),
                        r.getUUID("team_id"), r.getLocalDate("hired_on")));
            }
            return earners;
        });
    }

    /** The records of a period for the given reps, cut in the organisation's calendar. */
    record Records(List<CommissionMaths.Won> won, List<CommissionMaths.Received> received, List<CommissionMaths.KeyAccount> keyAccounts) {
    }

    static Uni<Records> records(Statements db, List<UUID> reps, Period period, ZoneId zone) {
        UUID[] ids = reps.toArray(UUID[]::new);
        var from = period.start().atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        var to = period.end().atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        Uni<List<CommissionMaths.Won>> won = db.query(WON, Tuple.of(ids, from, to)).map(rows -> {
            List<CommissionMaths.Won> list = new ArrayList<>();
            for (Row r : rows) {
                var closedAt = r.getOffsetDateTime("closed_at").toInstant();
                list.add(new CommissionMaths.Won(r.getUUID("id"), r.getUUID("owner_id"), r.getUUID("customer_id"), r.getString("customer_name"),
                        r.getString("name"), r.getBigDecimal("amount"), r.getString("currency"), closedAt, closedAt.atZone(zone).toLocalDate()));
            }
            return list;
        });
        Uni<List<CommissionMaths.Received>> received = db.query(RECEIVED, Tuple.of(ids, period.start(), period.end())).map(rows -> {
            List<CommissionMaths.Received> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(new CommissionMaths.Received(r.getUUID("id"), r.getUUID("owner_id"), r.getString("number"), r.getBigDecimal("amount"),
                        r.getString("currency"), r.getLocalDate("received_on")));
            }
            return list;
        });
        Uni<List<CommissionMaths.KeyAccount>> keys = db.query(KEY_ACCOUNTS, Tuple.of(ids, from, to)).map(rows -> {
            List<CommissionMaths.KeyAccount> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(new CommissionMaths.KeyAccount(r.getUUID("id"), r.getUUID("owner_id"), r.getString("name"), r.getUUID("deal_id"),
                        r.getString("currency"), r.getOffsetDateTime("closed_at").toInstant().atZone(zone).toLocalDate()));
            }
            return list;
        });
        // one connection: run one after the other
        return won.chain(w -> received.chain(p -> keys.map(k -> new Records(w, p, k))));
    }

    /** Approved rep targets by rep and metric. */
    static Uni<Map<String, CommissionMaths.Target>> targets(Statements db, List<UUID> reps, Period period, List<String> metrics) {
        return db.query(TARGETS, Tuple.of(reps.toArray(UUID[]::new), period.kind().name(), period.start(),
                metrics.toArray(String[]::new))).map(rows -> {
                    Map<String, CommissionMaths.Target> targets = new HashMap<>();
                    for (Row r : rows) {
                        targets.put(r.getUUID("user_id") + "/" + r.getString("metric"), new CommissionMaths.Target(r.getUUID("id"),
                                r.getUUID("user_id"), r.getString("metric"), r.getBigDecimal("value"), r.getString("currency")));
                    }
                    return targets;
                });
    }

    /** When the period was closed, if it was. */
    record Closed(String period, java.time.Instant closedAt, UUID closedBy) {
    }

    static Uni<Optional<Closed>> closed(Statements db, String period) {
        return db.query(PERIOD, Tuple.of(period)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new Closed(r.getString("period"), r.getOffsetDateTime("closed_at").toInstant(), r.getUUID("closed_by")));
        });
    }

    /** A frozen statement as stored. */
    record Frozen(UUID id, UUID repId, UUID teamId, JsonObject body, java.time.Instant frozenAt) {
    }

    static Uni<List<Frozen>> frozen(Statements db, String period) {
        return db.query(FROZEN, Tuple.of(period)).map(CommissionQueries::frozenOf);
    }

    static Uni<Frozen> frozenOne(Statements db, UUID id) {
        return db.query(FROZEN_ONE, Tuple.of(id)).map(rows -> frozenOf(rows).stream().findFirst().orElse(null));
    }

    private static List<Frozen> frozenOf(RowSet<Row> rows) {
        List<Frozen> list = new ArrayList<>();
        for (Row r : rows) {
            Object body = r.getValue("body");
            list.add(new Frozen(r.getUUID("id"), r.getUUID("rep_id"), r.getUUID("team_id"),
                    body instanceof JsonObject o ? o : new JsonObject(String.valueOf(body)), r.getOffsetDateTime("frozen_at").toInstant()));
        }
        return list;
    }

    /** An adjustment to a frozen statement. */
    record Adjustment(UUID id, UUID statementId, BigDecimal amount, String reason, UUID approvedBy, java.time.Instant at) {
    }

    static Uni<List<Adjustment>> adjustments(Statements db, List<UUID> statements) {
        return db.query(ADJUSTMENTS, Tuple.of(statements.toArray(UUID[]::new))).map(rows -> {
            List<Adjustment> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(new Adjustment(r.getUUID("id"), r.getUUID("statement_id"), r.getBigDecimal("amount"), r.getString("reason"),
                        r.getUUID("approved_by"), r.getOffsetDateTime("created_at").toInstant()));
            }
            return list;
        });
    }

    static Uni<Boolean> hasPayrollGrant(Statements db, UUID userId) {
        return db.query(PAYROLL_GRANT, Tuple.of(userId)).map(rows -> rows.size() > 0);
    }

    static LocalDate today(ZoneId zone) {
        return LocalDate.now(zone);
    }
}
