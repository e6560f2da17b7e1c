package io.canvass.identity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestForm;

@Path("/api/v1/auth")
@Tag(name = "Authentication")
@PermitAll
@SecurityRequirements
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final TokenService tokens;

    public AuthResource(AuthService auth, TokenService tokens) {
        this.auth = auth;
        this.tokens = tokens;
    }

    @RegisterForReflection
    public record LoginRequest(@NotBlank @Email @Size(max = 254) String email,
                               @NotBlank @Size(max = 200) String password) {
    }

    @RegisterForReflection
    public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @RegisterForReflection
    public record ClientCredentialsRequest(
            @NotNull @Pattern(regexp = "client_credentials", message = "must be client_credentials") String grantType,
            @NotBlank @Size(max = 100) String clientId,
            @NotBlank @Size(max = 200) String clientSecret) {
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in with email and password",
            description = "Returns a 15-minute access token and a single-use refresh token. Repeated failures for one account pause sign-in for it (429 with Retry-After).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "demo rep", value = "{\"email\":\"li.na@demo.canvass.io\",\"password\":\"canvass-demo\"}")))
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Uni<TokenPair> login(@Valid @NotNull LoginRequest request) {
        return auth.login(request.email(), request.password());
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Trade a refresh token for a new token pair",
            description = "The presented refresh token is spent. Presenting a spent token again revokes its whole chain.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "refresh", value = "{\"refreshToken\":\"rt_…\"}")))
    @APIResponse(responseCode = "200", description = "New tokens")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Uni<TokenPair> refresh(@Valid @NotNull RefreshRequest request) {
        return tokens.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @ResponseStatus(204)
    @Operation(summary = "Sign out", description = "Revokes the refresh-token chain; access tokens already issued expire on their own.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "sign out", value = "{\"refreshToken\":\"rt_…\"}")))
    @APIResponse(responseCode = "204", description = "Signed out")
    public Uni<Void> logout(@Valid @NotNull RefreshRequest request) {
        return tokens.revokeChain(request.refreshToken());
    }

    @POST
    @Path("/token")
    @Operation(summary = "Service-account token (client credentials)",
            description = "For integrations: exchanges a service account's client id and secret for an access token.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "client credentials",
            value = "{\"grantType\":\"client_credentials\",\"clientId\":\"svc_…\",\"clientSecret\":\"…\"}")))
    @APIResponse(responseCode = "200", description = "Access token")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Uni<TokenPair> token(@Valid @NotNull ClientCredentialsRequest request) {
        return auth.clientCredentials(request.clientId(), request.clientSecret());
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Service-account token (OAuth 2.0 form encoding)",
            description = "The same exchange with the form parameters of RFC 6749 section 4.4: grant_type, client_id, client_secret.")
    @RequestBody(content = @Content(mediaType = "application/x-www-form-urlencoded", examples = @ExampleObject(name = "form", value = "grant_type=client_credentials&client_id=svc_…&client_secret=…")))
    @APIResponse(responseCode = "200", description = "Access token")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Uni<TokenPair> tokenForm(
            @RestForm("grant_type") @NotNull @Pattern(regexp = "client_credentials", message = "must be client_credentials") String grantType,
            @RestForm("client_id") @NotBlank @Size(max = 100) String clientId,
            @RestForm("client_secret") @NotBlank @Size(max = 200) String clientSecret) {
        return auth.clientCredentials(clientId, clientSecret);
    }
}
