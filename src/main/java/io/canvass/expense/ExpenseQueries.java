package io.canvass.expense;

import io.canvass.platform.Money;
import io.canvass.platform.Page;
import io.canvass.platform.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads of the expense feature on the Vert.x pool: claims with their names, budgets with their
 * live usage, pre-approvals, the approval queues and the report. Scope is applied in each query
 * from the caller's {@link ClaimRules.Actor}.
 */
@ApplicationScoped
public class ExpenseQueries {

    static final String CLAIM_COLUMNS = """
            select c.id, c.user_id, u.display_name as user_name, c.team_id, t.name as team_name, c.spent_on, c.category, c.amount,
                   c.currency, c.customer_id, cu.name as customer_name, c.deal_id, d.name as deal_name, c.description, c.status,
                   c.submitted_at, c.manager_approved_at, c.finance_approved_at, c.paid_at, c.created_at, c.version,
                   (select count(*) from expense_receipt r where r.claim_id = c.id) as receipt_count
            from expense_claim c
            join app_user u on u.id = c.user_id
            join team t on t.id = c.team_id
            left join customer cu on cu.id = c.customer_id
            left join deal d on d.id = c.deal_id
            """;

    /** Visible: one's own; others' unless a draft, to those whose teams or role reach them. $1 self, $2 all, $3 teams. */
    static final String VISIBLE = "(c.user_id = $1 or (c.status <> 'DRAFT' and ($2 or c.team_id = any($3))))";

    static final String CLAIM = CLAIM_COLUMNS + "where c.id = $1";

    static final String CLAIMS = CLAIM_COLUMNS + "where " + VISIBLE + """
             and c.id < $4 and ($5::uuid is null or c.user_id = $5) and ($6::uuid is null or c.team_id = $6)
              and ($7::varchar is null or c.status = $7)
            order by c.id desc
            limit $8""";

    /**
     * Claims waiting for the caller: submitted ones of their teams' people for a manager; of managers,
     * and of reps whose team no active manager reaches, for directors and admins; approved by the
     * manager or by finance for finance approvers and admins.
     * $1 self, $2 role, $3 managed teams, $4 finance approver.
     */
    static final String WAITING = CLAIM_COLUMNS + """
            where c.user_id <> $1 and (
                (c.status = 'SUBMITTED' and (($2 = 'MANAGER' and c.team_id = any($3))
                                             or ($2 in ('DIRECTOR', 'ADMIN') and (u.role <> 'REP' or not team_has_manager(c.team_id)))))
                or (c.status in ('MANAGER_APPROVED', 'FINANCE_APPROVED') and ($4 or $2 = 'ADMIN')))
            order by c.submitted_at, c.id
            limit 200""";

    static final String RECEIPTS = "select id, content_type, size_bytes, uploaded_at from expense_receipt where claim_id = $1 order by id";

    static final String HISTORY = """
            select e.at, e.actor_id, u.display_name, e.action, e.from_status, e.to_status, e.comment
            from expense_claim_event e left join app_user u on u.id = e.actor_id
            where e.claim_id = $1 order by e.at, e.id""";

    static final String USAGE = """
            coalesce((select sum(p.amount) from expense_pre_approval p where p.status = 'APPROVED' and p.team_id = b.team_id
                      and p.category = b.category and p.month = b.month and p.currency = b.currency), 0) as pre_approved,
            coalesce((select sum(c.amount) from expense_claim c where c.team_id = b.team_id and c.category = b.category
                      and c.currency = b.currency and c.spent_on >= b.month and c.spent_on < (b.month + interval '1 month')::date
                      and c.status in ('FINANCE_APPROVED', 'PAID')), 0) as spent,
            coalesce((select sum(c.amount) from expense_claim c where c.team_id = b.team_id and c.category = b.category
                      and c.currency = b.currency and c.spent_on >= b.month and c.spent_on < (b.month + interval '1 month')::date
                      and c.status in ('SUBMITTED', 'MANAGER_APPROVED')), 0) as committed""";

