package io.canvass.report;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.ETags;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@Path("/api/v1/reports/weekly")
@Tag(name = "Reports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class WeeklyReportResource {

    private static final String WEEK = "week: 2026-W48 or any day of it (2026-11-25); this week when absent";

    private final WeeklyReportService service;

    public WeeklyReportResource(WeeklyReportService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A rep's weekly report: the data layer from the records and the rep's layers",
            description = "user: the rep (you when absent); " + WEEK + ". Until submitted the data layer is live; then it is as submitted.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<WeeklyReportView> get(@RestQuery UUID user, @RestQuery String week) {
        return service.get(user, service.weekStart(week));
    }

    @PUT
    @RequestBody(content = @Content(examples = @ExampleObject(name = "report", value = """
            {"behaviour":"重点推进华信科技方案，完成两次演示","problems":"报价审批周期长","supportNeeded":"请经理协助加快报价审批","submit":true}""")))
    @RolesAllowed(Role.REP_NAME)
    @Operation(summary = "Write your report's behaviour and problem layers, and submit it", description = WEEK)
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<WeeklyReportView> write(@RestQuery String week, @RestHeader("If-Match") String ifMatch,
                                       @Valid @NotNull WeeklyReportRequests.Write request) {
        return service.write(service.weekStart(week), request, ETags.expectedVersion(ifMatch));
    }

    @POST
    @Path("/comment")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "comment", value = """
            {"comment":"华信科技的报价我来协调，下周重点跟进两家A类客户"}""")))
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Comment on a rep's submitted report", description = "user: the rep; " + WEEK)
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<WeeklyReportView> comment(@RestQuery @NotNull UUID user, @RestQuery String week,
                                         @Valid @NotNull WeeklyReportRequests.Comment request) {
        return service.comment(user, service.weekStart(week), request);
    }

    @GET
    @Path("/team")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "A team's week: every rep's report (or live data when not written) and the totals", description = WEEK)
    @APIResponse(responseCode = "200", description = "The team's reports")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<WeeklyReportView.Team> team(@RestQuery @NotNull UUID teamId, @RestQuery String week) {
        return service.team(teamId, service.weekStart(week));
    }
}
