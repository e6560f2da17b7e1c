package io.canvass.expense;

import io.canvass.platform.Caller;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * The expense report: spend against budget per team, category and month, and return on spend,
 * over whole months in the caller's time zone, for one team and the teams below it (or the
 * caller's whole scope). For managers, directors, admins and finance approvers.
 */
@ApplicationScoped
public class ExpenseReportService {

    @Inject
    ExpenseQueries queries;

    @Inject
    ExpenseActors actors;

    @Inject
    ExpenseConfig config;

    @Inject
    Caller caller;

    public Uni<ExpenseViews.Report> report(UUID teamId, YearMonth from, YearMonth to) {
        ZoneId zone = caller.zone();
        YearMonth now = YearMonth.now(zone);
        YearMonth first = from == null ? (to == null ? now : to) : from;
        YearMonth last = to == null ? (from == null ? now : from.isAfter(now) ? from : now) : to;
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", "is before from");
        }
        if (first.plusMonths(config.maxReportMonths()).isBefore(last.plusMonths(1))) {
            throw ProblemException.invalid("to", "a report covers at most " + config.maxReportMonths() + " months");
        }
        return actors.current().chain(actor -> {
            if (actor.scope().role() == Role.REP && !actor.finance()) {
                throw ProblemException.forbidden("The expense report is for managers, directors and finance");
            }
            if (teamId != null && !actor.seesAll() && !actor.scope().coversTeam(teamId)) {
                throw ProblemException.notFound("Team");
            }
            Uni<Set<UUID>> teams = teamId != null ? queries.teamsUnder(teamId) : Uni.createFrom().item(actor.scope().teams());
            boolean all = teamId == null && actor.seesAll();
            return teams.chain(set -> queries.report(teamId, all, set, first, last,
                    first.atDay(1).atStartOfDay(zone).toOffsetDateTime(), last.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime()));
        });
    }
}
