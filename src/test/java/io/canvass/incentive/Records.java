package io.canvass.incentive;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;

/**
 * Hand-built records with dates in the past (deals won, payments received, approved targets),
 * written straight to the database: the API records them only as of now.
 */
final class Records {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Pool pool;

    Records(Pool pool) {
        this.pool = pool;
    }

    private void run(String sql, Object... values) {
        pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(values))).await().atMost(Duration.ofSeconds(20));
    }

    UUID customer(UUID owner, UUID team, String grade) {
        UUID id = UUID.randomUUID();
        run("insert into customer (id, name, owner_id, team_id, grade, stage) values ($1, $2, $3, $4, $5, 'WON')",
                id, "客户 " + id.toString().substring(0, 6), owner, team, grade);
        return id;
    }

    /** A deal won at noon (Shanghai) on {@code day}. */
    UUID won(UUID customer, String amount, String currency, LocalDate day) {
        return wonAt(customer, amount, currency, day.atTime(12, 0).atZone(SHANGHAI).toOffsetDateTime());
    }

    UUID wonAt(UUID customer, String amount, String currency, OffsetDateTime closedAt) {
        UUID id = UUID.randomUUID();
        run("insert into deal (id, customer_id, name, amount, currency, stage, closed_at) values ($1, $2, $3, $4, $5, 'WON', $6)",
                id, customer, "项目 " + id.toString().substring(0, 6), new BigDecimal(amount), currency, closedAt);
        return id;
    }

    /** A payment received on {@code day} that pays a one-instalment contract of the customer in full. */
    UUID payment(UUID customer, String amount, String currency, LocalDate day) {
        UUID contract = UUID.randomUUID();
        UUID instalment = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        BigDecimal value = new BigDecimal(amount);
        run("""
                insert into contract (id, customer_id, number, value, currency, starts_on, ends_on, status, renewal_state)
                values ($1, $2, $3, $4, $5, $6, $7, 'ACTIVE', 'NONE')""",
                contract, customer, "HT-" + contract.toString().substring(0, 8), value, currency, day.minusMonths(1), day.plusYears(1));
        run("insert into instalment (id, contract_id, position, due_on, amount, currency, collected, paid_on) values ($1, $2, 1, $3, $4, $5, $4, $3)",
                instalment, contract, day, value, currency);
        run("insert into payment (id, instalment_id, contract_id, amount, currency, received_on) values ($1, $2, $3, $4, $5, $6)",
                payment, instalment, contract, value, currency, day);
        return payment;
    }

    /** A rep's target of a month in the given status. */
    UUID target(UUID rep, UUID team, String metric, LocalDate month, String value, String currency, String status) {
        UUID id = UUID.randomUUID();
        run("""
                insert into target (id, period_kind, period_start, period_end, level, team_id, user_id, metric, value, currency, status)
                values ($1, 'MONTH', $2, $3, 'REP', $4, $5, $6, $7, $8, $9)""",
                id, month, month.plusMonths(1), team, rep, metric, new BigDecimal(value), currency, status);
        return id;
    }

    void hired(UUID user, LocalDate on) {
        run("update app_user set hired_on = $2 where id = $1", user, on);
    }
}
