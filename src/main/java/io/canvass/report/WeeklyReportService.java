package io.canvass.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.kpi.KpiMath;
import io.canvass.kpi.KpiQueries;
import io.canvass.kpi.KpiReport;
import io.canvass.kpi.KpiService;
import io.canvass.kpi.RepNumbers;
import io.canvass.platform.Caller;
import io.canvass.platform.Dates;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.target.Period;
import io.canvass.target.Target;
import io.canvass.target.TargetService;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weekly report: its data layer generated from the records for the rep's week, the behaviour
 * and problem layers written and submitted by the rep, a comment by their manager, and the team's
 * reports rolled up for the manager.
 */
@ApplicationScoped
public class WeeklyReportService {

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    @ApplicationScoped
    public static class Reports implements PanacheRepositoryBase<WeeklyReport, UUID> {
        Uni<WeeklyReport> of(UUID userId, LocalDate weekStart) {
            return find("userId = ?1 and weekStart = ?2", userId, weekStart).firstResult();
        }

        Uni<List<WeeklyReport>> of(List<UUID> users, LocalDate weekStart) {
            return list("userId in ?1 and weekStart = ?2", users, weekStart);
        }
    }

    @Inject
    Reports reports;

    @Inject
    KpiService kpis;

    @Inject
    KpiQueries reps;

