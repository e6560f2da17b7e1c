package io.canvass.kpi;

import io.canvass.platform.Role;
import io.canvass.target.Period;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/kpis")
@Tag(name = "KPIs")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private static final String PERIOD = "Period: 2026, 2026-Q4 or 2026-11 (days in your time zone). Indicators include proposals, "
            + "deals won and lost, win rate, revenue and average deal size per currency, collections per currency (due, collected, "
            + "rate, received) and the collection cycle in days; money targets are measured in their own currency, never converted.";

    private final KpiService service;
    private final io.canvass.platform.Caller caller;

    public KpiResource(KpiService service, io.canvass.platform.Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
    @Operation(summary = "Your indicators, achievement against your approved targets, funnel and weekly trend", description = PERIOD)
    @APIResponse(responseCode = "200", description = "Your dashboard")
    public Uni<KpiReport> me(@RestQuery @NotNull String period) {
        return service.me(Period.parse("period", period));
    }

    @GET
    @Path("/me/actions")
    @RolesAllowed(Role.REP_NAME)
    @Operation(summary = "Your action targets for the rest of the period (Today)",
            description = "From your approved targets and your own rates: effective visits a week still needed, and for new customers the visits a week at your visits-per-new-customer of the last 90 days. Period: this month when absent.")
    @APIResponse(responseCode = "200", description = "Your actions")
    public Uni<DailyActions> actions(@RestQuery String period) {
        return service.actions(period == null ? Period.containing(Period.Kind.MONTH, java.time.LocalDate.now(caller.zone()))
                : Period.parse("period", period));
    }

    @GET
    @Path("/users/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "A rep's dashboard", description = PERIOD)
    @APIResponse(responseCode = "200", description = "The rep's dashboard")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<KpiReport> rep(@RestPath UUID id, @RestQuery @NotNull String period) {
        return service.rep(id, Period.parse("period", period));
    }

    @GET
    @Path("/teams/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.INTEGRATION_NAME })
    @Operation(summary = "A team's dashboard: totals over its subtree's reps, achievement against the team's approved targets, funnel, trend and one row per rep", description = PERIOD)
    @APIResponse(responseCode = "200", description = "The team's dashboard")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<KpiReport> team(@RestPath UUID id, @RestQuery @NotNull String period) {
        return service.team(id, Period.parse("period", period));
    }

    @GET
    @Path("/organisation")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
    @Operation(summary = "The organisation's dashboard", description = PERIOD)
    @APIResponse(responseCode = "200", description = "The organisation's dashboard")
    public Uni<KpiReport> organisation(@RestQuery @NotNull String period) {
        return service.organisation(Period.parse("period", period));
    }
}
