package io.canvass.demo;

import io.canvass.platform.Ids;
import io.canvass.platform.Money;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Demo deals in every stage, and contracts ending across the next 90 days (a few just ended),
 * each with a quarterly collection plan: earlier instalments mostly paid, some partly, some
 * overdue. The renewal and overdue scans pick them up a minute after start.
 */
final class DemoMoney {

    static final String INSERT_DEAL = """
            insert into deal (id, customer_id, name, amount, currency, product_line, stage, lost_reason, expected_close_on, closed_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
    static final String INSERT_STAGE = """
            insert into deal_stage_change (id, deal_id, from_stage, to_stage, reason) values ($1, $2, null, $3, $4)""";
    static final String INSERT_CONTRACT = """
            insert into contract (id, customer_id, number, value, currency, product_lines, starts_on, ends_on, status, renewal_state)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'ACTIVE', 'UPCOMING')""";
    static final String INSERT_EVENT = "insert into contract_event (id, contract_id, kind, detail) values ($1, $2, 'CREATED', $3)";
    static final String INSERT_INSTALMENT = """
            insert into instalment (id, contract_id, position, due_on, amount, currency, collected, paid_on)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";
    static final String INSERT_PAYMENT = """
            insert into payment (id, instalment_id, contract_id, amount, currency, received_on, reference)
            values ($1, $2, $3, $4, $5, $6, $7)""";

    static final String[] STAGES = { "QUALIFICATION", "NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION", "WON", "LOST" };
    static final String[] LINES = { "自动化设备", "工业软件", "备件服务", "检测仪器", "维保合同" };
    static final String[] DEAL_NAMES = { "产线改造", "设备更新", "年度维保", "二期扩产", "数字化升级", "备件框架协议" };
    static final String[] LOST_REASONS = { "选择了竞品，价格差 12%", "预算冻结到明年", "项目取消" };

    record Rows(List<Tuple> deals, List<Tuple> stages, List<Tuple> contracts, List<Tuple> events, List<Tuple> instalments,
                List<Tuple> payments) {
    }

    /** Customer tuples as DemoCustomers makes them: id at 0, name at 1, stage at 10. */
    static Rows generate(List<Tuple> customers, LocalDate today) {
        Random random = new Random(20261124);
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Tuple> active = customers.stream().filter(c -> !"LOST".equals(c.getString(10))).toList();
        // spread over the reps (customers come rep by rep)
        for (int i = 0; i < 60 && 3 * i < active.size(); i++) {
            deal(rows, active.get(3 * i), STAGES[i % STAGES.length], today, random);
        }
        for (int i = 0; i < 40 && 4 * i + 1 < active.size(); i++) {
            // ends from 5 days ago to about 110 days ahead: every radar band has some
            contract(rows, active.get(4 * i + 1), today.plusDays(i * 3L - 5), i, today, random);
        }
        return rows;
    }

    private static void deal(Rows rows, Tuple customer, String stage, LocalDate today, Random random) {
        UUID id = Ids.newId();
        BigDecimal amount = BigDecimal.valueOf(50_000 + random.nextInt(950) * 1000L).setScale(2);
        boolean closed = stage.equals("WON") || stage.equals("LOST");
        String lostReason = stage.equals("LOST") ? LOST_REASONS[random.nextInt(LOST_REASONS.length)] : null;
        OffsetDateTime closedAt = closed ? OffsetDateTime.now(ZoneOffset.UTC).minusDays(random.nextInt(60)) : null;
        rows.deals().add(Tuple.from(Arrays.asList(id, customer.getUUID(0), DEAL_NAMES[random.nextInt(DEAL_NAMES.length)], amount, "CNY",
                LINES[random.nextInt(LINES.length)], stage, lostReason, today.plusDays(10 + random.nextInt(120)), closedAt)));
        rows.stages().add(Tuple.from(Arrays.asList(Ids.newId(), id, stage, lostReason)));
    }

    private static void contract(Rows rows, Tuple customer, LocalDate endsOn, int n, LocalDate today, Random random) {
        UUID id = Ids.newId();
        String code = n % 7 == 3 ? "HKD" : "CNY";
        Currency currency = Currency.getInstance(code);
        BigDecimal value = BigDecimal.valueOf(80_000 + random.nextInt(900) * 1000L + random.nextInt(100) / 100.0).setScale(2, Money.ROUNDING);
        LocalDate startsOn = endsOn.minusYears(1).plusDays(1);
        rows.contracts().add(Tuple.from(Arrays.asList(id, customer.getUUID(0), String.format("HT-%d-%04d", startsOn.getYear(), 100 + n),
                value, code, new String[] { LINES[n % LINES.length] }, startsOn, endsOn)));
        rows.events().add(Tuple.of(Ids.newId(), id, "demo contract"));
        List<BigDecimal> parts = Money.split(value, 4, currency);
        for (int p = 0; p < parts.size(); p++) {
            UUID instalment = Ids.newId();
            LocalDate dueOn = startsOn.plusMonths(3L * p).plusDays(30);
            BigDecimal amount = parts.get(p);
            BigDecimal collected = BigDecimal.ZERO.setScale(2);
            LocalDate paidOn = null;
            if (dueOn.isBefore(today)) {
                int fate = random.nextInt(10);
                if (fate < 6) {
                    collected = amount;
                    paidOn = dueOn.plusDays(random.nextInt(20));
                    paidOn = paidOn.isAfter(today) ? today : paidOn;
                } else if (fate < 8) {
                    collected = amount.divide(BigDecimal.valueOf(2), 2, Money.ROUNDING);
                }
            }
            rows.instalments().add(Tuple.from(Arrays.asList(instalment, id, p + 1, dueOn, amount, code, collected, paidOn)));
            if (collected.signum() > 0) {
                LocalDate receivedOn = paidOn != null ? paidOn : dueOn.plusDays(3).isAfter(today) ? today : dueOn.plusDays(3);
                rows.payments().add(Tuple.from(Arrays.asList(Ids.newId(), instalment, id, collected, code, receivedOn, "回单 " + (10000 + random.nextInt(89999)))));
            }
        }
    }
}
