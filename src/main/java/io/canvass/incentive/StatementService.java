package io.canvass.incentive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.platform.Caller;
import io.canvass.platform.Ids;
import io.canvass.platform.Money;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Sql;
import io.canvass.platform.Statements;
import io.canvass.target.Period;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Commission statements: computed live from the records while a period is open, frozen as
 * snapshots when an admin or director closes it; adjustments to frozen statements are lines with a
 * reason and the approver. A rep sees their own statements, a manager those of their teams' reps,
 * directors and admins everyone's; a payroll service account exports a period's statements.
 */
@ApplicationScoped
public class StatementService {

    @Inject
    Sql sql;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @Inject
    IncentiveConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    WebhookEvents webhooks;

    /** The statements of a period in the caller's scope (one rep's when {@code rep} is given), ordered by rep. */
    public Uni<Page<StatementView>> list(UUID rep, String periodLabel, UUID after, int limit) {
        Period period = period("period", periodLabel);
        return scopes.current()
                .chain(scope -> statements(sql, scope, period, rep))
                .map(all -> {
                    List<StatementView> rows = all.stream().filter(s -> s.repId().compareTo(after) > 0).limit(limit + 1L).toList();
                    return Page.of(rows, limit, StatementView::repId, s -> s);
                });
    }

    /** A frozen statement with its adjustments; 404 when it does not exist or is out of scope. */
    public Uni<StatementView> get(UUID id) {
        return scopes.current()
                .chain(scope -> CommissionQueries.frozenOne(sql, id)
                        .map(f -> f != null && scope.covers(f.repId(), f.teamId()) ? f : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Statement"))
                .chain(f -> CommissionQueries.adjustments(sql, List.of(f.id())).map(adj -> frozenView(f, adj)));
    }

    /** The result of closing a period. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CommissionPeriodClosed")
    public record Closed(String period, Instant closedAt, UUID closedBy, int statements, List<WebhookPayloads.CommissionTotal> totals) {
    }

    /**
     * Freezes the statements of a period that has ended: every earner with a plan of the period's
     * kind gets a snapshot, in one transaction with the period's closing and its webhook event.
     */
    public Uni<Closed> close(String periodLabel) {
        Period period = period("period", periodLabel);
        if (period.end().isAfter(CommissionQueries.today(config.zone()))) {
            throw ProblemException.conflict(period.label() + " has not ended yet: a period is closed once its last day is over");
        }
        UUID actor = caller.id();
        return sql.inTransaction(() -> closeWith(sql, period, actor));
    }

    /** Closes a period inside the caller's transaction (also used by the demo data). */
    public Uni<Closed> closeWith(Statements tx, Period period, UUID actor) {
        return tx.query(CommissionQueries.CLOSE, Tuple.of(period.label(), actor))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.conflict(period.label() + " is already closed");
                    }
                    Instant closedAt = rows.iterator().next().getOffsetDateTime("closed_at").toInstant();
                    return CommissionQueries.earners(tx)
                            .chain(earners -> live(tx, earners, period))
                            .chain(statements -> freeze(tx, period, statements).replaceWith(statements))
                            .map(statements -> new Closed(period.label(), closedAt, actor, statements.size(), totals(statements)))
                            .call(closed -> webhooks.publish(tx, java.util.Collections.singletonList(null), List.of(
                                    new WebhookPayloads.CommissionPeriodClosed(closed.period(), closed.closedAt(), closed.closedBy(),
                                            closed.statements(), closed.totals()))));
                });
    }

    /** The request of an adjustment: a signed amount in the statement's currency and why. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record AdjustmentRequest(@jakarta.validation.constraints.NotNull BigDecimal amount,
                                    @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    /** Adds an adjustment line to a frozen statement, approved by the caller (an admin or director). */
    public Uni<StatementView> adjust(UUID statementId, AdjustmentRequest request) {
        UUID approver = caller.id();
        return get(statementId).chain(statement -> {
            Currency currency = Currency.getInstance(statement.currency());
            if (request.amount().signum() == 0) {
                throw ProblemException.invalid("amount", "must not be zero (negative to deduct)");
            }
            BigDecimal amount = request.amount().signum() < 0
                    ? Money.amount("amount", request.amount().negate(), currency, true).negate()
                    : Money.amount("amount", request.amount(), currency, true);
            return Panache.withTransaction(() -> Panache.getSession()
                            .chain(session -> session.createNativeQuery(CommissionQueries.INSERT_ADJUSTMENT)
                                    .setParameter(1, Ids.newId()).setParameter(2, statementId).setParameter(3, amount)
                                    .setParameter(4, statement.currency()).setParameter(5, request.reason().trim()).setParameter(6, approver)
                                    .executeUpdate()))
                    .chain(() -> get(statementId));
        });
    }

    /** The period's statements for export, after checking that an integration holds the PAYROLL grant. */
    public Uni<List<StatementView>> export(String periodLabel) {
        Period period = period("period", periodLabel);
        Uni<Void> allowed = caller.role() == Role.INTEGRATION
                ? CommissionQueries.hasPayrollGrant(sql, caller.id()).invoke(granted -> {
                    if (!granted) {
                        throw ProblemException.forbidden("This service account has no PAYROLL grant");
                    }
                }).replaceWithVoid()
                : Uni.createFrom().voidItem();
        return allowed.chain(() -> scopes.current()).chain(scope -> statements(sql, scope, period, null));
    }

    /** Frozen statements when the period is closed, live ones otherwise, of the earners in scope. */
    Uni<List<StatementView>> statements(Statements db, Scope scope, Period period, UUID rep) {
        return CommissionQueries.earners(db).chain(earners -> {
            List<CommissionMaths.Earner> visible = earners.stream()
                    .filter(e -> scope.covers(e.id(), e.teamId()))
                    .filter(e -> rep == null || e.id().equals(rep))
                    .toList();
            if (rep != null && visible.isEmpty()) {
                throw ProblemException.notFound("Rep");
            }
            return CommissionQueries.closed(db, period.label()).chain(closed -> closed.isPresent()
                    ? frozenStatements(db, scope, period, rep)
                    : live(db, visible, period));
        });
    }

    private Uni<List<StatementView>> frozenStatements(Statements db, Scope scope, Period period, UUID rep) {
        return CommissionQueries.frozen(db, period.label())
                .map(all -> all.stream().filter(f -> scope.covers(f.repId(), f.teamId()))
                        .filter(f -> rep == null || f.repId().equals(rep)).toList())
                .chain(frozen -> frozen.isEmpty() ? Uni.createFrom().item(List.<StatementView>of())
                        : CommissionQueries.adjustments(db, frozen.stream().map(CommissionQueries.Frozen::id).toList())
                        .map(adjustments -> {
                            Map<UUID, List<CommissionQueries.Adjustment>> byStatement = adjustments.stream()
                                    .collect(Collectors.groupingBy(CommissionQueries.Adjustment::statementId));
                            return frozen.stream().map(f -> frozenView(f, byStatement.getOrDefault(f.id(), List.of()))).toList();
                        }));
    }

    /** Live statements of the earners that have a plan of the period's kind, ordered by rep. */
    Uni<List<StatementView>> live(Statements db, List<CommissionMaths.Earner> earners, Period period) {
        if (earners.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return CommissionQueries.plans(db).chain(plans -> CommissionQueries.teamParents(db).chain(parents -> {
            Map<CommissionMaths.Earner, CommissionPlan> planned = new TreeMap<>(Comparator.comparing(CommissionMaths.Earner::id));
            for (CommissionMaths.Earner e : earners) {
                planFor(e, period.kind(), plans, parents).ifPresent(p -> planned.put(e, p));
            }
            if (planned.isEmpty()) {
                return Uni.createFrom().item(List.<StatementView>of());
            }
            List<UUID> ids = planned.keySet().stream().map(CommissionMaths.Earner::id).toList();
            return CommissionQueries.records(db, ids, period, config.zone())
                    .chain(records -> CommissionQueries.targets(db, ids, period, List.of("REVENUE", "COLLECTIONS"))
                            .map(targets -> compute(planned, period, records, targets)));
        }));
    }

    private static List<StatementView> compute(Map<CommissionMaths.Earner, CommissionPlan> planned, Period period,
                                               CommissionQueries.Records records, Map<String, CommissionMaths.Target> targets) {
        Map<UUID, List<CommissionMaths.Won>> won = records.won().stream().collect(Collectors.groupingBy(CommissionMaths.Won::ownerId));
        Map<UUID, List<CommissionMaths.Received>> received = records.received().stream()
                .collect(Collectors.groupingBy(CommissionMaths.Received::ownerId));
        Map<UUID, List<CommissionMaths.KeyAccount>> keys = records.keyAccounts().stream()
                .collect(Collectors.groupingBy(CommissionMaths.KeyAccount::ownerId));
        List<StatementView> statements = new ArrayList<>();
        planned.forEach((earner, plan) -> statements.add(CommissionMaths.compute(plan, period.label(), earner,
                targets.get(earner.id() + "/" + plan.base().metric().name()),
                won.getOrDefault(earner.id(), List.of()), received.getOrDefault(earner.id(), List.of()),
                keys.getOrDefault(earner.id(), List.of()))));
        return statements;
    }

    /**
     * A rep's plan is that of the nearest team with one of this kind, up from their own team; failing
     * that, and for managers, their role's plan.
     */
    static Optional<CommissionPlan> planFor(CommissionMaths.Earner earner, Period.Kind kind, List<CommissionPlan> plans, Map<UUID, UUID> parents) {
        Set<UUID> seen = new java.util.HashSet<>();
        UUID own = "REP".equals(earner.role()) ? earner.teamId() : null;
        for (UUID team = own; team != null && seen.add(team); team = parents.get(team)) {
            UUID current = team;
            Optional<CommissionPlan> plan = plans.stream()
                    .filter(p -> p.periodKind() == kind && current.equals(p.teamId())).findFirst();
            if (plan.isPresent()) {
                return plan;
            }
        }
        return plans.stream().filter(p -> p.periodKind() == kind && earner.role().equals(p.appliesRole())).findFirst();
    }

    private Uni<Void> freeze(Statements tx, Period period, List<StatementView> statements) {
        if (statements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (StatementView s : statements) {
            rows.add(Tuple.tuple().addValue(Ids.newId()).addValue(period.label()).addValue(s.repId()).addValue(s.teamId())
                    .addValue(s.planId()).addValue(s.currency()).addValue(new BigDecimal(s.total())).addValue(write(s)));
        }
        return tx.batch(CommissionQueries.FREEZE, rows).replaceWithVoid();
    }

    private String write(StatementView statement) {
        try {
            return json.writeValueAsString(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a statement", e);
        }
    }

    private StatementView frozenView(CommissionQueries.Frozen frozen, List<CommissionQueries.Adjustment> adjustments) {
        StatementView s;
        try {
            s = json.readValue(frozen.body().encode(), StatementView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a frozen statement", e);
        }
        Currency currency = Currency.getInstance(s.currency());
        List<StatementView.Line> lines = new ArrayList<>(s.lines());
        BigDecimal adjusted = BigDecimal.ZERO;
        for (CommissionQueries.Adjustment a : adjustments) {
            BigDecimal amount = Money.scaled(a.amount(), currency);
            adjusted = adjusted.add(amount);
            lines.add(new StatementView.Line("ADJUSTMENT", a.id(), null, null, null, amount.toPlainString(), a.reason(), a.approvedBy(), a.at()));
        }
        BigDecimal total = new BigDecimal(s.total()).add(adjusted);
        return new StatementView(frozen.id(), "FROZEN", s.repId(), s.repName(), s.teamId(), s.period(), s.planId(), s.planName(), s.base(),
                s.currency(), s.actual(), s.target(), s.achievement(), s.tier(), s.note(), List.copyOf(lines), s.subtotal(), s.cap(),
                s.capped(), Money.scaled(adjusted, currency).toPlainString(), Money.scaled(total, currency).toPlainString(), frozen.frozenAt());
    }

    static List<WebhookPayloads.CommissionTotal> totals(List<StatementView> statements) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Integer> scales = new HashMap<>();
        for (StatementView s : statements) {
            BigDecimal total = new BigDecimal(s.total());
            sums.merge(s.currency(), total, BigDecimal::add);
            scales.put(s.currency(), total.scale());
        }
        return sums.entrySet().stream()
                .map(e -> new WebhookPayloads.CommissionTotal(e.getKey(), e.getValue().setScale(scales.get(e.getKey())).toPlainString()))
                .toList();
    }

    /** A month or a quarter; a year is refused (plans run by month or quarter). */
    static Period period(String field, String label) {
        Period period = Period.parse(field, label);
        if (period.kind() == Period.Kind.YEAR) {
            throw ProblemException.invalid(field, "must be a month (2026-11) or a quarter (2026-Q4)");
        }
        return period;
    }
}
