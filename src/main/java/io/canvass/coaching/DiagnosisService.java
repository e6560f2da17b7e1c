package io.canvass.coaching;

import io.canvass.platform.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.kpi.KpiQueries;
import io.canvass.kpi.KpiService;
import io.canvass.kpi.RepNumbers;
import io.canvass.target.Period;
import io.canvass.target.Target;
import io.canvass.target.TargetService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The scheduled diagnosis: over each rep's last complete weeks it applies {@link DiagnosisRules}
 * beside their team's medians and proposes coaching to the manager. Safe on several replicas: a
 * proposal is unique per rep, rule and evidence, and one is open per rep and rule at a time (an
 * open one is brought up to date with new evidence instead of repeated).
 */
@ApplicationScoped
public class DiagnosisService {

    private static final Logger LOG = Logger.getLogger(DiagnosisService.class);

    /**
     * A new proposal, and in the same statement a COACHING_PROPOSED reminder for each active manager
     * of the rep's team. Answers how many proposals were made (0 or 1).
     */
    static final String PROPOSE = """
            with p as (
                insert into coaching_proposal (id, rep_id, team_id, rule, kind, evidence, evidence_key, window_start, window_end, status, created_at)
                values (uuid_v7(), $1, $2, $3, $4, $5, $6, $7, $8, 'OPEN', now())
                on conflict do nothing
                returning id, rep_id, team_id
            ), r as (
                insert into reminder (id, user_id, kind, dedupe_key, subject_id, args, link, due_at, deliver_at)
                select uuid_v7(), tm.user_id, 'COACHING_PROPOSED', 'coaching-proposal:' || p.id, p.id,
                       jsonb_build_object('rep', u.display_name), '/team/proposals', now(), now()
                from p
                join app_user u on u.id = p.rep_id
                join team_manager tm on tm.team_id = p.team_id and tm.user_id <> p.rep_id
                join app_user m on m.id = tm.user_id and m.active
                on conflict (user_id, kind, dedupe_key) do nothing
                returning 1
            )
            select (select count(*) from p) as proposals""";

    /** New evidence for the rule while a proposal is still open: the open one shows it. */
    static final String REFRESH_OPEN = """
            update coaching_proposal set evidence = $5, evidence_key = $6, window_start = $7, window_end = $8
            where rep_id = $1 and team_id = $2 and rule = $3 and kind = $4 and status = 'OPEN' and evidence_key <> $6
              and not exists (select 1 from coaching_proposal o where o.rep_id = $1 and o.rule = $3 and o.evidence_key = $6)""";

    @Inject
    KpiService kpis;

    @Inject
    TargetService targets;

    @Inject
    Sql sql;

    @Inject
    CoachingConfig config;

    @Inject
    ObjectMapper json;

    @Scheduled(cron = "${canvass.coaching.diagnosis.cron:0 30 1 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.diagnosis().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return diagnose(LocalDate.now(ZoneId.of(config.diagnosis().zone())))
                .invoke(n -> LOG.infof("Diagnosis: %d coaching proposals made or brought up to date", n))
                .replaceWithVoid();
    }

    /** Runs the rules for every active rep as of {@code today}; returns how many proposals were made or refreshed. */
    public Uni<Integer> diagnose(LocalDate today) {
        ZoneId zone = ZoneId.of(config.diagnosis().zone());
        LocalDate windowEnd = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate windowStart = windowEnd.minusWeeks(config.diagnosis().weeks());
        Instant from = windowStart.atStartOfDay(zone).toInstant();
        Instant to = windowEnd.atStartOfDay(zone).toInstant();
        return kpis.activeReps().chain(all -> {
            List<KpiQueries.Rep> reps = all.stream().filter(r -> r.teamId() != null).toList();
            List<UUID> ids = reps.stream().map(KpiQueries.Rep::id).toList();
            return kpis.numbers(ids, from, to, zone)
                    .chain(numbers -> kpis.stageMoves(ids, from, to)
                            .chain(moves -> missedMonths(ids, today, zone)
                                    .map(missed -> windows(reps, numbers, moves, missed))))
                    .chain(windows -> propose(windows, windowStart, windowEnd));
        });
    }

