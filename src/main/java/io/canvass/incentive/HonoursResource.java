package io.canvass.incentive;

import io.canvass.platform.Role;
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
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/honours")
@Tag(name = "Commission")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class HonoursResource {

    private final HonoursService service;

    public HonoursResource(HonoursService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A month's honours",
            description = "Top seller (highest revenue won), best newcomer (the same among reps hired fewer than canvass.incentives.newcomer-days before the month's last day) and most improved (largest rise of revenue-target achievement over the previous month), for the organisation or a team's subtree (404 for a team you neither manage nor belong to).")
    @APIResponse(responseCode = "200", description = "The honours; one nobody earned is absent")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<HonoursView> honours(@RestQuery UUID team, @RestQuery @NotNull String month) {
        return service.honours(team, month);
    }
}
