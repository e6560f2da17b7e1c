package io.canvass.followup;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.jboss.resteasy.reactive.RestPath;

@ReplaySafe
@Path("/api/v1/follow-ups")
@Tag(name = "Follow-ups")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
public class FollowUpResource {

    private final FollowUpService service;

    public FollowUpResource(FollowUpService service) {
        this.service = service;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a follow-up")
    @APIResponse(responseCode = "200", description = "The follow-up")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<FollowUpView> get(@RestPath UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Record a follow-up (跟进记录)",
            description = "Marks it done with what happened and schedules the next one: on the next action's deadline if given, else by the customer's cadence. Replaying the same record returns the done follow-up without scheduling again.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "call", value = """
            {"channel":"CALL","summary":"确认了二季度采购计划","feedback":"对价格敏感","needChange":"数量从 50 台增至 80 台",
             "nextAction":"发送报价单","nextActionDue":"2026-12-01"}""")))
    @APIResponse(responseCode = "200", description = "The done follow-up")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<FollowUpView> complete(@RestPath UUID id, @Valid @NotNull FollowUpRequests.Complete request) {
        return service.complete(id, request);
    }

    @POST
    @Path("/{id}/snooze")
    @Operation(summary = "Snooze or reschedule a follow-up", description = "Needs a reason; the day must be between today and a year ahead.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "next week", value = "{\"until\":\"2026-12-01\",\"reason\":\"客户出差，下周再联系\"}")))
    @APIResponse(responseCode = "200", description = "The snoozed follow-up")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<FollowUpView> snooze(@RestPath UUID id, @Valid @NotNull FollowUpRequests.Snooze request) {
        return service.snooze(id, request);
    }
}
