package io.canvass.incentive;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
@Path("/api/v1/commission/plans")
@Tag(name = "Commission")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class CommissionPlanResource {

    static final String EXAMPLE = """
            {"name":"华东月度提成","periodKind":"MONTH","teamId":"01a2089c-dbe9-7325-bb07-3f6f590ce316","base":"REVENUE_WON","currency":"CNY",
             "cap":"50000.00",
             "tiers":[{"from":0,"to":80,"rate":0},{"from":80,"to":100,"rate":"2"},{"from":100,"to":120,"rate":"3"},
                      {"from":120,"rate":"3","extraRate":"2"}],
             "oneOffs":[{"kind":"DEAL_WON_ABOVE","above":"500000.00","reward":"2000.00"},{"kind":"KEY_ACCOUNT_WON","reward":"1000.00"}]}""";

    private final PlanService service;

    public CommissionPlanResource(PlanService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Create a commission plan",
            description = "For a role (appliesToRole) or a team's subtree (teamId), by month or quarter. Tiers start at 0 %, each where the one before ends, the last open-ended; a tier includes its lower bound (exactly 80 % is in the 80–100 tier). One plan per team or role and period kind (409).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "tiered plan", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The plan, with its version as ETag", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> create(@Valid @NotNull PlanRequests request) {
        return service.create(request)
                .map(p -> Response.created(URI.create("/api/v1/commission/plans/" + p.id())).entity(p).tag(ETags.of(p.version())).build());
    }

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
    @Operation(summary = "Commission plans")
    @APIResponse(responseCode = "200", description = "A page of plans")
    public Uni<Page<PlanView>> list(@RestQuery String cursor,
                                    @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(Cursor.decode(cursor), limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
    @Operation(summary = "A commission plan")
    @APIResponse(responseCode = "200", description = "The plan, with its version as ETag", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(p -> Response.ok(p).tag(ETags.of(p.version())).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a commission plan", description = "Send the version in If-Match (or in the body). Open periods are computed with the new plan; frozen statements keep theirs.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "tiered plan", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The plan, with its new version as ETag", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestPath UUID id, @RestHeader("If-Match") String ifMatch, @Valid @NotNull PlanRequests request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch)).map(p -> Response.ok(p).tag(ETags.of(p.version())).build());
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete a commission plan", description = "Frozen statements keep the plan they were computed with.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Void> delete(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(id, ETags.expectedVersion(ifMatch));
    }
}
