package io.canvass.deal;

import io.canvass.platform.ReplaySafe;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@Path("/api/v1/deals")
@Tag(name = "Deals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
public class DealResource {

    private final DealService service;

    public DealResource(DealService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Open a deal with a customer", description = "Amount and currency are a decimal and an ISO 4217 code; more decimals than the currency has are refused, never rounded.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "deal", value = """
            {"customerId":"01a2089c-dbe9-7325-bb07-3f6f590ce315","name":"二期产线改造","amount":"860000.00","currency":"CNY",
             "productLine":"自动化设备","expectedCloseOn":"2027-01-31"}""")))
    @APIResponse(responseCode = "201", description = "The deal", content = @Content(schema = @Schema(implementation = DealView.class)))
    public Uni<Response> create(@Valid @NotNull DealRequests.Create request) {
        return service.create(request).map(view -> Response.created(URI.create("/api/v1/deals/" + view.id()))
                .tag(ETags.of(view.version())).entity(view).build());
    }

    @GET
    @Operation(summary = "Deals in your scope, newest first", description = "Filter by customer, owner, team and stage.")
    @APIResponse(responseCode = "200", description = "A page of deals")
    public Uni<Page<DealView>> list(@RestQuery UUID customerId, @RestQuery UUID ownerId, @RestQuery UUID teamId,
                                    @RestQuery Deal.Stage stage, @RestQuery String cursor,
                                    @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(new DealQueries.Filter(customerId, ownerId, teamId, stage), cursor, limit);
    }

    @GET
    @Path("/pipeline")
    @Operation(summary = "The pipeline: deals by stage with counts and amounts per currency",
            description = "Your scope, or one rep (ownerId) or team (teamId) within it.")
    @APIResponse(responseCode = "200", description = "Every stage, in order, with its count and sums")
    public Uni<Pipeline> pipeline(@RestQuery UUID ownerId, @RestQuery UUID teamId) {
        return service.pipeline(ownerId, teamId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A deal with its stage history")
    @APIResponse(responseCode = "200", description = "The deal", content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(view -> Response.ok(view).tag(ETags.of(view.version())).build());
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a deal's name, amount, product line or expected close", description = "Send If-Match with the ETag; a closed deal's amount no longer changes.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "amount", value = """
            {"amount":"450000.00","expectedCloseOn":"2026-12-20"}""")))
    @APIResponse(responseCode = "200", description = "The changed deal", content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull DealRequests.Update request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch))
                .map(view -> Response.ok(view).tag(ETags.of(view.version())).build());
    }

    @POST
    @Path("/{id}/stage")
    @Operation(summary = "Move a deal to another stage", description = "Kept in the deal's history. LOST needs a reason; WON and LOST are final (409 afterwards).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "lost", value = """
            {"stage":"LOST","reason":"客户选择了竞品，价格差 12%"}""")))
    @APIResponse(responseCode = "200", description = "The deal in its new stage", content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> move(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull DealRequests.StageMove request) {
        return service.move(id, request, ETags.expectedVersion(ifMatch))
                .map(view -> Response.ok(view).tag(ETags.of(view.version())).build());
    }
}
