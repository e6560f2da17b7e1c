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
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@ReplaySafe.AnswerAfterCommit
@Path("/api/v1/users")
@Tag(name = "Users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService service;

    public UserResource(UserService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
    @Operation(summary = "List the users in your scope", description = "Reps see themselves, managers their teams' subtrees, directors and admins everyone.")
    @APIResponse(responseCode = "200", description = "A page of users")
    public Uni<Page<UserView>> list(@RestQuery UUID teamId, @RestQuery Role role, @RestQuery Boolean active,
                                    @RestQuery @Size(max = 100) String q, @RestQuery String cursor,
                                    @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(new UserRepository.UserFilter(teamId, role, active, q), Cursor.decode(cursor), limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
    @Operation(summary = "Get a user", description = "The ETag header carries the version to send in If-Match when updating.")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(UserResource::withETag);
    }

    @POST
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Create a user", description = "Managers create reps in the teams they manage; directors anyone but admins; admins anyone.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rep", value = """
            {"email":"wang.fang@example.com","displayName":"王芳","password":"a-long-secret","role":"REP",
             "teamId":"0190b7e2-0000-7000-8000-000000000001","timeZone":"Asia/Shanghai","locale":"zh-CN"}""")))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> create(@Valid @NotNull UserRequests.Create request) {
        return service.create(request)
                .map(user -> Response.created(URI.create("/api/v1/users/" + user.id())).entity(user)
                        .tag(ETags.of(user.version())).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Change a user", description = "Send If-Match with the ETag you read to detect concurrent edits.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "move team", value = "{\"teamId\":\"01a2089c-dbe9-7325-bb07-3f6f590ce315\",\"phone\":\"13900001111\"}")))
    @APIResponse(responseCode = "200", description = "The changed user")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull UserRequests.Update request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch)).map(UserResource::withETag);
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Deactivate a user", description = "They can no longer sign in or refresh; their refresh tokens are revoked and their access tokens stop working (at once on this server, within seconds on every other).")
    @APIResponse(responseCode = "200", description = "The deactivated user")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> deactivate(@RestPath UUID id) {
        return service.setActive(id, false).map(UserResource::withETag);
    }

    @POST
    @Path("/{id}/reactivate")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Reactivate a user")
    @APIResponse(responseCode = "200", description = "The reactivated user")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> reactivate(@RestPath UUID id) {
        return service.setActive(id, true).map(UserResource::withETag);
    }

    static Response withETag(UserView user) {
        return Response.ok(user).tag(ETags.of(user.version())).build();
    }
}
