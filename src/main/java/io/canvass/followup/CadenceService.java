package io.canvass.followup;

import io.canvass.audit.AuditService;
import io.canvass.customer.FollowUpTarget;
import io.canvass.platform.Caller;
import io.canvass.platform.ETags;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Sql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cadence policy: reads for scheduling, edits for admins and directors. */
@ApplicationScoped
public class CadenceService {

    /** How long a replica uses the policy rows it read before reading them again. */
    static final Duration CACHED_FOR = Duration.ofSeconds(30);

    private volatile Cached cached;

    static final String ALL = "select kind, code, interval_days, miss_after_days from cadence_policy";

    @Inject
    Policies policies;

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    AuditService audit;

    /** A policy row as the API shows it. */
    @RegisterForReflection
    public record PolicyView(CadencePolicy.Kind kind, String code, int intervalDays, int missAfterDays, int version) {
        static PolicyView of(CadencePolicy p) {
            return new PolicyView(p.kind, p.code, p.intervalDays, p.missAfterDays, p.version);
        }
    }

    /** The effective rules for one customer. */
    public record Rule(int intervalDays, int missAfterDays) {
    }

    @WithSession
    public Uni<List<PolicyView>> list() {
        return policies.listAll().map(rows -> rows.stream()
                .sorted(java.util.Comparator.comparing((CadencePolicy p) -> p.kind).thenComparing(p -> p.code))
                .map(PolicyView::of).toList());
    }

    /** Changes a rule; this replica applies it at once, the others within {@link #CACHED_FOR}. */
    public Uni<PolicyView> update(CadencePolicy.Kind kind, String code, int intervalDays, int missAfterDays, Integer expectedVersion) {
        return Panache.withTransaction(() -> change(kind, code, intervalDays, missAfterDays, expectedVersion))
                .invoke(() -> cached = null);
    }

    private Uni<PolicyView> change(CadencePolicy.Kind kind, String code, int intervalDays, int missAfterDays, Integer expectedVersion) {
        return policies.findById(new CadencePolicy.Key(kind, code))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Cadence policy"))
                .call(p -> {
                    ETags.check(expectedVersion, p.version);
                    Map<String, Object> before = Map.of("intervalDays", p.intervalDays, "missAfterDays", p.missAfterDays);
                    p.intervalDays = intervalDays;
                    p.missAfterDays = missAfterDays;
                    return policies.flush().chain(() -> audit.record(caller.id(), "cadence_policy.updated", "cadence_policy",
                            kind + ":" + code, before, Map.of("intervalDays", intervalDays, "missAfterDays", missAfterDays)));
                })
                .map(PolicyView::of);
    }

    /**
     * Rules for a target. The policy is read on every visit and follow-up, and changes a few times
     * a year, so each replica keeps the rows for {@link #CACHED_FOR}.
     */
    public Uni<Rule> ruleFor(FollowUpTarget target) {
        return policy().map(policy -> policy.ruleOf(target));
    }

    /**
     * The whole policy as this replica holds it, for callers that learn the target later (a visit
     * reads its customer inside its transaction). Read on the Vert.x pool, so it needs no session.
     */
    public Uni<Policy> policy() {
        Cached current = cached;
        if (current != null && current.readAt().plus(CACHED_FOR).isAfter(Instant.now())) {
            return Uni.createFrom().item(current.policy());
        }
        return sql.query(ALL).map(rows -> {
            Map<CadencePolicy.Key, Rule> byKey = new HashMap<>();
            for (Row r : rows) {
                byKey.put(new CadencePolicy.Key(CadencePolicy.Kind.valueOf(r.getString(0)), r.getString(1)),
                        new Rule(r.getInteger(2), r.getInteger(3)));
            }
            Policy policy = new Policy(Map.copyOf(byKey));
            cached = new Cached(policy, Instant.now());
            return policy;
        });
    }

    /** The policy rows by grade and stage. */
    public record Policy(Map<CadencePolicy.Key, Rule> byKey) {

        /** The tighter of the grade's and the stage's rules, unless the customer overrides the interval. */
        public Rule ruleOf(FollowUpTarget target) {
            Rule grade = byKey.get(new CadencePolicy.Key(CadencePolicy.Kind.GRADE, target.grade()));
            Rule stage = byKey.get(new CadencePolicy.Key(CadencePolicy.Kind.STAGE, target.stage()));
            int interval = Cadence.effectiveInterval(target.cadenceOverride(),
                    grade == null ? null : grade.intervalDays(), stage == null ? null : stage.intervalDays());
            int missAfter = Math.min(grade == null ? Integer.MAX_VALUE : grade.missAfterDays(),
                    stage == null ? Integer.MAX_VALUE : stage.missAfterDays());
            return new Rule(interval, missAfter == Integer.MAX_VALUE ? 3 : missAfter);
        }
    }

    private record Cached(Policy policy, Instant readAt) {
    }

    /** Repository of the policy rows. */
    @ApplicationScoped
    public static class Policies implements PanacheRepositoryBase<CadencePolicy, CadencePolicy.Key> {
    }
}
