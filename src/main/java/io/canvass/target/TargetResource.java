package io.canvass.target;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.Cursor;
import io.canvass.platform.ETags;
import io.canvass.platform.Page;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@Path("/api/v1/targets")
@Tag(name = "Targets")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class TargetResource {

    private final TargetService service;

    public TargetResource(TargetService service) {
        this.service = service;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Plan a target (a draft)",
            description = "A root (usually the organisation's) or a child one level down with the parent's metric, period and currency. Children never add up to more than their parent (400 on value).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "team target", value = """
            {"parentId":"01a2089c-dbe9-7325-bb07-3f6f590ce315","period":"2026-12","level":"TEAM","teamId":"01a2089c-dbe9-7325-bb07-3f6f590ce316","metric":"EFFECTIVE_VISITS","value":400}""")))
    @APIResponse(responseCode = "201", description = "The draft", content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<TargetView> create(@Valid @NotNull TargetRequests.Create request) {
        return service.create(request);
    }

    @GET
    @Operation(summary = "Targets of a period in your scope", description = "Everyone sees the organisation's targets; reps their own and their team's; managers their teams' subtrees.")
    @APIResponse(responseCode = "200", description = "A page of targets")
    public Uni<Page<TargetView>> list(@RestQuery @NotNull String period, @RestQuery Target.Level level, @RestQuery UUID teamId,
                                      @RestQuery UUID userId, @RestQuery Target.Metric metric, @RestQuery Target.Status status,
                                      @RestQuery String cursor,
                                      @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(Period.parse("period", period), level, teamId, userId, metric, status, Cursor.decode(cursor), limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A target, with what its children add up to and the remainder")
    @APIResponse(responseCode = "200", description = "The target")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<TargetView> get(@RestPath UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/tree")
    @Operation(summary = "A target and its descendants you can see")
    @APIResponse(responseCode = "200", description = "The tree")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<TargetView> tree(@RestPath UUID id) {
        return service.tree(id);
    }

    @PATCH
    @RequestBody(content = @Content(examples = @ExampleObject(name = "value", value = """
            {"value":"1200000.00","remainderNote":"新人目标待定","version":0}""")))
    @Operation(summary = "Change a draft or returned plan", description = "Goes back to draft. Send the version (If-Match or in the body).")
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The changed draft")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<TargetView> update(@RestPath UUID id, @RestHeader("If-Match") String ifMatch, @Valid @NotNull TargetRequests.Update request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch));
    }

    @POST
    @RequestBody(content = @Content(examples = @ExampleObject(name = "submit", value = """
            {"remainderNote":"20万留给下月入职的新人"}""")))
    @Path("/{id}/submit")
    @Operation(summary = "Submit a plan for approval", description = "By its owner. When children exist and do not add up to the value, the remainder must be justified (remainderNote).")
    @APIResponse(responseCode = "200", description = "Submitted")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<TargetView> submit(@RestPath UUID id, @Valid TargetRequests.Submit request) {
        return service.submit(id, request);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Approve a submitted plan", description = "By the level above; never by whoever submitted it. Only approved targets count.")
    @APIResponse(responseCode = "200", description = "Approved")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<TargetView> approve(@RestPath UUID id) {
        return service.approve(id);
    }

    @POST
    @RequestBody(content = @Content(examples = @ExampleObject(name = "return", value = """
            {"comment":"华东大区目标偏低，请按去年同期增长15%重新分解"}""")))
    @Path("/{id}/return")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Return a submitted plan to its owner with a comment")
    @APIResponse(responseCode = "200", description = "Returned")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<TargetView> returnPlan(@RestPath UUID id, @Valid @NotNull TargetRequests.Return request) {
        return service.returnPlan(id, request);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Delete a draft or returned plan without children")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Void> delete(@RestPath UUID id) {
        return service.delete(id);
    }
}