    private static List<DiagnosisRules.RepWindow> windows(List<KpiQueries.Rep> reps, Map<UUID, RepNumbers> numbers, Map<UUID, Long> moves,
                                                          Map<UUID, List<DiagnosisRules.MissedMonth>> missed) {
        return reps.stream().map(rep -> {
            RepNumbers n = numbers.get(rep.id());
            return new DiagnosisRules.RepWindow(rep.id(), rep.teamId(), n.effectiveVisits, moves.getOrDefault(rep.id(), 0L),
                    n.followUpsDue, n.followUpsOnTime, missed.getOrDefault(rep.id(), List.of()), n.proposals, n.dealsWon);
        }).toList();
    }

    /**
     * For each rep, the approved targets they missed in each of the last complete months, when
     * every one of those months has a miss (otherwise none: the misses are not in a row).
     */
    private Uni<Map<UUID, List<DiagnosisRules.MissedMonth>>> missedMonths(List<UUID> reps, LocalDate today, ZoneId zone) {
        int months = config.diagnosis().targetMissedMonths();
        Period current = Period.containing(Period.Kind.MONTH, today);
        List<Period> periods = new ArrayList<>();
        for (int k = 1; k <= months; k++) {
            periods.add(Period.of(Period.Kind.MONTH, current.start().minusMonths(k)));
        }
        return Multi.createFrom().iterable(periods)
                .onItem().transformToUniAndConcatenate(p -> targets.approvedForReps(reps, p)
                        .chain(approved -> kpis.numbers(reps, p.start().atStartOfDay(zone).toInstant(), p.end().atStartOfDay(zone).toInstant(), zone)
                                .map(numbers -> missedIn(p, approved, numbers))))
                .collect().asList()
                .map(perMonth -> {
                    Map<UUID, List<DiagnosisRules.MissedMonth>> result = new java.util.HashMap<>();
                    for (UUID rep : reps) {
                        List<DiagnosisRules.MissedMonth> all = new ArrayList<>();
                        boolean everyMonth = true;
                        for (Map<UUID, List<DiagnosisRules.MissedMonth>> month : perMonth) {
                            List<DiagnosisRules.MissedMonth> m = month.getOrDefault(rep, List.of());
                            everyMonth &= !m.isEmpty();
                            all.addAll(m);
                        }
                        if (everyMonth && !perMonth.isEmpty()) {
                            result.put(rep, all);
                        }
                    }
                    return result;
                });
    }

    private static Map<UUID, List<DiagnosisRules.MissedMonth>> missedIn(Period p, List<Target> approved, Map<UUID, RepNumbers> numbers) {
        return approved.stream()
                .filter(t -> t.value.signum() > 0)
                .map(t -> {
                    BigDecimal actual = KpiService.actual(t, numbers.get(t.userId));
                    return actual != null && actual.compareTo(t.value) < 0
                            ? Map.entry(t.userId, new DiagnosisRules.MissedMonth(p.label(), t.metric.name(), t.currency, KpiService.plain(t.value), actual))
                            : null;
                })
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private Uni<Integer> propose(List<DiagnosisRules.RepWindow> windows, LocalDate windowStart, LocalDate windowEnd) {
        DiagnosisRules.Thresholds thresholds = DiagnosisRules.Thresholds.of(config.diagnosis());
        Map<UUID, List<DiagnosisRules.RepWindow>> byTeam = windows.stream().collect(Collectors.groupingBy(DiagnosisRules.RepWindow::teamId));
        List<Tuple> proposals = new ArrayList<>();
        byTeam.values().forEach(team -> {
            DiagnosisRules.TeamMedians medians = DiagnosisRules.TeamMedians.of(team);
            for (DiagnosisRules.RepWindow rep : team) {
                for (DiagnosisRules.Finding f : DiagnosisRules.evaluate(rep, medians, thresholds)) {
                    proposals.add(Tuple.from(List.of(rep.repId(), rep.teamId(), f.rule().name(), f.rule().kind.name(), evidence(f, windowStart, windowEnd),
                            f.key(), windowStart, windowEnd)));
                }
            }
        });
        return Multi.createFrom().iterable(proposals)
                .onItem().transformToUniAndConcatenate(row -> sql.query(PROPOSE, row)
                        .chain(inserted -> inserted.iterator().next().getLong("proposals") > 0 ? Uni.createFrom().item(1)
                                : sql.query(REFRESH_OPEN, row).map(updated -> updated.rowCount())))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private JsonObject evidence(DiagnosisRules.Finding f, LocalDate windowStart, LocalDate windowEnd) {
        try {
            JsonObject e = new JsonObject(json.writeValueAsString(f.evidence()));
            return e.put("windowStart", windowStart.toString()).put("windowEnd", windowEnd.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