    static final String BUDGETS = "select b.id, b.team_id, t.name as team_name, b.category, b.month, b.amount, b.currency, b.version, "
            + USAGE + """

            from expense_budget b join team t on t.id = b.team_id
            where ($1 or b.team_id = any($2)) and ($3::uuid is null or b.team_id = $3) and b.month between $4 and $5
              and ($6::varchar is null or b.category = $6)
            order by b.month desc, t.name, b.category, b.currency
            limit 1000""";

    static final String BUDGET = "select b.id, b.team_id, t.name as team_name, b.category, b.month, b.amount, b.currency, b.version, "
            + USAGE + """

            from expense_budget b join team t on t.id = b.team_id
            where b.id = $1""";

    static final String PRE_APPROVAL_COLUMNS = """
            select p.id, p.requested_by, u.display_name as requester_name, p.team_id, t.name as team_name, p.category, p.month, p.amount,
                   p.currency, p.reason, p.status, p.decided_by, du.display_name as decider_name, p.decided_at, p.decision_note,
                   p.created_at, p.version
            from expense_pre_approval p
            join app_user u on u.id = p.requested_by
            join team t on t.id = p.team_id
            left join app_user du on du.id = p.decided_by
            """;

    static final String PRE_APPROVAL = PRE_APPROVAL_COLUMNS + "where p.id = $1";

    static final String PRE_APPROVALS = PRE_APPROVAL_COLUMNS + """
            where (p.requested_by = $1 or $2 or p.team_id = any($3)) and p.id < $4
              and ($5::varchar is null or p.status = $5) and ($6::uuid is null or p.team_id = $6)
            order by p.id desc
            limit $7""";

    /** Pre-approvals waiting for a director or admin: $1 self, $2 role. */
    static final String PRE_APPROVALS_WAITING = PRE_APPROVAL_COLUMNS + """
            where p.status = 'PENDING' and p.requested_by <> $1 and $2 in ('DIRECTOR', 'ADMIN')
            order by p.created_at, p.id
            limit 200""";

    /** A team and every team below it. */
    static final String TEAMS_UNDER = """
            with recursive sub(id) as (select $1::uuid union select t.id from team t join sub on t.parent_id = sub.id)
            select id from sub""";

    /** Budget, pre-approvals, spent and committed per team, category, month and currency: $1 all, $2 teams, $3 first month, $4 last month. */
    static final String REPORT_ROWS = """
            with b as (
                select team_id, category, month, currency, amount from expense_budget
                where ($1 or team_id = any($2)) and month between $3 and $4
            ), p as (
                select team_id, category, month, currency, sum(amount) as amount from expense_pre_approval
                where status = 'APPROVED' and ($1 or team_id = any($2)) and month between $3 and $4
                group by team_id, category, month, currency
            ), c as (
                select team_id, category, date_trunc('month', spent_on)::date as month, currency,
                       coalesce(sum(amount) filter (where status in ('FINANCE_APPROVED', 'PAID')), 0) as spent,
                       coalesce(sum(amount) filter (where status in ('SUBMITTED', 'MANAGER_APPROVED')), 0) as committed
                from expense_claim
                where status in ('SUBMITTED', 'MANAGER_APPROVED', 'FINANCE_APPROVED', 'PAID') and ($1 or team_id = any($2))
                  and spent_on >= $3 and spent_on < ($4 + interval '1 month')::date
                group by team_id, category, date_trunc('month', spent_on)::date, currency
            ), k as (
                select team_id, category, month, currency from b
                union select team_id, category, month, currency from p
                union select team_id, category, month, currency from c
            )
            select k.team_id, t.name as team_name, k.category, k.month, k.currency, b.amount as budget,
                   coalesce(p.amount, 0) as pre_approved, coalesce(c.spent, 0) as spent, coalesce(c.committed, 0) as committed
            from k
            join team t on t.id = k.team_id
            left join b on b.team_id = k.team_id and b.category = k.category and b.month = k.month and b.currency = k.currency
            left join p on p.team_id = k.team_id and p.category = k.category and p.month = k.month and p.currency = k.currency
            left join c on c.team_id = k.team_id and c.category = k.category and c.month = k.month and c.currency = k.currency
            order by t.name, k.team_id, k.month, k.category, k.currency""";