    @Inject
    TargetService targets;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /** Monday of the week named {@code 2026-W48} or by any of its days ({@code 2026-11-25}); this week when absent. */
    public LocalDate weekStart(String week) {
        if (week == null || week.isBlank()) {
            return LocalDate.now(caller.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        Matcher m = ISO_WEEK.matcher(week.trim());
        try {
            if (m.matches()) {
                int w = Integer.parseInt(m.group(2));
                LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w)
                        .with(DayOfWeek.MONDAY);
                if (w < 1 || start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != w) {
                    throw ProblemException.invalid("week", "has no week " + w);
                }
                return Dates.check("week", start);
            }
            return Dates.check("week", LocalDate.parse(week.trim()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        } catch (java.time.DateTimeException e) {
            throw ProblemException.invalid("week", "is not a week (2026-W48) or a date (2026-11-25)");
        }
    }

    static String label(LocalDate weekStart) {
        return String.format("%d-W%02d", weekStart.get(IsoFields.WEEK_BASED_YEAR), weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @WithSession
    public Uni<WeeklyReportView> get(UUID userId, LocalDate weekStart) {
        UUID user = userId != null ? userId : caller.id();
        return scopes.current().chain(scope -> visibleRep(scope, user))
                .chain(rep -> reports.of(rep.id(), weekStart).chain(report -> view(rep, weekStart, report)));
    }

    @WithTransaction
    public Uni<WeeklyReportView> write(LocalDate weekStart, WeeklyReportRequests.Write request, Integer ifMatch) {
        return reps.rep(caller.id()).chain(found -> {
            KpiQueries.Rep rep = found.get(0);
            return reports.of(rep.id(), weekStart).chain(existing -> {
                WeeklyReport r = existing;
                if (r == null) {
                    r = new WeeklyReport();
                    r.id = Ids.newId();
                    r.userId = rep.id();
                    r.teamId = rep.teamId();
                    r.weekStart = weekStart;
                    r.status = WeeklyReport.Status.DRAFT;
                } else {
                    ETags.check(ifMatch != null ? ifMatch : request.version(), r.version);
                    if (r.status == WeeklyReport.Status.SUBMITTED) {
                        throw ProblemException.conflict("The report was submitted");
                    }
                }
                WeeklyReport report = r;
                report.behaviour = trim(request.behaviour());
                report.problems = trim(request.problems());
                report.supportNeeded = trim(request.supportNeeded());
                if (!request.submit()) {
                    return reports.persist(report).call(() -> reports.flush()).chain(saved -> view(rep, weekStart, saved));
                }
                if (report.behaviour == null) {
                    throw ProblemException.invalid("behaviour", "is required to submit the report");
                }
                if (report.problems == null) {
                    throw ProblemException.invalid("problems", "is required to submit the report");
                }
                return data(rep, weekStart).chain(data -> {
                    report.status = WeeklyReport.Status.SUBMITTED;
                    report.submittedAt = Instant.now();
                    report.data = json.convertValue(data, Map.class);
                    return reports.persist(report).call(() -> reports.flush()).chain(saved -> view(rep, weekStart, saved));
                });
            });
        });
    }

    @WithTransaction
    public Uni<WeeklyReportView> comment(UUID userId, LocalDate weekStart, WeeklyReportRequests.Comment request) {
        return scopes.current().chain(scope -> visibleRep(scope, userId).chain(rep -> {
            if (scope.role() == Role.REP || scope.userId().equals(rep.id())) {
                throw ProblemException.forbidden("The rep's manager comments on the report");
            }
            return reports.of(rep.id(), weekStart).chain(r -> {
                if (r == null || r.status != WeeklyReport.Status.SUBMITTED) {
                    throw ProblemException.conflict("The report has not been submitted");
                }
                r.managerComment = request.comment().trim();
                r.commentedBy = scope.userId();
                r.commentedAt = Instant.now();
                return reports.flush().chain(() -> view(rep, weekStart, r));
            });
        }));
    }

    @WithSession
    public Uni<WeeklyReportView.Team> team(UUID teamId, LocalDate weekStart) {
        return scopes.current().chain(scope -> {
            if (!scope.coversTeam(teamId)) {
                throw ProblemException.notFound("Team");
            }
            return reps.teamReps(teamId);
        }).chain(members -> {
            List<UUID> ids = members.stream().map(KpiQueries.Rep::id).toList();
            ZoneId zone = caller.zone();
            Instant from = weekStart.atStartOfDay(zone).toInstant();
            Instant to = weekStart.plusDays(7).atStartOfDay(zone).toInstant();
            return kpis.numbers(ids, from, to, zone).chain(numbers -> kpis.stageMoves(ids, from, to)
                    .chain(moves -> kpis.dealMoves(ids, from, to).chain(dealMoves -> reports.of(ids, weekStart)
                    .map(written -> {
                        RepNumbers total = new RepNumbers(null);
                        long totalMoves = 0;
                        long totalDealMoves = 0;
                        List<WeeklyReportView> rows = new ArrayList<>();
                        for (KpiQueries.Rep rep : members) {
                            RepNumbers n = numbers.get(rep.id());
                            total.add(n);
                            long m = moves.getOrDefault(rep.id(), 0L);
                            long dm = dealMoves.getOrDefault(rep.id(), 0L);
                            totalMoves += m;
                            totalDealMoves += dm;
                            WeeklyReport r = written.stream().filter(w -> w.userId.equals(rep.id())).findFirst().orElse(null);
                            rows.add(view(rep, weekStart, r, data(n, m, dm, null, List.of())));
                        }
                        int submitted = (int) written.stream().filter(w -> w.status == WeeklyReport.Status.SUBMITTED).count();
                        return new WeeklyReportView.Team(teamId, label(weekStart), weekStart, members.size(), submitted,
                                data(total, totalMoves, totalDealMoves, null, List.of()), rows);
                    }))));
        });
    }

    private Uni<KpiQueries.Rep> visibleRep(Scope scope, UUID userId) {
        return reps.rep(userId).map(found -> {
            if (found.isEmpty() || !scope.covers(found.get(0).id(), found.get(0).teamId())) {
                throw ProblemException.notFound("User");
            }
            return found.get(0);
        });
    }

    private Uni<WeeklyReportView> view(KpiQueries.Rep rep, LocalDate weekStart, WeeklyReport report) {
        if (report != null && report.status == WeeklyReport.Status.SUBMITTED && report.data != null) {
            return Uni.createFrom().item(view(rep, weekStart, report, json.convertValue(report.data, WeeklyReportView.Data.class)));
        }
        return data(rep, weekStart).map(data -> view(rep, weekStart, report, data));
    }

    private static WeeklyReportView view(KpiQueries.Rep rep, LocalDate weekStart, WeeklyReport r, WeeklyReportView.Data data) {
        if (r == null) {
            return new WeeklyReportView(rep.id(), rep.displayName(), label(weekStart), weekStart, data, null, null, null, null, null, null,
                    null, null, null);
        }
        return new WeeklyReportView(rep.id(), rep.displayName(), label(weekStart), weekStart, data, r.behaviour, r.problems, r.supportNeeded,
                r.status, r.submittedAt, r.managerComment, r.commentedBy, r.commentedAt, r.version);
    }

    /** The week's numbers, and the approved targets of the month the week starts in with the month's actuals up to the week's end. */
    private Uni<WeeklyReportView.Data> data(KpiQueries.Rep rep, LocalDate weekStart) {
        ZoneId zone = caller.zone();
        Instant from = weekStart.atStartOfDay(zone).toInstant();
        Instant to = weekStart.plusDays(7).atStartOfDay(zone).toInstant();
        Period month = Period.containing(Period.Kind.MONTH, weekStart);
        List<UUID> ids = List.of(rep.id());
        Instant monthFrom = month.start().atStartOfDay(zone).toInstant();
        Instant monthTo = to.isBefore(month.end().atStartOfDay(zone).toInstant()) ? to : month.end().atStartOfDay(zone).toInstant();
        return kpis.numbers(ids, from, to, zone)
                .chain(week -> kpis.stageMoves(ids, from, to)
                        .chain(moves -> kpis.dealMoves(ids, from, to)
                                .chain(dealMoves -> targets.approvedForReps(ids, month)
                                        .chain(approved -> kpis.numbers(ids, monthFrom, monthTo, zone)
                                                .map(monthSoFar -> data(week.get(rep.id()), moves.getOrDefault(rep.id(), 0L),
                                                        dealMoves.getOrDefault(rep.id(), 0L), month,
                                                        KpiService.achievements(approved, monthSoFar.get(rep.id()))))))));
    }

    private static WeeklyReportView.Data data(RepNumbers n, long moves, long dealMoves, Period month, List<KpiReport.Achievement> targets) {
        return new WeeklyReportView.Data(n.visits, n.effectiveVisits, n.newCustomers, moves, n.followUpsDue, n.followUpsOnTime,
                KpiMath.rate(n.followUpsOnTime, n.followUpsDue), month == null ? null : month.label(), targets, n.dealsWon, n.dealsLost,
                dealMoves, KpiMath.money(n.revenue), KpiMath.money(n.received));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
