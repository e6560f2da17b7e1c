package io.canvass.identity;

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
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@Path("/api/v1/teams")
@Tag(name = "Teams")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
public class TeamResource {

    private final TeamService service;

    public TeamResource(TeamService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.INTEGRATION_NAME })
    @Operation(summary = "List teams in your scope", description = "Flat list; build the tree from parentId. Managers see the subtrees they manage.")
    @APIResponse(responseCode = "200", description = "A page of teams")
    public Uni<Page<TeamView>> list(@RestQuery String cursor,
                                    @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(Cursor.decode(cursor), limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.INTEGRATION_NAME })
    @Operation(summary = "Get a team")
    @APIResponse(responseCode = "200", description = "The team", content = @Content(schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(TeamResource::withETag);
    }

    @POST
    @Operation(summary = "Create a team")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "region", value = "{\"name\":\"华东大区\",\"kind\":\"REGION\"}")))
    @APIResponse(responseCode = "201", description = "Created (or the original response, replayed)", content = @Content(schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> create(@Valid @NotNull TeamRequests.Write request) {
        return service.create(request)
                .map(team -> Response.created(URI.create("/api/v1/teams/" + team.id())).entity(team).tag(ETags.of(team.version())).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Rename or move a team", description = "A team cannot move under its own subtree.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename", value = "{\"name\":\"华东一区\",\"parentId\":null,\"kind\":\"REGION\"}")))
    @APIResponse(responseCode = "200", description = "The changed team", content = @Content(schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull TeamRequests.Write request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch)).map(TeamResource::withETag);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Delete an empty team", description = "Refused (409) while the team has sub-teams or members.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Void> delete(@RestPath UUID id) {
        return service.delete(id);
    }

    @PUT
    @Path("/{id}/managers")
    @Operation(summary = "Set the managers of a team", description = "Replaces the list; each must be an active MANAGER.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one manager", value = "{\"userIds\":[\"01a2089c-dbe9-7325-bb07-3f6f590ce315\"]}")))
    @APIResponse(responseCode = "200", description = "The team with its managers")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<TeamView> setManagers(@RestPath UUID id, @Valid @NotNull TeamRequests.Managers request) {
        return service.setManagers(id, request.userIds());
    }

    private static Response withETag(TeamView team) {
        return Response.ok(team).tag(ETags.of(team.version())).build();
    }
}
