package io.canvass.contract.collection;

import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/collections")
@Tag(name = "Contracts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
public class CollectionResource {

    private final CollectionService service;

    public CollectionResource(CollectionService service) {
        this.service = service;
    }

    @GET
    @Path("/kpis")
    @Operation(summary = "Collection rate and collection cycle per rep, team or overall, per currency",
            description = "Rate: of the instalments due in the period, collected so far ÷ due (4 decimals). Cycle: for payments received in the period, days from the instalment's due day to receipt, weighted by amount (early = 0). The period defaults to the current month in your time zone; your scope, or one rep (ownerId) or team (teamId) within it.")
    @APIResponse(responseCode = "200", description = "One row per group and currency")
    public Uni<CollectionKpis.Report> kpis(@RestQuery LocalDate from, @RestQuery LocalDate to, @RestQuery CollectionKpis.GroupBy groupBy,
                                           @RestQuery UUID ownerId, @RestQuery UUID teamId) {
        return service.kpis(from, to, groupBy, ownerId, teamId);
    }
}
