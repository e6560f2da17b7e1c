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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.ResponseStatus;
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
    private final AccessLinkService accessLinks;

    public UserResource(UserService service, AccessLinkService accessLinks) {
        this.service = service;
        this.accessLinks = accessLinks;
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
    @APIResponse(responseCode = "200", description = "The user", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(UserResource::withETag);
    }

    @POST
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Create or invite a user", description = "Managers create reps in the teams they manage; directors anyone but admins; admins anyone.\n\n"
            + "Without a password the user is invited: the answer's `invite` holds a one-time link (`path`, relative to the app's address, "
            + "valid 7 days by default) with which they set their own password; share it with them. With a password (integrations) "
            + "the user can sign in at once. Sent again with its Idempotency-Key, the answer's invite comes without its token.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "invite a rep", value = """
                    {"email":"wang.fang@example.com","displayName":"王芳","role":"REP",
                     "teamId":"0190b7e2-0000-7000-8000-000000000001","timeZone":"Asia/Shanghai","locale":"zh-CN"}"""),
            @ExampleObject(name = "with a password", value = """
                    {"email":"wang.fang@example.com","displayName":"王芳","password":"a-long-secret","role":"REP",
                     "teamId":"0190b7e2-0000-7000-8000-000000000001","timeZone":"Asia/Shanghai","locale":"zh-CN"}""") }))
    @APIResponse(responseCode = "201", description = "Created (or the original response, replayed)",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> create(@Valid @NotNull UserRequests.Create request) {
        return service.create(request)
                .map(user -> Response.created(URI.create("/api/v1/users/" + user.id())).entity(user).tag(ETags.of(user.version())).build());
    }

    @POST
    @Path("/{id}/invite")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Issue a new invite link", description = "For a user who has not set a password yet. The previous link stops working. "
            + "Who may manage the user may invite them (admins anyone, directors anyone but admins, managers the reps of their teams). "
            + "Sent again with its Idempotency-Key, the link comes without its token.")
    @APIResponse(responseCode = "201", description = "The link; `path` opens it in the app",
            content = @Content(schema = @Schema(implementation = AccessLinkView.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @ResponseStatus(201)
    public Uni<AccessLinkView> invite(@RestPath UUID id) {
        return accessLinks.invite(id);
    }

    @POST
    @Path("/{id}/password-reset")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Issue a password-reset link", description = "Signs the user out everywhere and clears their password at once; "
            + "the link (valid 1 day by default) lets them choose a new one. The previous link stops working. Same rule as inviting: "
            + "admins anyone, directors anyone but admins, managers the reps of their teams, nobody themselves. "
            + "Sent again with its Idempotency-Key, the link comes without its token.")
    @APIResponse(responseCode = "201", description = "The link; `path` opens it in the app",
            content = @Content(schema = @Schema(implementation = AccessLinkView.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @ResponseStatus(201)
    public Uni<AccessLinkView> passwordReset(@RestPath UUID id) {
        return accessLinks.reset(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Change a user", description = "Send If-Match with the ETag you read to detect concurrent edits.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "move team", value = "{\"teamId\":\"01a2089c-dbe9-7325-bb07-3f6f590ce315\",\"phone\":\"13900001111\"}")))
    @APIResponse(responseCode = "200", description = "The changed user", content = @Content(schema = @Schema(implementation = UserView.class)))
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
    @APIResponse(responseCode = "200", description = "The deactivated user", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> deactivate(@RestPath UUID id) {
        return service.setActive(id, false).map(UserResource::withETag);
    }

    @POST
    @Path("/{id}/reactivate")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Reactivate a user")
    @APIResponse(responseCode = "200", description = "The reactivated user", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> reactivate(@RestPath UUID id) {
        return service.setActive(id, true).map(UserResource::withETag);
    }

    static Response withETag(UserView user) {
        return Response.ok(user).tag(ETags.of(user.version())).build();
    }
}
