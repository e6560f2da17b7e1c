package io.canvass.kpi;

import io.canvass.platform.Caller;
import io.canvass.platform.ProblemException;
import io.canvass.platform.ScopeService;
import io.canvass.target.Period;
import io.canvass.target.Target;
import io.canvass.target.TargetService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Dashboards for a rep ("me" or one of a manager's reps), a team subtree and the organisation. */
@ApplicationScoped
public class KpiService {

    @Inject
    KpiQueries queries;

    @Inject
    TargetService targets;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @Inject
    KpiConfig config;

    public Uni<KpiReport> me(Period period) {
        return queries.rep(caller.id()).chain(reps -> repReport(reps.get(0), period));
    }

    /**
     * What the caller still has to do this period for each approved target: effective visits directly,
     * new customers, deals and revenue through their own rates over the last 90 days (visits per new
     * customer, visits per deal won, average deal per currency), collections as an amount a week.
     */
    public Uni<DailyActions> actions(Period period) {
        ZoneId zone = caller.zone();
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        Instant from = period.start().atStartOfDay(zone).toInstant();
        Instant to = period.end().atStartOfDay(zone).toInstant();
        Instant now = Instant.now();
        List<UUID> me = List.of(caller.id());
        long daysLeft = period.daysLeftFrom(today);
        return Uni.combine().all().unis(numbers(me, from, to, zone), numbers(me, now.minus(java.time.Duration.ofDays(90)), now, zone),
                targets.approvedFor(Target.Level.REP, null, caller.id(), period)).with((soFar, history, approved) -> {
                    DailyActions.Rates rates = DailyActions.Rates.of(history.get(caller.id()));
                    List<DailyActions.Action> actions = approved.stream()
                            .map(t -> DailyActions.of(t.metric, t.currency, t.value, actual(t, soFar.get(caller.id())), daysLeft, rates))
                            .toList();
                    return new DailyActions(period.label(), daysLeft, rates.visitsPerNewCustomer(), rates.visitsPerDeal(), actions);
                });
    }

    /** A rep's dashboard for a manager: 404 unless the rep is in the caller's scope. */
    public Uni<KpiReport> rep(UUID userId, Period period) {
        return scopes.current().chain(scope -> queries.rep(userId).chain(reps -> {
            if (reps.isEmpty() || !scope.covers(reps.get(0).id(), reps.get(0).teamId())) {
                throw ProblemException.notFound("User");
            }
            return repReport(reps.get(0), period);
        }));
    }

    public Uni<KpiReport> team(UUID teamId, Period period) {
        return scopes.current().chain(scope -> {
            if (!scope.coversTeam(teamId)) {
                throw ProblemException.notFound("Team");
            }
            return queries.teamReps(teamId).chain(reps -> groupReport(
                    new KpiReport.Subject(Target.Level.TEAM, teamId, null, null), reps, period));
        });
    }

    public Uni<KpiReport> organisation(Period period) {
        return queries.allReps().chain(reps -> groupReport(
                new KpiReport.Subject(Target.Level.ORGANISATION, null, null, null), reps, period));
    }

    /**
     * Raw numbers of many reps over [from, to) (the diagnosis and the weekly report use them); money
     * records kept by day (instalments, payments) count by the days those instants fall on in {@code zone}.
     */
    public Uni<Map<UUID, RepNumbers>> numbers(List<UUID> reps, Instant from, Instant to, ZoneId zone) {
        return queries.numbers(reps, from, to, zone, config.freshLeadDays(), config.rollup());
    }

    /** Forward stage moves per rep over a range (lead conversions). */
    public Uni<Map<UUID, Long>> stageMoves(List<UUID> reps, Instant from, Instant to) {
        return queries.stageMoves(reps, from, to);
    }

    /** Deal stage moves per rep over a range. */
    public Uni<Map<UUID, Long>> dealMoves(List<UUID> reps, Instant from, Instant to) {
        return queries.dealMoves(reps, from, to);
    }

    /** Every active rep of the organisation. */
    public Uni<List<KpiQueries.Rep>> activeReps() {
        return queries.allReps();
    }

    private Uni<KpiReport> repReport(KpiQueries.Rep rep, Period period) {
        ZoneId zone = caller.zone();
        Instant from = period.start().atStartOfDay(zone).toInstant();
        Instant to = period.end().atStartOfDay(zone).toInstant();
        List<UUID> ids = List.of(rep.id());
        return Uni.combine().all().unis(numbers(ids, from, to, zone), queries.trend(ids, from, to, zone, config.rollup()),
                targets.approvedFor(Target.Level.REP, null, rep.id(), period)).with((byRep, trend, approved) -> {
                    RepNumbers n = byRep.get(rep.id());
                    return new KpiReport(period.label(), period.start(), period.end(),
                            new KpiReport.Subject(Target.Level.REP, rep.teamId(), rep.id(), rep.displayName()),
                            KpiReport.Indicators.of(n), achievements(approved, n), KpiMath.funnel(n.funnel), trend, null);
                });
    }

    private Uni<KpiReport> groupReport(KpiReport.Subject subject, List<KpiQueries.Rep> reps, Period period) {
        ZoneId zone = caller.zone();
        Instant from = period.start().atStartOfDay(zone).toInstant();
        Instant to = period.end().atStartOfDay(zone).toInstant();
        List<UUID> ids = reps.stream().map(KpiQueries.Rep::id).toList();
        // the aggregates run side by side on the pool, beside the targets' two reads (in turn: they share a session)
        Uni<Tuple2<List<Target>, Map<UUID, List<Target>>>> targetsOf = targets.approvedFor(subject.level(), subject.teamId(), null, period)
                .chain(own -> targets.approvedForReps(ids, period)
                        .map(mine -> Tuple2.of(own, mine.stream().collect(Collectors.groupingBy(t -> t.userId)))));
        return Uni.combine().all().unis(numbers(ids, from, to, zone), queries.trend(ids, from, to, zone, config.rollup()), targetsOf)
                .with((byRep, trend, target) -> {
                    List<Target> ownTargets = target.getItem1();
                    Map<UUID, List<Target>> targetsByRep = target.getItem2();
                    RepNumbers total = new RepNumbers(null);
                    List<KpiReport.RepRow> rows = new ArrayList<>();
                    for (KpiQueries.Rep rep : reps) {
                        RepNumbers n = byRep.get(rep.id());
                        total.add(n);
                        rows.add(new KpiReport.RepRow(rep.id(), rep.displayName(), rep.teamId(), KpiReport.Indicators.of(n),
                                achievements(targetsByRep.getOrDefault(rep.id(), List.of()), n), KpiMath.funnel(n.funnel)));
                    }
                    return new KpiReport(period.label(), period.start(), period.end(), subject, KpiReport.Indicators.of(total),
                            achievements(ownTargets, total), KpiMath.funnel(total.funnel), trend, rows);
                });
    }

    public static List<KpiReport.Achievement> achievements(List<Target> approved, RepNumbers n) {
        return approved.stream().map(t -> {
            BigDecimal actual = actual(t, n);
            return new KpiReport.Achievement(t.metric, t.id, plain(t.value),
                    t.currency, actual != null, actual, KpiMath.achievement(actual, t.value));
        }).toList();
    }

    public static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The actual of a target from the records: see {@link #actual(Target.Metric, String, RepNumbers)}. */
    public static BigDecimal actual(Target t, RepNumbers n) {
        return actual(t.metric, t.currency, n);
    }

    /**
     * The actual of a target metric from the records: effective visits, new customers, deals won
     * (closed in the period), revenue (won deals' amounts) and collections (payments received) in
     * the target's currency; amounts in other currencies are not converted and do not count.
     */
    public static BigDecimal actual(Target.Metric metric, String currency, RepNumbers n) {
        return switch (metric) {
            case EFFECTIVE_VISITS -> BigDecimal.valueOf(n.effectiveVisits);
            case NEW_CUSTOMERS -> BigDecimal.valueOf(n.newCustomers);
            case DEALS_WON -> BigDecimal.valueOf(n.dealsWon);
            case REVENUE -> plain(n.revenue.getOrDefault(currency, BigDecimal.ZERO));
            case COLLECTIONS -> plain(n.received.getOrDefault(currency, BigDecimal.ZERO));
        };
    }
}
