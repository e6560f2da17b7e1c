package io.canvass.followup;

import io.canvass.audit.AuditService;
import io.canvass.platform.Caller;
import io.canvass.platform.ETags;
import io.canvass.platform.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The cadence policy: reads for scheduling, edits for admins and directors. */
@ApplicationScoped
public class CadenceService {

    /** How long a replica uses the policy rows it read before reading them again. */
    static final Duration CACHED_FOR = Duration.ofSeconds(30);

    private volatile Cached cached;

    @Inject
    Policies policies;

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
     * Rules for a target; call inside a session. The policy is read on every visit and follow-up,
     * and changes a few times a year, so each replica keeps the rows for {@link #CACHED_FOR}.
     */
    public Uni<Rule> ruleFor(FollowUpTarget target) {
        Cached current = cached;
        if (current != null && current.readAt().plus(CACHED_FOR).isAfter(Instant.now())) {
            return Uni.createFrom().item(ruleFor(target, current.byKey()));
        }
        return policies.listAll().map(rows -> {
            Map<CadencePolicy.Key, Rule> byKey = rows.stream()
                    .collect(Collectors.toUnmodifiableMap(p -> new CadencePolicy.Key(p.kind, p.code), p -> new Rule(p.intervalDays, p.missAfterDays)));
            cached = new Cached(byKey, Instant.now());
            return ruleFor(target, byKey);
        });
    }

    static Rule ruleFor(FollowUpTarget target, Map<CadencePolicy.Key, Rule> byKey) {
        Rule grade = byKey.get(new CadencePolicy.Key(CadencePolicy.Kind.GRADE, target.grade()));
        Rule stage = byKey.get(new CadencePolicy.Key(CadencePolicy.Kind.STAGE, target.stage()));
        int interval = Cadence.effectiveInterval(target.cadenceOverride(),
                grade == null ? null : grade.intervalDays(), stage == null ? null : stage.intervalDays());
        int missAfter = Math.min(grade == null ? Integer.MAX_VALUE : grade.missAfterDays(),
                stage == null ? Integer.MAX_VALUE : stage.missAfterDays());
        return new Rule(interval, missAfter == Integer.MAX_VALUE ? 3 : missAfter);
    }

    private record Cached(Map<CadencePolicy.Key, Rule> byKey, Instant readAt) {
    }

    /** Repository of the policy rows. */
    @ApplicationScoped
    public static class Policies implements PanacheRepositoryBase<CadencePolicy, CadencePolicy.Key> {
    }
}