    /** Spent claims per currency: $1 all, $2 teams, $3 first day, $4 day after the last. */
    static final String SPEND = """
            select currency, sum(amount) as spend from expense_claim
            where status in ('FINANCE_APPROVED', 'PAID') and ($1 or team_id = any($2)) and spent_on >= $3 and spent_on < $4
            group by currency order by currency""";

    /** Deals won and customers added in the teams between two instants: $1 all, $2 teams, $3 from, $4 until. */
    static final String OUTCOMES = """
            select (select count(*) from deal d join customer c on c.id = d.customer_id
                    where d.stage = 'WON' and d.closed_at >= $3 and d.closed_at < $4 and ($1 or c.team_id = any($2))) as won_deals,
                   (select count(*) from customer c
                    where c.deleted_at is null and c.created_at >= $3 and c.created_at < $4 and ($1 or c.team_id = any($2))) as new_customers""";

    @Inject
    Sql sql;

    /** A filter of the claim list. */
    public record ClaimFilter(UUID userId, UUID teamId, ExpenseClaim.Status status) {
    }

    public Uni<ExpenseViews.Claim> claim(UUID id, ClaimRules.Actor actor) {
        return sql.query(CLAIM, Tuple.of(id)).chain(rows -> {
            if (!rows.iterator().hasNext()) {
                return Uni.createFrom().nullItem();
            }
            Row row = rows.iterator().next();
            return sql.query(RECEIPTS, Tuple.of(id))
                    .chain(receipts -> sql.query(HISTORY, Tuple.of(id))
                            .map(history -> claim(row, actor, receipts(receipts), history(history))));
        });
    }

    public Uni<Page<ExpenseViews.Claim>> claims(ClaimRules.Actor actor, ClaimFilter f, UUID before, int limit) {
        Tuple params = Tuple.from(Arrays.asList(actor.scope().userId(), actor.seesAll(), teams(actor.scope().teams()), before,
                f.userId(), f.teamId(), f.status() == null ? null : f.status().name(), limit + 1));
        return sql.query(CLAIMS, params).map(rows -> {
            List<ExpenseViews.Claim> views = new ArrayList<>();
            for (Row r : rows) {
                views.add(claim(r, actor, null, null));
            }
            return Page.of(views, limit, ExpenseViews.Claim::id, v -> v);
        });
    }

    public Uni<ExpenseViews.Approvals> waiting(ClaimRules.Actor actor) {
        Tuple claims = Tuple.of(actor.scope().userId(), actor.scope().role().name(), teams(actor.scope().teams()), actor.finance());
        return sql.query(WAITING, claims)
                .map(rows -> {
                    List<ExpenseViews.Claim> views = new ArrayList<>();
                    for (Row r : rows) {
                        views.add(claim(r, actor, null, null));
                    }
                    return views;
                })
                .chain(views -> sql.query(PRE_APPROVALS_WAITING, Tuple.of(actor.scope().userId(), actor.scope().role().name()))
                        .map(rows -> new ExpenseViews.Approvals(views, preApprovals(rows, actor))));
    }

    public Uni<List<ExpenseViews.Budget>> budgets(boolean all, Set<UUID> teams, UUID teamId, YearMonth from, YearMonth to, ExpenseCategory category) {
        Tuple params = Tuple.from(Arrays.asList(all, teams(teams), teamId, from.atDay(1), to.atDay(1), category == null ? null : category.name()));
        return sql.query(BUDGETS, params).map(rows -> {
            List<ExpenseViews.Budget> views = new ArrayList<>();
            for (Row r : rows) {
                views.add(budget(r));
            }
            return views;
        });
    }

    public Uni<ExpenseViews.Budget> budget(UUID id) {
        return sql.query(BUDGET, Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? budget(rows.iterator().next()) : null);
    }

