package io.canvass.target;

import io.canvass.identity.UserService;
import io.canvass.identity.UserView;
import io.canvass.platform.Caller;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Sql;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Target trees and their approval. A node is planned (created and edited while a draft or
 * returned) by whoever is responsible for its subject, submitted by its owner (the rep, the
 * team's manager, a director for the organisation) and approved or returned by the level above;
 * only approved targets count towards achievement. Children of a node share its metric and
 * period, never add up to more than it, and a remainder must be justified before it is submitted.
 */
@ApplicationScoped
public class TargetService {

    static final String TEAM_PARENT = "select parent_id from team where id = $1";

    @Inject
    TargetRepository targets;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @Inject
    UserService users;

    @Inject
    Sql sql;

    /** A team's parent team, if the team exists: empty optional for a root, null for an unknown team. */
    Uni<Optional<UUID>> teamParent(UUID teamId) {
        return sql.query(TEAM_PARENT, Tuple.of(teamId))
                .map(rows -> rows.size() == 0 ? null : Optional.ofNullable(rows.iterator().next().getUUID(0)));
    }

    @WithTransaction
    public Uni<TargetView> create(TargetRequests.Create request) {
        Period period = Period.parse("period", request.period());
        checkCurrency(request.metric(), request.currency());
        checkWhole(request.metric(), request.value());
        return scopes.current().chain(scope -> subjectOf(request).chain(subjectTeam -> {
            Target t = new Target();
            t.id = Ids.newId();
            t.parentId = request.parentId();
            t.periodKind = period.kind();
            t.periodStart = period.start();
            t.periodEnd = period.end();
            t.level = request.level();
            t.teamId = subjectTeam;
            t.userId = request.level() == Target.Level.REP ? request.userId() : null;
            t.metric = request.metric();
            t.value = request.value();
            t.currency = request.currency();
            t.status = Target.Status.DRAFT;
            t.createdBy = scope.userId();
            if (!mayPlan(scope, t)) {
                throw ProblemException.forbidden("You may not plan targets for this " + t.level.name().toLowerCase());
            }
            Uni<Void> parentChecked = t.parentId == null ? Uni.createFrom().voidItem() : checkParent(scope, t);
            return parentChecked
                    .chain(() -> targets.persist(t))
                    .call(() -> targets.flush())
                    .onFailure(TargetService::duplicate).transform(e -> ProblemException.conflict(
                            "This " + t.level.name().toLowerCase() + " already has a " + t.metric + " target for " + period.label()))
                    .map(saved -> TargetView.of(t, BigDecimal.ZERO, null));
        }));
    }

    /** Validates who the target is for and returns the team it is filed under (null for the organisation). */
    private Uni<UUID> subjectOf(TargetRequests.Create request) {
        return switch (request.level()) {
            case ORGANISATION -> {
                if (request.teamId() != null || request.userId() != null) {
                    throw ProblemException.invalid("level", "an organisation target names no team and no rep");
                }
                yield Uni.createFrom().nullItem();
            }
            case TEAM -> {
                if (request.teamId() == null) {
                    throw ProblemException.invalid("teamId", "is required for a team target");
                }
                if (request.userId() != null) {
                    throw ProblemException.invalid("userId", "a team target names no rep");
                }
                yield teamParent(request.teamId()).map(parent -> {
                    if (parent == null) {
                        throw ProblemException.invalid("teamId", "is not a team");
                    }
                    return request.teamId();
                });
            }
            case REP -> {
                if (request.userId() == null) {
                    throw ProblemException.invalid("userId", "is required for a rep target");
                }
                yield users.profile(request.userId()).map(user -> {
                    if (user == null || user.role() != Role.REP || user.teamId() == null) {
                        throw ProblemException.invalid("userId", "is not a rep in a team");
                    }
                    return user.teamId();
                });
            }
        };
    }

    /** The parent must be visible, share metric, period and currency, sit one level up, and not be exceeded by its children. */
    private Uni<Void> checkParent(Scope scope, Target child) {
        return targets.findById(child.parentId)
                .chain(parent -> {
                    if (parent == null || !visible(scope, parent)) {
                        throw ProblemException.invalid("parentId", "is not a target you can see");
                    }
                    if (parent.metric != child.metric || parent.periodKind != child.periodKind
                            || !parent.periodStart.equals(child.periodStart)) {
                        throw ProblemException.invalid("parentId", "has another metric or period");
                    }
                    if (child.currency != null && !child.currency.equals(parent.currency)) {
                        throw ProblemException.invalid("currency", "must be the parent's, " + parent.currency);
                    }
                    return fitsUnder(parent, child).chain(() -> checkLevels(parent, child));
                });
    }

    private Uni<Void> checkLevels(Target parent, Target child) {
        return switch (parent.level) {
            case ORGANISATION -> child.level == Target.Level.TEAM ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(ProblemException.invalid("level", "an organisation target divides into team targets"));
            case TEAM -> switch (child.level) {
                case REP -> child.teamId.equals(parent.teamId) ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ProblemException.invalid("userId", "is not a rep of the parent's team"));
                case TEAM -> teamParent(child.teamId).map(p -> {
                    if (p == null || p.isEmpty() || !p.get().equals(parent.teamId)) {
                        throw ProblemException.invalid("teamId", "is not a sub-team of the parent's team");
                    }
                    return null;
                }).replaceWithVoid();
                case ORGANISATION -> Uni.createFrom().failure(ProblemException.invalid("level", "an organisation target has no parent"));
            };
            case REP -> Uni.createFrom().failure(ProblemException.invalid("parentId", "a rep target does not divide further"));
        };
    }

    /** The child's value plus its siblings' may not exceed the parent's. */
    private Uni<Void> fitsUnder(Target parent, Target child) {
        return targets.childrenSum(parent.id, child.id).map(siblings -> {
            BigDecimal room = parent.value.subtract(siblings);
            if (child.value.compareTo(room) > 0) {
                throw ProblemException.invalid("value", "exceeds what is left of the parent's target ("
                        + room.stripTrailingZeros().toPlainString() + ")");
            }
            return null;
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<TargetView> update(UUID id, TargetRequests.Update request, Integer ifMatch) {
        return scopes.current().chain(scope -> visibleTarget(scope, id).chain(t -> {
            ETags.check(ifMatch != null ? ifMatch : request.version(), t.version);
            if (!mayPlan(scope, t)) {
                throw ProblemException.forbidden("You may not plan this target");
            }
            requireEditable(t);
            checkWhole(t.metric, request.value());
            t.value = request.value();
            t.remainderNote = blankToNull(request.remainderNote());
            t.status = Target.Status.DRAFT;
            Uni<Void> parentFits = t.parentId == null ? Uni.createFrom().voidItem()
                    : targets.findById(t.parentId).chain(parent -> fitsUnder(parent, t));
            return parentFits
                    .chain(() -> targets.childrenSum(t.id, null))
                    .map(children -> {
                        if (children.compareTo(t.value) > 0) {
                            throw ProblemException.invalid("value", "is less than its children add up to ("
                                    + children.stripTrailingZeros().toPlainString() + ")");
                        }
                        return children;
                    })
                    .call(children -> targets.flush())
                    .map(children -> TargetView.of(t, children, null));
        }));
    }

    @WithTransaction
    public Uni<TargetView> submit(UUID id, TargetRequests.Submit request) {
        return scopes.current().chain(scope -> visibleTarget(scope, id).chain(t -> {
            if (!mayOwn(scope, t)) {
                throw ProblemException.forbidden("Only the target's owner submits it");
            }
            requireEditable(t);
            String note = request == null ? null : blankToNull(request.remainderNote());
            if (note != null) {
                t.remainderNote = note;
            }
            return targets.childrenSum(t.id, null).map(children -> {
                int cmp = children.compareTo(t.value);
                if (cmp > 0) {
                    throw ProblemException.invalid("value", "is less than its children add up to");
                }
                if (children.signum() > 0 && cmp < 0 && t.remainderNote == null) {
                    throw ProblemException.invalid("remainderNote", "the children add up to "
                            + children.stripTrailingZeros().toPlainString() + ", not " + t.value.stripTrailingZeros().toPlainString()
                            + ": say why the remainder is kept");
                }
                t.status = Target.Status.SUBMITTED;
                t.submittedBy = scope.userId();
                t.submittedAt = Instant.now();
                t.reviewComment = null;
                return children;
            }).call(children -> targets.flush()).map(children -> TargetView.of(t, children, null));
        }));
    }

    @WithTransaction
    public Uni<TargetView> approve(UUID id) {
        return review(id, t -> {
            t.status = Target.Status.APPROVED;
            t.reviewComment = null;
        });
    }

    @WithTransaction
    public Uni<TargetView> returnPlan(UUID id, TargetRequests.Return request) {
        return review(id, t -> {
            t.status = Target.Status.RETURNED;
            t.reviewComment = request.comment().trim();
        });
    }

    private Uni<TargetView> review(UUID id, java.util.function.Consumer<Target> decision) {
        return scopes.current().chain(scope -> visibleTarget(scope, id).chain(t -> mayReview(scope, t).chain(allowed -> {
            if (!allowed) {
                throw ProblemException.forbidden("Only the level above approves or returns this plan");
            }
            if (t.status != Target.Status.SUBMITTED) {
                throw ProblemException.conflict("The plan is " + t.status + ", not submitted");
            }
            if (scope.userId().equals(t.submittedBy)) {
                throw ProblemException.forbidden("You submitted this plan; someone above you reviews it");
            }
            decision.accept(t);
            t.reviewedBy = scope.userId();
            t.reviewedAt = Instant.now();
            return targets.flush().chain(() -> targets.childrenSum(t.id, null)).map(children -> TargetView.of(t, children, null));
        })));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return scopes.current().chain(scope -> visibleTarget(scope, id).chain(t -> {
            if (!mayPlan(scope, t)) {
                throw ProblemException.forbidden("You may not plan this target");
            }
            requireEditable(t);
            return targets.count("parentId", t.id).chain(children -> {
                if (children > 0) {
                    throw ProblemException.conflict("The target has children; delete them first");
                }
                return targets.delete(t);
            });
        }));
    }

    @WithSession
    public Uni<TargetView> get(UUID id) {
        return scopes.current().chain(scope -> visibleTarget(scope, id))
                .chain(t -> targets.childrenSum(t.id, null).map(sum -> TargetView.of(t, sum, null)));
    }

    /** The node and every descendant the caller can see, each with its children's sum and remainder. */
    @WithSession
    public Uni<TargetView> tree(UUID id) {
        return scopes.current().chain(scope -> visibleTarget(scope, id).chain(root -> subtree(scope, root, 0)));
    }

    private Uni<TargetView> subtree(Scope scope, Target node, int depth) {
        if (depth > 8) {
            return Uni.createFrom().item(TargetView.of(node, null, List.of()));
        }
        return targets.children(node.id).chain(children -> {
            BigDecimal sum = children.stream().map(c -> c.value).reduce(BigDecimal.ZERO, BigDecimal::add);
            return Multi.createFrom().iterable(children.stream().filter(c -> visible(scope, c)).toList())
                    .onItem().transformToUniAndConcatenate(child -> subtree(scope, child, depth + 1))
                    .collect().asList()
                    .map(views -> TargetView.of(node, sum, views));
        });
    }

    @WithSession
    public Uni<Page<TargetView>> list(Period period, Target.Level level, UUID teamId, UUID userId, Target.Metric metric,
                                      Target.Status status, UUID after, int limit) {
        return scopes.current().chain(scope -> {
            StringBuilder q = new StringBuilder("from Target t where t.periodKind = :kind and t.periodStart = :start and t.id > :after");
            Map<String, Object> params = new HashMap<>();
            params.put("kind", period.kind());
            params.put("start", period.start());
            params.put("after", after == null ? new UUID(0, 0) : after);
            if (level != null) {
                q.append(" and t.level = :level");
                params.put("level", level);
            }
            if (teamId != null) {
                q.append(" and t.teamId = :team");
                params.put("team", teamId);
            }
            if (userId != null) {
                q.append(" and t.userId = :user");
                params.put("user", userId);
            }
            if (metric != null) {
                q.append(" and t.metric = :metric");
                params.put("metric", metric);
            }
            if (status != null) {
                q.append(" and t.status = :status");
                params.put("status", status);
            }
            if (!scope.everything()) {
                params.put("me", scope.userId());
                params.put("org", Target.Level.ORGANISATION);
                if (scope.role() == Role.REP) {
                    params.put("teamLevel", Target.Level.TEAM);
                    params.put("myTeam", caller.teamId().orElse(new UUID(0, 0)));
                    q.append(" and (t.level = :org or t.userId = :me or (t.level = :teamLevel and t.teamId = :myTeam))");
                } else {
                    params.put("teams", scope.teams().isEmpty() ? List.of(new UUID(0, 0)) : scope.teams());
                    q.append(" and (t.level = :org or t.userId = :me or t.teamId in :teams)");
                }
            }
            q.append(" order by t.id");
            return targets.find(q.toString(), params).range(0, limit).list()
                    .chain(rows -> Multi.createFrom().iterable(rows.size() > limit ? rows.subList(0, limit) : rows)
                            .onItem().transformToUniAndConcatenate(t -> targets.childrenSum(t.id, null).map(sum -> TargetView.of(t, sum, null)))
                            .collect().asList()
                            .map(views -> new Page<>(views, rows.size() > limit ? io.canvass.platform.Cursor.encode(rows.get(limit - 1).id) : null)));
        });
    }

    /** Approved targets of a subject for the periods that overlap [from, to): what achievement is measured against. */
    @WithSession
    public Uni<List<Target>> approvedFor(Target.Level level, UUID teamId, UUID userId, Period period) {
        String subject = switch (level) {
            case ORGANISATION -> "t.teamId is null and t.userId is null";
            case TEAM -> "t.teamId = :team and t.userId is null";
            case REP -> "t.userId = :user";
        };
        Map<String, Object> params = new HashMap<>();
        params.put("level", level);
        params.put("kind", period.kind());
        params.put("start", period.start());
        params.put("approved", Target.Status.APPROVED);
        if (level == Target.Level.TEAM) {
            params.put("team", teamId);
        }
        if (level == Target.Level.REP) {
            params.put("user", userId);
        }
        return targets.find("from Target t where t.level = :level and " + subject
                + " and t.periodKind = :kind and t.periodStart = :start and t.status = :approved order by t.metric", params).list();
    }

    /** Approved rep targets of a period for many reps at once (a team dashboard). */
    @WithSession
    public Uni<List<Target>> approvedForReps(List<UUID> reps, Period period) {
        if (reps.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return targets.find("from Target t where t.level = :level and t.userId in :users and t.periodKind = :kind"
                        + " and t.periodStart = :start and t.status = :approved",
                Map.of("level", Target.Level.REP, "users", reps, "kind", period.kind(), "start", period.start(),
                        "approved", Target.Status.APPROVED)).list();
    }

    private Uni<Target> visibleTarget(Scope scope, UUID id) {
        return targets.findById(id).map(t -> {
            if (t == null || !visible(scope, t)) {
                throw ProblemException.notFound("Target");
            }
            return t;
        });
    }

    /** Everyone sees the organisation's targets; a team's targets are seen by its members and managers; a rep's by the rep and their managers. */
    boolean visible(Scope scope, Target t) {
        if (scope.everything() || t.level == Target.Level.ORGANISATION) {
            return true;
        }
        if (t.level == Target.Level.TEAM) {
            return scope.coversTeam(t.teamId) || (scope.role() == Role.REP && t.teamId.equals(caller.teamId().orElse(null)));
        }
        return scope.covers(t.userId, t.teamId);
    }

    static boolean mayPlan(Scope scope, Target t) {
        return switch (scope.role()) {
            case ADMIN, DIRECTOR -> true;
            case MANAGER -> t.level != Target.Level.ORGANISATION && scope.coversTeam(t.teamId);
            case REP -> t.level == Target.Level.REP && scope.userId().equals(t.userId);
            case INTEGRATION -> false;
        };
    }

    static boolean mayOwn(Scope scope, Target t) {
        return switch (t.level) {
            case ORGANISATION -> scope.role() == Role.ADMIN || scope.role() == Role.DIRECTOR;
            case TEAM -> scope.role() == Role.ADMIN || scope.role() == Role.DIRECTOR
                    || (scope.role() == Role.MANAGER && scope.coversTeam(t.teamId));
            case REP -> scope.userId().equals(t.userId);
        };
    }

    /** The level above: a director for the organisation and teams, a manager above the team, the rep's manager. */
    Uni<Boolean> mayReview(Scope scope, Target t) {
        if (scope.role() == Role.ADMIN || scope.role() == Role.DIRECTOR) {
            return Uni.createFrom().item(true);
        }
        if (scope.role() != Role.MANAGER) {
            return Uni.createFrom().item(false);
        }
        return switch (t.level) {
            case ORGANISATION -> Uni.createFrom().item(false);
            case REP -> Uni.createFrom().item(scope.coversTeam(t.teamId) && !scope.userId().equals(t.userId));
            case TEAM -> teamParent(t.teamId).map(parent -> parent != null && parent.isPresent() && scope.coversTeam(parent.get()));
        };
    }

    private static void requireEditable(Target t) {
        if (t.status != Target.Status.DRAFT && t.status != Target.Status.RETURNED) {
            throw ProblemException.conflict("The plan is " + t.status + "; only drafts and returned plans change");
        }
    }

    private static void checkCurrency(Target.Metric metric, String currency) {
        if (metric.money() && currency == null) {
            throw ProblemException.invalid("currency", "is required for " + metric);
        }
        if (!metric.money() && currency != null) {
            throw ProblemException.invalid("currency", metric + " is a count, not money");
        }
    }

    private static void checkWhole(Target.Metric metric, BigDecimal value) {
        if (!metric.money() && value.stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalid("value", metric + " is a whole count");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
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
