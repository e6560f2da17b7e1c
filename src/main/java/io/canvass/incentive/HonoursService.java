package io.canvass.incentive;

import io.canvass.platform.Caller;
import io.canvass.platform.ProblemException;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Sql;
import io.canvass.target.Period;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Monthly honours (月度销冠, 最佳新人, 进步之星) of the organisation or of a team's subtree, among
 * active reps. Everyone may see the organisation's; a team's is for those whose scope covers the
 * team and for the reps in it.
 */
@ApplicationScoped
public class HonoursService {

    @Inject
    Sql sql;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @Inject
    IncentiveConfig config;

    public Uni<HonoursView> honours(UUID team, String monthLabel) {
        Period month = Period.parse("month", monthLabel);
        if (month.kind() != Period.Kind.MONTH) {
            throw ProblemException.invalid("month", "must be a month such as 2026-11");
        }
        Period previous = Period.of(Period.Kind.MONTH, month.start().minusMonths(1));
        String currency = config.honoursCurrency();
        return scopes.current()
                .chain(scope -> CommissionQueries.teamParents(sql).map(parents -> {
                    if (team != null && !scope.coversTeam(team) && !inTeam(caller.teamId().orElse(null), team, parents)) {
                        throw ProblemException.notFound("Team");
                    }
                    if (team != null && !parents.containsKey(team)) {
                        throw ProblemException.notFound("Team");
                    }
                    return parents;
                }))
                .chain(parents -> CommissionQueries.earners(sql).map(earners -> earners.stream()
                        .filter(e -> "REP".equals(e.role()))
                        .filter(e -> team == null || inTeam(e.teamId(), team, parents))
                        .toList()))
                .chain(reps -> figures(reps, month, previous, currency))
                .map(figures -> {
                    Currency money = Currency.getInstance(currency);
                    return new HonoursView(month.label(), team, currency,
                            HonoursMaths.topSeller(figures).map(f -> HonoursMaths.view(f, money)).orElse(null),
                            HonoursMaths.bestNewcomer(figures, month.end().minusDays(1), config.newcomerDays())
                                    .map(f -> HonoursMaths.view(f, money)).orElse(null),
                            HonoursMaths.mostImproved(figures).map(f -> HonoursMaths.view(f, money)).orElse(null));
                });
    }

    private Uni<List<HonoursMaths.Figures>> figures(List<CommissionMaths.Earner> reps, Period month, Period previous, String currency) {
        if (reps.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = reps.stream().map(CommissionMaths.Earner::id).toList();
        return CommissionQueries.records(sql, ids, month, config.zone())
                .chain(now -> CommissionQueries.records(sql, ids, previous, config.zone())
                        .chain(before -> CommissionQueries.targets(sql, ids, month, List.of("REVENUE"))
                                .chain(targets -> CommissionQueries.targets(sql, ids, previous, List.of("REVENUE"))
                                        .map(previousTargets -> {
                                            Map<UUID, List<CommissionMaths.Won>> won = now.won().stream()
                                                    .collect(Collectors.groupingBy(CommissionMaths.Won::ownerId));
                                            Map<UUID, BigDecimal> previousRevenue = HonoursMaths.revenueByRep(before.won(), currency);
                                            List<HonoursMaths.Figures> figures = new ArrayList<>();
                                            for (CommissionMaths.Earner rep : reps) {
                                                figures.add(HonoursMaths.figures(rep, won.getOrDefault(rep.id(), List.of()), currency,
                                                        targets.get(rep.id() + "/REVENUE"),
                                                        previousRevenue.getOrDefault(rep.id(), BigDecimal.ZERO),
                                                        previousTargets.get(rep.id() + "/REVENUE")));
                                            }
                                            return figures;
                                        }))));
    }

    /** Is {@code team} the team {@code ancestor} or below it? */
    static boolean inTeam(UUID team, UUID ancestor, Map<UUID, UUID> parents) {
        Set<UUID> seen = new HashSet<>();
        for (UUID t = team; t != null && seen.add(t); t = parents.get(t)) {
            if (t.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
