package io.canvass.expense;

import io.canvass.audit.AuditService;
import io.canvass.platform.Dates;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.Money;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Sql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Budgets per team, category and month, set by directors and admins (audited), and shown with
 * what is spent, committed and remaining, live from the claims.
 */
@ApplicationScoped
public class BudgetService {

    @Inject
    ExpenseRepository.Budgets budgets;

    @Inject
    ExpenseQueries queries;

    @Inject
    ExpenseActors actors;

    @Inject
    AuditService audit;

    public Uni<ExpenseViews.Budget> create(ExpenseRequests.BudgetCreate request) {
        Currency currency = Money.currency("currency", request.currency());
        BigDecimal amount = Money.amount("amount", request.amount(), currency, false);
        YearMonth month = Dates.month("month", request.month());
        return actors.current().chain(actor -> {
            requireSetter(actor);
            return queries.teamExists(request.teamId()).chain(exists -> {
                if (!exists) {
                    throw ProblemException.invalid("teamId", "is not a team");
                }
                ExpenseBudget b = new ExpenseBudget();
                b.id = Ids.newId();
                b.teamId = request.teamId();
                b.category = request.category();
                b.month = month.atDay(1);
                b.amount = amount;
                b.currency = currency.getCurrencyCode();
                b.createdBy = actor.scope().userId();
                return Panache.withTransaction(() -> budgets.persist(b)
                        .call(() -> budgets.flush())
                        .call(() -> audit.record(actor.scope().userId(), "expense_budget.created", "expense_budget", b.id, null, snapshot(b))))
                        .onFailure(BudgetService::duplicate).transform(e -> ProblemException.conflict(
                                "Team already has a " + b.category + " budget in " + b.currency + " for " + month + "; change that one"));
            }).chain(b -> queries.budget(b.id));
        });
    }

    public Uni<ExpenseViews.Budget> update(UUID id, ExpenseRequests.BudgetUpdate request, Integer expectedVersion) {
        return actors.current().chain(actor -> {
            requireSetter(actor);
            return Panache.withTransaction(() -> budgets.findById(id)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("Budget"))
                    .chain(b -> {
                        ETags.check(expectedVersion, b.version);
                        Map<String, Object> before = snapshot(b);
                        b.amount = Money.amount("amount", request.amount(), Currency.getInstance(b.currency), false);
                        return budgets.flush()
                                .call(() -> audit.record(actor.scope().userId(), "expense_budget.updated", "expense_budget", b.id, before,
                                        snapshot(b)))
                                .replaceWith(b);
                    }))
                    .chain(b -> queries.budget(b.id));
        });
    }

    public Uni<ExpenseViews.Budget> get(UUID id) {
        return actors.current().chain(actor -> queries.budget(id)
                .map(b -> b != null && actor.seesTeam(b.teamId()) ? b : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Budget")));
    }

    /** Budgets of the caller's teams (their own team for reps) between two months, newest first. */
    public Uni<List<ExpenseViews.Budget>> list(UUID teamId, YearMonth from, YearMonth to, ExpenseCategory category) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "is before from");
        }
        return actors.current().chain(actor -> {
            if (teamId != null && !actor.seesTeam(teamId)) {
                throw ProblemException.notFound("Team");
            }
            Set<UUID> teams = new HashSet<>(actor.scope().teams());
            if (actor.ownTeam() != null) {
                teams.add(actor.ownTeam());
            }
            return queries.budgets(actor.seesAll(), teams, teamId, from, to, category);
        });
    }

    private static void requireSetter(ClaimRules.Actor actor) {
        Role role = actor.scope().role();
        if (role != Role.DIRECTOR && role != Role.ADMIN) {
            throw ProblemException.forbidden("Budgets are set by directors and admins");
        }
    }

    private static Map<String, Object> snapshot(ExpenseBudget b) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("teamId", b.teamId);
        fields.put("category", b.category.name());
        fields.put("month", YearMonth.from(b.month).toString());
        fields.put("amount", ExpenseQueries.plain(b.amount, b.currency));
        fields.put("currency", b.currency);
        return fields;
    }

    private static boolean duplicate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "expense_budget_one_per_month".equals(violation.getConstraintName())) {
                return true;
            }
            if (Sql.violates(t, "expense_budget_one_per_month")) {
                return true;
            }
        }
        return false;
    }
}
