package io.canvass.expense;

import io.canvass.platform.Cursor;
import io.canvass.platform.Dates;
import io.canvass.platform.Ids;
import io.canvass.platform.Money;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.UUID;

/**
 * Pre-approvals: a rep (for their own team) or a manager (for a team they manage) asks to spend
 * more than a budget allows; a director or admin approves or rejects it (never their own). An
 * approved pre-approval adds its amount to the headroom of the team's budget for that category,
 * month and currency (see {@link BudgetRule}).
 */
@ApplicationScoped
public class PreApprovalService {

    @Inject
    ExpenseRepository.PreApprovals preApprovals;

    @Inject
    ExpenseQueries queries;

    @Inject
    ExpenseActors actors;

    public Uni<ExpenseViews.PreApproval> create(ExpenseRequests.PreApprovalCreate request) {
        Currency currency = Money.currency("currency", request.currency());
        BigDecimal amount = Money.amount("amount", request.amount(), currency, true);
        YearMonth month = Dates.month("month", request.month());
        return actors.current().chain(actor -> {
            UUID team = request.teamId();
            if (!team.equals(actor.ownTeam()) && !actor.scope().coversTeam(team)) {
                throw ProblemException.invalid("teamId", "is not a team of yours");
            }
            return queries.teamExists(team).chain(exists -> {
                if (!exists) {
                    throw ProblemException.invalid("teamId", "is not a team");
                }
                ExpensePreApproval p = new ExpensePreApproval();
                p.id = Ids.newId();
                p.requestedBy = actor.scope().userId();
                p.teamId = team;
                p.category = request.category();
                p.month = month.atDay(1);
                p.amount = amount;
                p.currency = currency.getCurrencyCode();
                p.reason = request.reason().trim();
                p.status = ExpensePreApproval.Status.PENDING;
                return Panache.withTransaction(() -> preApprovals.persist(p));
            }).chain(p -> queries.preApproval(p.id, actor));
        });
    }

    public Uni<ExpenseViews.PreApproval> get(UUID id) {
        return actors.current().chain(actor -> queries.preApproval(id, actor)
                .map(p -> p != null && sees(actor, p.requestedBy(), p.teamId()) ? p : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Pre-approval")));
    }

    public Uni<Page<ExpenseViews.PreApproval>> list(ExpensePreApproval.Status status, UUID teamId, String cursor, int limit) {
        UUID before = cursor == null || cursor.isBlank() ? new UUID(-1L, -1L) : Cursor.decode(cursor);
        return actors.current().chain(actor -> queries.preApprovals(actor, status, teamId, before, limit));
    }

    public Uni<ExpenseViews.PreApproval> decide(UUID id, boolean approve, String comment) {
        String note = comment == null || comment.isBlank() ? null : comment.trim();
        if (!approve && note == null) {
            throw ProblemException.invalid("comment", "is required when rejecting a pre-approval");
        }
        return actors.current().chain(actor -> Panache.withTransaction(() -> preApprovals.findById(id)
                .map(p -> p != null && sees(actor, p.requestedBy, p.teamId) ? p : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Pre-approval"))
                .chain(p -> {
                    Role role = actor.scope().role();
                    if (role != Role.DIRECTOR && role != Role.ADMIN) {
                        throw ProblemException.forbidden("Pre-approvals are decided by a director or an admin");
                    }
                    if (p.requestedBy.equals(actor.scope().userId())) {
                        throw ProblemException.forbidden("Nobody decides their own pre-approval");
                    }
                    if (p.status != ExpensePreApproval.Status.PENDING) {
                        throw ProblemException.conflict("The pre-approval is already " + p.status + "; only a PENDING one is decided");
                    }
                    p.status = approve ? ExpensePreApproval.Status.APPROVED : ExpensePreApproval.Status.REJECTED;
                    p.decidedBy = actor.scope().userId();
                    p.decidedAt = Instant.now();
                    p.decisionNote = note;
                    return preApprovals.flush().replaceWith(p);
                })).chain(p -> queries.preApproval(p.id, actor)));
    }

    private static boolean sees(ClaimRules.Actor actor, UUID requester, UUID team) {
        return actor.scope().everything() || actor.isOwner(requester) || actor.scope().coversTeam(team);
    }
}
