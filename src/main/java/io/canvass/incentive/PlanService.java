package io.canvass.incentive;

import io.canvass.platform.Caller;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.ProblemKind;
import io.canvass.platform.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Commission plans: admins create, replace and delete them, directors read them. A plan change
 * applies to open periods (computed live) only; frozen statements keep the plan they were
 * computed with.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    public Uni<PlanView> create(PlanRequests request) {
        CommissionPlan plan = request.toPlan(Ids.newId(), 0);
        return checkTeam(plan)
                .chain(() -> sql.query(CommissionQueries.INSERT_PLAN, CommissionQueries.planTuple(plan).addValue(caller.id())))
                .onFailure(PlanService::duplicate).transform(e -> duplicateProblem(plan))
                .map(rows -> PlanView.of(plan));
    }

    public Uni<Page<PlanView>> list(UUID after, int limit) {
        return CommissionQueries.plans(sql)
                .map(plans -> Page.of(plans.stream().filter(p -> p.id().compareTo(after) > 0).limit(limit + 1L).toList(),
                        limit, CommissionPlan::id, PlanView::of));
    }

    public Uni<PlanView> get(UUID id) {
        return CommissionQueries.plan(sql, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Plan"))
                .map(PlanView::of);
    }

    /** Replaces a plan; the version comes from If-Match or the body, and a stale one is 412. */
    public Uni<PlanView> update(UUID id, PlanRequests request, Integer ifMatch) {
        Integer expected = ifMatch != null ? ifMatch : request.version();
        return CommissionQueries.plan(sql, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Plan"))
                .chain(current -> {
                    ETags.check(expected, current.version());
                    CommissionPlan plan = request.toPlan(id, current.version() + 1);
                    return checkTeam(plan)
                            .chain(() -> sql.query(CommissionQueries.UPDATE_PLAN, CommissionQueries.planTuple(plan).addValue(current.version())))
                            .onFailure(PlanService::duplicate).transform(e -> duplicateProblem(plan))
                            .map(rows -> {
                                if (rows.rowCount() == 0) {
                                    throw new ProblemException(ProblemKind.STALE_VERSION, "The plan was changed by someone else; reload it and apply your change again");
                                }
                                return PlanView.of(plan);
                            });
                });
    }

    public Uni<Void> delete(UUID id, Integer ifMatch) {
        return CommissionQueries.plan(sql, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Plan"))
                .chain(current -> {
                    ETags.check(ifMatch, current.version());
                    return sql.query(CommissionQueries.DELETE_PLAN, Tuple.of(id, current.version()));
                })
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ProblemException(ProblemKind.STALE_VERSION, "The plan was changed by someone else; reload it");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> checkTeam(CommissionPlan plan) {
        if (plan.teamId() == null) {
            return Uni.createFrom().voidItem();
        }
        return sql.query(CommissionQueries.TEAM_EXISTS, Tuple.of(plan.teamId()))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.invalid("teamId", "is not a team");
                    }
                })
                .replaceWithVoid();
    }

    private static ProblemException duplicateProblem(CommissionPlan plan) {
        return ProblemException.conflict((plan.teamId() != null ? "This team" : "The role " + plan.appliesRole())
                + " already has a " + plan.periodKind().name().toLowerCase() + "ly plan; change that one instead");
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ("23505".equals(Sql.sqlState(t))) {
                return true;
            }
        }
        return false;
    }
}
