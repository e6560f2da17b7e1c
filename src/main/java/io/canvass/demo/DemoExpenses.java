package io.canvass.demo;

import io.canvass.platform.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Demo expenses: a finance approver, budgets for both regions for this month and the last, a month
 * of claims in every state (paid, finance approved, manager approved, submitted, returned with a
 * comment, draft), each with its history and a receipt, and a pre-approval waiting for the director.
 */
final class DemoExpenses {

    static final String FINANCE_EMAIL = "finance@demo.canvass.io";
    static final String FINANCE_NAME = "钱敏";

    static final String INSERT_FINANCE = """
            insert into app_user (id, email, display_name, password_hash, role, team_id, time_zone, locale, phone, hired_on, finance_approver)
            values ($1, $2, $3, $4, 'REP', $5, 'Asia/Shanghai', 'zh-CN', '13800009999', '2020-03-02', true)""";
    static final String INSERT_BUDGET = """
            insert into expense_budget (id, team_id, category, month, amount, currency) values ($1, $2, $3, $4, $5, 'CNY')""";
    static final String INSERT_CLAIM = """
            insert into expense_claim (id, user_id, team_id, spent_on, category, amount, currency, description, status, submitted_at,
                                       manager_approved_by, manager_approved_at, finance_approved_by, finance_approved_at, paid_by, paid_at,
                                       created_at)
            values ($1, $2, $3, $4, $5, $6, 'CNY', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)""";
    static final String INSERT_EVENT = """
            insert into expense_claim_event (id, claim_id, at, actor_id, action, from_status, to_status, comment)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";
    static final String INSERT_RECEIPT = """
            insert into expense_receipt (id, claim_id, content_type, size_bytes, bytes, uploaded_by, uploaded_at)
            values ($1, $2, 'image/png', $3, $4, $5, $6)""";
    static final String INSERT_PRE_APPROVAL = """
            insert into expense_pre_approval (id, requested_by, team_id, category, month, amount, currency, reason, status)
            values ($1, $2, $3, 'MARKETING_EVENTS', $4, 8000.00, 'CNY', $5, 'PENDING')""";

    /** A 1×1 PNG standing in for a photographed receipt. */
    static final byte[] RECEIPT = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /** Monthly budget per category, CNY. */
    static final Map<String, String> BUDGETS = Map.of("MARKETING_EVENTS", "20000.00", "TRAVEL", "12000.00",
            "CLIENT_ENTERTAINMENT", "8000.00", "TRAINING", "4000.00", "OTHER", "1500.00");

    record Spend(String category, int low, int high, String description) {
    }

    static final List<Spend> SPENDS = List.of(
            new Spend("TRAVEL", 120, 900, "拜访客户往返高铁及市内交通"),
            new Spend("CLIENT_ENTERTAINMENT", 200, 800, "与客户采购负责人工作餐，沟通需求"),
            new Spend("TRAVEL", 300, 1200, "外地客户拜访住宿两晚"),
            new Spend("MARKETING_EVENTS", 800, 2500, "行业沙龙场地与物料"),
            new Spend("TRAINING", 200, 900, "产品认证培训报名费"),
            new Spend("OTHER", 30, 200, "样品快递费"));

    /** The statuses of each rep's claims, oldest first. */
    static final String[] STATES = { "PAID", "PAID", "FINANCE_APPROVED", "MANAGER_APPROVED", "SUBMITTED", "RETURNED", "DRAFT" };

    record Rows(List<Tuple> budgets, List<Tuple> claims, List<Tuple> events, List<Tuple> receipts, List<Tuple> preApprovals) {
    }

    /** Inserts the finance approver and everything {@link #generate} makes. */
    static Uni<Void> seed(SqlClient tx, Map<String, DemoCoaching.User> users, List<UUID> regions, UUID org, String hash, LocalDate today) {
        UUID finance = Ids.newId();
        Rows rows = generate(users, regions, finance, today);
        return tx.preparedQuery(INSERT_FINANCE).execute(Tuple.of(finance, FINANCE_EMAIL, FINANCE_NAME, hash, org))
                .chain(() -> insert(tx, rows));
    }

    static Uni<Void> insert(SqlClient tx, Rows rows) {
        return tx.preparedQuery(INSERT_BUDGET).executeBatch(rows.budgets())
                .chain(() -> tx.preparedQuery(INSERT_CLAIM).executeBatch(rows.claims()))
                .chain(() -> tx.preparedQuery(INSERT_EVENT).executeBatch(rows.events()))
                .chain(() -> tx.preparedQuery(INSERT_RECEIPT).executeBatch(rows.receipts()))
                .chain(() -> tx.preparedQuery(INSERT_PRE_APPROVAL).executeBatch(rows.preApprovals()))
                .replaceWithVoid();
    }

    /** Users by demo email (reps, the two managers); regions: east then south. */
    static Rows generate(Map<String, DemoCoaching.User> users, List<UUID> regions, UUID finance, LocalDate today) {
        Random random = new Random(20261204);
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        YearMonth month = YearMonth.from(today);
        for (UUID region : regions) {
            for (YearMonth m : List.of(month.minusMonths(1), month)) {
                BUDGETS.forEach((category, amount) -> rows.budgets().add(Tuple.of(Ids.newId(), region, category, m.atDay(1),
                        new BigDecimal(amount))));
            }
        }
        int person = 0;
        for (DemoData.Person p : DemoData.PEOPLE) {
            if (!p.role().equals("REP")) {
                continue;
            }
            DemoCoaching.User rep = users.get(p.email());
            UUID manager = users.get(p.team() == 0 ? "manager.east@demo.canvass.io" : "manager.south@demo.canvass.io").id();
            for (int i = 0; i < STATES.length; i++) {
                // a month of claims, oldest first: paid ones from about four weeks ago, drafts from the last days
                LocalDate day = today.minusDays(28L - i * 4L - (person % 3));
                Spend spend = SPENDS.get((i + person) % SPENDS.size());
                BigDecimal amount = BigDecimal.valueOf(spend.low() + random.nextInt(spend.high() - spend.low()))
                        .add(BigDecimal.valueOf(random.nextInt(2) * 50, 2));
                claim(rows, rep, manager, finance, day, spend, amount, STATES[i]);
            }
            person++;
        }
        DemoCoaching.User east = users.get("manager.east@demo.canvass.io");
        rows.preApprovals().add(Tuple.of(Ids.newId(), east.id(), regions.get(0), month.atDay(1),
                "上海国际工业博览会展位及搭建，预计带来20条有效线索，超出本月市场活动预算"));
        return rows;
    }

    private static void claim(Rows rows, DemoCoaching.User rep, UUID manager, UUID finance, LocalDate day, Spend spend, BigDecimal amount,
                              String state) {
        UUID id = Ids.newId();
        OffsetDateTime created = day.atTime(20, 0).atOffset(ZoneOffset.ofHours(8));
        OffsetDateTime submitted = created.plusHours(1);
        OffsetDateTime managerAt = submitted.plusHours(14);
        OffsetDateTime financeAt = managerAt.plusHours(24);
        OffsetDateTime paidAt = financeAt.plusHours(48);
        List<String> order = Arrays.asList("DRAFT", "SUBMITTED", "MANAGER_APPROVED", "FINANCE_APPROVED", "PAID");
        int reached = state.equals("RETURNED") ? 1 : order.indexOf(state);
        boolean managerDone = reached >= 2;
        boolean financeDone = reached >= 3;
        boolean paid = reached >= 4;
        rows.claims().add(Tuple.from(Arrays.asList(id, rep.id(), rep.teamId(), day, spend.category(), amount, spend.description(), state,
                reached >= 1 && !state.equals("RETURNED") ? submitted : null, managerDone ? manager : null, managerDone ? managerAt : null,
                financeDone ? finance : null, financeDone ? financeAt : null, paid ? finance : null, paid ? paidAt : null, created)));
        rows.events().add(event(id, created, rep.id(), "CREATED", null, "DRAFT", null));
        rows.receipts().add(Tuple.of(Ids.newId(), id, RECEIPT.length, RECEIPT, rep.id(), created.plusMinutes(2)));
        if (reached >= 1) {
            rows.events().add(event(id, submitted, rep.id(), "SUBMITTED", "DRAFT", "SUBMITTED", null));
        }
        if (state.equals("RETURNED")) {
            rows.events().add(event(id, managerAt, manager, "RETURNED", "SUBMITTED", "RETURNED", "请补充招待对象、人数，并上传发票而非小票"));
        }
        if (managerDone) {
            rows.events().add(event(id, managerAt, manager, "MANAGER_APPROVED", "SUBMITTED", "MANAGER_APPROVED", null));
        }
        if (financeDone) {
            rows.events().add(event(id, financeAt, finance, "FINANCE_APPROVED", "MANAGER_APPROVED", "FINANCE_APPROVED", null));
        }
        if (paid) {
            rows.events().add(event(id, paidAt, finance, "PAID", "FINANCE_APPROVED", "PAID", "随工资发放"));
        }
    }

    private static Tuple event(UUID claim, OffsetDateTime at, UUID actor, String action, String from, String to, String comment) {
        return Tuple.from(Arrays.asList(Ids.newId(), claim, at, actor, action, from, to, comment));
    }
}