    public Uni<ExpenseViews.PreApproval> preApproval(UUID id, ClaimRules.Actor actor) {
        return sql.query(PRE_APPROVAL, Tuple.of(id))
                .map(rows -> preApprovals(rows, actor))
                .map(views -> views.isEmpty() ? null : views.get(0));
    }

    public Uni<Page<ExpenseViews.PreApproval>> preApprovals(ClaimRules.Actor actor, ExpensePreApproval.Status status, UUID teamId,
                                                            UUID before, int limit) {
        Tuple params = Tuple.from(Arrays.asList(actor.scope().userId(), actor.scope().everything(), teams(actor.scope().teams()), before,
                status == null ? null : status.name(), teamId, limit + 1));
        return sql.query(PRE_APPROVALS, params)
                .map(rows -> Page.of(preApprovals(rows, actor), limit, ExpenseViews.PreApproval::id, v -> v));
    }

    public Uni<Set<UUID>> teamsUnder(UUID teamId) {
        return sql.query(TEAMS_UNDER, Tuple.of(teamId)).map(rows -> {
            Set<UUID> teams = new java.util.HashSet<>();
            for (Row r : rows) {
                teams.add(r.getUUID(0));
            }
            return teams;
        });
    }

    /** The report over whole months, {@code start} and {@code end} being the instants the first month starts and the month after the last starts. */
    public Uni<ExpenseViews.Report> report(UUID teamId, boolean all, Set<UUID> teams, YearMonth from, YearMonth to, OffsetDateTime start,
                                           OffsetDateTime end) {
        UUID[] teamArray = teams(teams);
        Tuple months = Tuple.of(all, teamArray, from.atDay(1), to.atDay(1));
        Tuple days = Tuple.of(all, teamArray, from.atDay(1), to.plusMonths(1).atDay(1));
        Tuple instants = Tuple.of(all, teamArray, start, end);
        return sql.query(REPORT_ROWS, months).map(ExpenseQueries::reportRows)
                .chain(rows -> sql.query(SPEND, days)
                        .chain(spend -> sql.query(OUTCOMES, instants).map(outcomes -> {
                            Row o = outcomes.iterator().next();
                            long won = o.getLong("won_deals");
                            long added = o.getLong("new_customers");
                            List<ExpenseViews.ReturnOnSpend> returns = new ArrayList<>();
                            for (Row s : spend) {
                                returns.add(ReturnOnSpend.of(s.getString("currency"), s.getBigDecimal("spend"), won, added));
                            }
                            return new ExpenseViews.Report(teamId, from.toString(), to.toString(), won, added, rows, returns);
                        })));
    }

    private static List<ExpenseViews.ReportRow> reportRows(RowSet<Row> rows) {
        List<ExpenseViews.ReportRow> views = new ArrayList<>();
        for (Row r : rows) {
            String currency = r.getString("currency");
            BigDecimal budget = r.getBigDecimal("budget");
            BudgetRule.Usage usage = new BudgetRule.Usage(budget, r.getBigDecimal("pre_approved"), r.getBigDecimal("spent"),
                    r.getBigDecimal("committed"));
            views.add(new ExpenseViews.ReportRow(r.getUUID("team_id"), r.getString("team_name"),
                    ExpenseCategory.valueOf(r.getString("category")), YearMonth.from(r.getLocalDate("month")).toString(), currency,
                    budget == null ? null : plain(budget, currency), plain(usage.preApproved(), currency), plain(usage.spent(), currency),
                    plain(usage.committed(), currency), plain(usage.remaining(), currency)));
        }
        return views;
    }

    private static ExpenseViews.Budget budget(Row r) {
        String currency = r.getString("currency");
        BudgetRule.Usage usage = new BudgetRule.Usage(r.getBigDecimal("amount"), r.getBigDecimal("pre_approved"), r.getBigDecimal("spent"),
                r.getBigDecimal("committed"));
        return new ExpenseViews.Budget(r.getUUID("id"), r.getUUID("team_id"), r.getString("team_name"),
                ExpenseCategory.valueOf(r.getString("category")), YearMonth.from(r.getLocalDate("month")).toString(),
                plain(usage.budget(), currency), currency, plain(usage.preApproved(), currency), plain(usage.spent(), currency),
                plain(usage.committed(), currency), plain(usage.remaining(), currency), r.getInteger("version"));
    }

