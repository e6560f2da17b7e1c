package io.canvass.identity;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.Cursor;
import io.canvass.platform.Page;
import io.canvass.platform.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@ReplaySafe.AnswerAfterCommit
@Path("/api/v1/service-accounts")
@Tag(name = "Service accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ServiceAccountResource {

    private final ServiceAccountService service;

    public ServiceAccountResource(ServiceAccountService service) {
        this.service = service;
    }

    @RegisterForReflection
    public record CreateRequest(@NotBlank @Size(max = 120) String name,
                                UUID teamId,
                                @Size(max = 5) java.util.Set<ServiceAccountService.@NotNull Grant> grants) {
    }

    @RegisterForReflection
    public record GrantsRequest(@NotNull @Size(max = 5) java.util.Set<ServiceAccountService.@NotNull Grant> grants) {
    }

    @POST
    @Operation(summary = "Create a service account",
            description = "Returns the client id and the secret. The secret is shown only now; trade both at POST /api/v1/auth/token. A teamId limits the account to that team's subtree. grants: PAYROLL lets it export commission statements.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "ERP", value = "{\"name\":\"ERP sync\"}"),
            @ExampleObject(name = "payroll", value = "{\"name\":\"Payroll export\",\"grants\":[\"PAYROLL\"]}") }))
    @APIResponse(responseCode = "201", description = "Created, with the secret", content = @Content(schema = @Schema(implementation = ServiceAccountService.Issued.class)))
    public Uni<Response> create(@Valid @NotNull CreateRequest request) {
        return service.create(request.name(), request.teamId(), request.grants())
                .map(issued -> Response.created(URI.create("/api/v1/service-accounts/" + issued.id())).entity(issued).build());
    }

    @GET
    @Operation(summary = "List service accounts")
    @APIResponse(responseCode = "200", description = "A page of service accounts (never their secrets)")
    public Uni<Page<ServiceAccountService.View>> list(@RestQuery String cursor,
                                                     @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(Cursor.decode(cursor), limit);
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Rotate the secret", description = "The old secret and every access token issued with it stop working (at once on this server, within seconds on every other); the new secret is shown only now.")
    @APIResponse(responseCode = "200", description = "The new secret")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ServiceAccountService.Issued> rotate(@RestPath UUID id) {
        return service.rotateSecret(id);
    }

    @PUT
    @Path("/{id}/grants")
    @Operation(summary = "Change a service account's grants",
            description = "Replaces what the account may do beyond reading its scope; takes effect at its next request. Setting the same grants again changes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "payroll", value = "{\"grants\":[\"PAYROLL\"]}")))
    @APIResponse(responseCode = "200", description = "The account with its new grants",
            content = @Content(schema = @Schema(implementation = ServiceAccountService.View.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ServiceAccountService.View> changeGrants(@RestPath UUID id, @Valid @NotNull GrantsRequest request) {
        return service.changeGrants(id, request.grants());
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(summary = "Deactivate a service account", description = "Its credentials stop working; tokens already issued expire on their own.")
    @APIResponse(responseCode = "200", description = "The deactivated account")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ServiceAccountService.View> deactivate(@RestPath UUID id) {
        return service.deactivate(id);
    }
}
