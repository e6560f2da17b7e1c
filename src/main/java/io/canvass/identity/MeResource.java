package io.canvass.identity;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.Caller;
import io.canvass.platform.ETags;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

@ReplaySafe
@ReplaySafe.AnswerAfterCommit
@Path("/api/v1/me")
@Tag(name = "Me")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final UserService service;
    private final Caller caller;

    public MeResource(UserService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Who am I", description = "Your profile, role, team and the teams you manage.")
    @APIResponse(responseCode = "200", description = "Your profile", content = @Content(schema = @Schema(implementation = UserView.class)))
    public Uni<Response> me() {
        return service.me(caller.id()).map(UserResource::withETag);
    }

    @PATCH
    @Operation(summary = "Change your profile", description = "Display name, language, time zone and phone. Safe to replay.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "switch to English", value = "{\"locale\":\"en\"}")))
    @APIResponse(responseCode = "200", description = "Your changed profile", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull UserRequests.Profile request) {
        return service.updateProfile(caller.id(), request, ETags.expectedVersion(ifMatch)).map(UserResource::withETag);
    }

    @PUT
    @Path("/password")
    @ResponseStatus(204)
    @Operation(summary = "Change your password",
            description = "Signs you out everywhere, this session included: refresh tokens are revoked, and access tokens stop working at once on this server and within seconds on every other. Sign in again with the new password.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "change", value = "{\"currentPassword\":\"canvass-demo\",\"newPassword\":\"a-longer-passphrase\"}")))
    @APIResponse(responseCode = "204", description = "Changed")
    public Uni<Void> changePassword(@Valid @NotNull UserRequests.PasswordChange request) {
        return service.changePassword(caller.id(), request);
    }
}
