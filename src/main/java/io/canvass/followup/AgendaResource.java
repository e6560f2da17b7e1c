package io.canvass.followup;

import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/agenda")
@Tag(name = "Agenda")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {

    private final AgendaService service;

    public AgendaResource(AgendaService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
    @Operation(summary = "Your day", description = "Follow-ups due on the day (default: today in your time zone): overdue first, then by priority, each saying why it is there.")
    @APIResponse(responseCode = "200", description = "The agenda")
    public Uni<Agenda.Day> mine(@RestQuery LocalDate date) {
        return service.mine(date);
    }

    @GET
    @Path("/team")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Your team's day", description = "Per rep: overdue, due today, missed in 30 days and neglected customers; and the most urgent overdue follow-ups across the team.")
    @APIResponse(responseCode = "200", description = "The team agenda")
    public Uni<Agenda.Team> team(@RestQuery LocalDate date) {
        return service.team(date);
    }
}
