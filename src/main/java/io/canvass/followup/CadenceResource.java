package io.canvass.followup;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.ETags;
import io.canvass.platform.Items;
import io.canvass.platform.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@ReplaySafe
@Path("/api/v1/cadence-policies")
@Tag(name = "Cadence policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CadenceResource {

    private final CadenceService service;

    public CadenceResource(CadenceService service) {
        this.service = service;
    }

    @RegisterForReflection
    public record PolicyUpdate(@NotNull @Min(1) @Max(365) Integer intervalDays, @NotNull @Min(0) @Max(60) Integer missAfterDays) {
    }

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
    @Operation(summary = "The cadence policy", description = "How often customers of each grade and stage must be touched; a customer follows the tighter of the two unless it has an override.")
    @APIResponse(responseCode = "200", description = "Every policy row",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = CadenceService.PolicyView.class)),
                    examples = @ExampleObject(name = "policy", value = """
                    {"items":[{"kind":"GRADE","code":"A","intervalDays":7,"missAfterDays":2,"version":0},
                              {"kind":"STAGE","code":"HIGH_INTENT","intervalDays":5,"missAfterDays":2,"version":3}]}""")))
    public Uni<Items<CadenceService.PolicyView>> list() {
        return service.list().map(Items::of);
    }

    @PUT
    @Path("/{kind}/{code}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
    @Operation(summary = "Change a cadence rule", description = "Applies to follow-ups scheduled from now on (on every server within 30 seconds).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "weekly", value = "{\"intervalDays\":7,\"missAfterDays\":3}")))
    @APIResponse(responseCode = "200", description = "The changed rule")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<CadenceService.PolicyView> update(@RestPath CadencePolicy.Kind kind, @RestPath String code,
                                                 @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @Valid @NotNull PolicyUpdate request) {
        return service.update(kind, code, request.intervalDays(), request.missAfterDays(), ETags.expectedVersion(ifMatch));
    }
}