    private static ExpenseViews.Claim claim(Row r, ClaimRules.Actor actor, List<ExpenseViews.Receipt> receipts,
                                            List<ExpenseViews.Event> history) {
        String currency = r.getString("currency");
        ExpenseClaim.Status status = ExpenseClaim.Status.valueOf(r.getString("status"));
        UUID owner = r.getUUID("user_id");
        UUID team = r.getUUID("team_id");
        return new ExpenseViews.Claim(r.getUUID("id"), owner, r.getString("user_name"), team, r.getString("team_name"),
                r.getLocalDate("spent_on"), ExpenseCategory.valueOf(r.getString("category")), plain(r.getBigDecimal("amount"), currency),
                currency, r.getUUID("customer_id"), r.getString("customer_name"), r.getUUID("deal_id"), r.getString("deal_name"),
                r.getString("description"), status, instant(r, "submitted_at"), instant(r, "manager_approved_at"),
                instant(r, "finance_approved_at"), instant(r, "paid_at"), instant(r, "created_at"), r.getInteger("version"),
                r.getLong("receipt_count").intValue(), receipts, history, ClaimRules.actions(actor, owner, team, status));
    }

    private static List<ExpenseViews.PreApproval> preApprovals(RowSet<Row> rows, ClaimRules.Actor actor) {
        List<ExpenseViews.PreApproval> views = new ArrayList<>();
        for (Row r : rows) {
            String currency = r.getString("currency");
            views.add(new ExpenseViews.PreApproval(r.getUUID("id"), r.getUUID("requested_by"), r.getString("requester_name"),
                    r.getUUID("team_id"), r.getString("team_name"), ExpenseCategory.valueOf(r.getString("category")),
                    YearMonth.from(r.getLocalDate("month")).toString(), plain(r.getBigDecimal("amount"), currency), currency,
                    r.getString("reason"), ExpensePreApproval.Status.valueOf(r.getString("status")), r.getUUID("decided_by"),
                    r.getString("decider_name"), instant(r, "decided_at"), r.getString("decision_note"), instant(r, "created_at"),
                    r.getInteger("version")));
        }
        return views;
    }

    private static List<ExpenseViews.Receipt> receipts(RowSet<Row> rows) {
        List<ExpenseViews.Receipt> views = new ArrayList<>();
        for (Row r : rows) {
            views.add(new ExpenseViews.Receipt(r.getUUID("id"), r.getString("content_type"), r.getInteger("size_bytes"),
                    instant(r, "uploaded_at")));
        }
        return views;
    }

    private static List<ExpenseViews.Event> history(RowSet<Row> rows) {
        List<ExpenseViews.Event> views = new ArrayList<>();
        for (Row r : rows) {
            String from = r.getString("from_status");
            views.add(new ExpenseViews.Event(instant(r, "at"), r.getUUID("actor_id"), r.getString("display_name"),
                    ExpenseClaimEvent.Action.valueOf(r.getString("action")), from == null ? null : ExpenseClaim.Status.valueOf(from),
                    ExpenseClaim.Status.valueOf(r.getString("to_status")), r.getString("comment")));
        }
        return views;
    }

    private static java.time.Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static UUID[] teams(Set<UUID> teams) {
        return teams == null ? new UUID[0] : teams.toArray(UUID[]::new);
    }

    static String plain(BigDecimal amount, String currency) {
        return amount == null ? null : Money.scaled(amount, Currency.getInstance(currency)).toPlainString();
    }

    public Uni<Boolean> teamExists(UUID teamId) {
        return sql.query("select exists (select 1 from team where id = $1)", Tuple.of(teamId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }
}
