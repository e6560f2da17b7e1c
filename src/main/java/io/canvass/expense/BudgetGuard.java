package io.canvass.expense;

import io.canvass.platform.ProblemException;
import io.canvass.platform.ProblemKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.YearMonth;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Enforces {@link BudgetRule} when a claim is submitted, inside the submitting transaction: a
 * transaction-scoped advisory lock per team and category serialises submissions against the same
 * budget, so two claims that each fit alone cannot together pass it.
 */
@ApplicationScoped
public class BudgetGuard {

    static final String LOCK = "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) l";

    static final String USAGE = """
            select (select b.amount from expense_budget b
                    where b.team_id = :team and b.category = :category and b.month = :month and b.currency = :currency) as budget,
                   coalesce((select sum(p.amount) from expense_pre_approval p
                             where p.status = 'APPROVED' and p.team_id = :team and p.category = :category and p.month = :month
                               and p.currency = :currency), 0) as pre_approved,
                   coalesce((select sum(c.amount) from expense_claim c
                             where c.team_id = :team and c.category = :category and c.currency = :currency and c.id <> :claim
                               and c.spent_on >= :month and c.spent_on < :next and c.status in ('FINANCE_APPROVED', 'PAID')), 0) as spent,
                   coalesce((select sum(c.amount) from expense_claim c
                             where c.team_id = :team and c.category = :category and c.currency = :currency and c.id <> :claim
                               and c.spent_on >= :month and c.spent_on < :next and c.status in ('SUBMITTED', 'MANAGER_APPROVED')), 0) as committed,
                   (select t.name from team t where t.id = :team) as team_name""";

    /** Refuses (422) a claim that would take its budget over; call inside the transaction that submits it. */
    public Uni<Void> check(ExpenseClaim claim) {
        YearMonth month = YearMonth.from(claim.spentOn);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK, Long.class)
                        .setParameter("key", "expense-budget:" + claim.teamId + ":" + claim.category)
                        .getSingleResult()
                        .chain(() -> session.createNativeQuery(USAGE, Object[].class)
                                .setParameter("team", claim.teamId)
                                .setParameter("category", claim.category.name())
                                .setParameter("month", month.atDay(1))
                                .setParameter("next", month.plusMonths(1).atDay(1))
                                .setParameter("currency", claim.currency)
                                .setParameter("claim", claim.id)
                                .getSingleResult()))
                .invoke(row -> {
                    BudgetRule.Usage usage = new BudgetRule.Usage(decimal(row[0]), decimal(row[1]), decimal(row[2]), decimal(row[3]));
                    BigDecimal over = BudgetRule.overBy(usage, claim.amount);
                    if (over.signum() > 0) {
                        throw new ProblemException(ProblemKind.UNPROCESSABLE, explain(claim, month, (String) row[4], usage, over));
                    }
                })
                .replaceWithVoid();
    }

    static String explain(ExpenseClaim claim, YearMonth month, String teamName, BudgetRule.Usage usage, BigDecimal over) {
        String c = claim.currency;
        String budget = usage.budget() == null
                ? "There is no " + claim.category + " budget in " + c + " for team " + teamName + " in " + month
                        + ", so it counts as " + c + " 0"
                : "The " + claim.category + " budget of team " + teamName + " for " + month + " is " + c + " "
                        + ExpenseQueries.plain(usage.budget(), c);
        return budget + " (approved pre-approvals " + c + " " + ExpenseQueries.plain(usage.preApproved(), c) + ", spent "
                + ExpenseQueries.plain(usage.spent(), c) + ", committed " + ExpenseQueries.plain(usage.committed(), c)
                + "). This claim of " + c + " " + ExpenseQueries.plain(claim.amount, c) + " would exceed it by " + c + " "
                + ExpenseQueries.plain(over, c) + ": a pre-approval for team " + teamName + ", " + claim.category + ", " + month
                + " is needed before it can be submitted.";
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
