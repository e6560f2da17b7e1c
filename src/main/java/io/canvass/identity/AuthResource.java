package io.canvass.identity;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.ProblemException;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

@ReplaySafe
@Path("/api/v1/auth")
@Tag(name = "Authentication")
@PermitAll
@SecurityRequirements
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** The request header with which a browser app asks for its refresh token as a cookie ({@code cookie}) rather than in the body. */
    public static final String DELIVERY_HEADER = "X-Refresh-Token-Delivery";

    /** The refresh token's cookie; the __Secure- prefix makes browsers refuse it unless it is Secure and set over https. */
    public static final String COOKIE = "__Secure-canvass-refresh";

    /** Sent back only to the auth endpoints (refresh, logout), never to the rest of the API or the app's pages. */
    public static final String COOKIE_PATH = "/api/v1/auth";

    static final String DELIVERY_DOC = "`cookie`: the refresh token travels only in the HttpOnly `" + COOKIE + "` cookie (browser apps); "
            + "`body` or absent: in the JSON body (API clients)";

    static final String SET_COOKIE_DOC = "With " + DELIVERY_HEADER + ": cookie only: `" + COOKIE + "=…; Path=" + COOKIE_PATH
            + "; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict`";

    static final String BODY_EXAMPLE = "{\"accessToken\":\"eyJ…\",\"tokenType\":\"Bearer\",\"expiresIn\":900,\"refreshToken\":\"rt_…\"}";

    static final String COOKIE_EXAMPLE = "{\"accessToken\":\"eyJ…\",\"tokenType\":\"Bearer\",\"expiresIn\":900}";

    private final AuthService auth;
    private final TokenService tokens;
    private final RefreshTokenDelivery tokenDelivery;
    private final AccessLinkService accessLinks;

    public AuthResource(AuthService auth, TokenService tokens, RefreshTokenDelivery tokenDelivery, AccessLinkService accessLinks) {
        this.auth = auth;
        this.tokens = tokens;
        this.tokenDelivery = tokenDelivery;
        this.accessLinks = accessLinks;
    }

    @RegisterForReflection
    public record LoginRequest(@NotBlank @Email @Size(max = 254) String email,
                               @NotBlank @Size(max = 200) String password) {
    }

    @RegisterForReflection
    public record RefreshRequest(
            @Size(max = 200) @Schema(description = "Required unless the refresh token comes in its cookie (" + DELIVERY_HEADER + ": cookie)") String refreshToken) {
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
            description = "Returns a 15-minute access token and a single-use refresh token (30 days by default). Repeated failures pause sign-in to that account from the client address they come from, and past a ceiling from every address that failed, never from an address that has not (429 with Retry-After).\n\n"
                    + "Browser apps send `" + DELIVERY_HEADER + ": cookie`: the refresh token then comes only as an HttpOnly, Secure, SameSite=Strict cookie `"
                    + COOKIE + "` scoped to `" + COOKIE_PATH + "`, never in the body, so no script in the page can read it. API clients leave the header out "
                    + "(or send `body`) and get the refresh token in the body.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "demo rep", value = "{\"email\":\"li.na@demo.canvass.io\",\"password\":\"canvass-demo\"}")))
    @APIResponse(responseCode = "200", description = "Signed in",
            headers = @Header(name = "Set-Cookie", description = SET_COOKIE_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPair.class), examples = {
                    @ExampleObject(name = "body delivery", value = BODY_EXAMPLE),
                    @ExampleObject(name = "cookie delivery", description = "With " + DELIVERY_HEADER + ": cookie; the refresh token is in Set-Cookie", value = COOKIE_EXAMPLE) }))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Uni<RestResponse<TokenPair>> login(
            @Parameter(description = DELIVERY_DOC, schema = @Schema(enumeration = { "cookie", "body" })) @RestHeader(DELIVERY_HEADER) String delivery,
            @Valid @NotNull LoginRequest request) {
        boolean cookie = RefreshTokenDelivery.asCookie(delivery);
        return auth.login(request.email(), request.password())
                .map(pair -> tokenDelivery.deliver(cookie, pair));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Trade a refresh token for a new token pair",
            description = "The presented refresh token is spent. Presenting a spent token again revokes its whole chain.\n\n"
                    + "API clients send the refresh token in the body. Browser apps send `" + DELIVERY_HEADER + ": cookie` with a JSON body (`{}`): the token is "
                    + "read from the `" + COOKIE + "` cookie and the next one comes back only as that cookie. The cookie is never read without the header, "
                    + "and it is SameSite=Strict, so another site cannot make a browser refresh.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "refresh", value = "{\"refreshToken\":\"rt_…\"}"),
            @ExampleObject(name = "cookie", description = "With " + DELIVERY_HEADER + ": cookie and the " + COOKIE + " cookie", value = "{}") }))
    @APIResponse(responseCode = "200", description = "New tokens",
            headers = @Header(name = "Set-Cookie", description = SET_COOKIE_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPair.class), examples = {
                    @ExampleObject(name = "body delivery", value = BODY_EXAMPLE),
                    @ExampleObject(name = "cookie delivery", value = COOKIE_EXAMPLE) }))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<TokenPair>> refresh(
            @Parameter(description = DELIVERY_DOC, schema = @Schema(enumeration = { "cookie", "body" })) @RestHeader(DELIVERY_HEADER) String delivery,
            @Parameter(description = "The refresh token, for browser apps; read only with " + DELIVERY_HEADER + ": cookie") @RestCookie(COOKIE) String cookie,
            @Parameter(hidden = true) @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @Valid RefreshRequest request) {
        boolean cookieMode = RefreshTokenDelivery.asCookie(delivery);
        String presented = RefreshTokenDelivery.presented(cookieMode, cookie, contentType, request);
        if (presented == null) {
            return Uni.createFrom().failure(ProblemException.unauthorized("No refresh token; sign in again"));
        }
        return tokens.refresh(presented)
                .map(pair -> tokenDelivery.deliver(cookieMode, pair));
    }

    @POST
    @Path("/access-links/inspect")
    @Operation(summary = "Read an invite or password-reset link",
            description = "Who the link is for, so that the page opening it can greet them before they choose a password. "
                    + "Unknown tokens count as failed sign-ins from the client's address (429 with Retry-After when repeated).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "token", value = "{\"token\":\"3q2-7w…\"}")))
    @APIResponse(responseCode = "200", description = "The link works",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessLinkService.LinkInfo.class),
                    examples = @ExampleObject(name = "invite", value = "{\"purpose\":\"INVITE\",\"email\":\"wang.fang@example.com\",\"displayName\":\"王芳\",\"expiresAt\":\"2026-12-14T08:00:00Z\"}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "AccessLinkGone")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Uni<AccessLinkService.LinkInfo> inspectLink(@Valid @NotNull UserRequests.LinkToken request) {
        return accessLinks.inspect(request.token());
    }

    @POST
    @Path("/access-links/password")
    @Operation(summary = "Set your password with an invite or password-reset link",
            description = "Spends the link, sets the password (10 to 200 characters), signs the user out of every other session and signs them in: "
                    + "the answer is the same as signing in's, with `" + DELIVERY_HEADER + "` honoured. A used, expired or replaced link answers 410 "
                    + "with the reason in its type; unknown tokens count as failed sign-ins from the client's address.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "set password", value = "{\"token\":\"3q2-7w…\",\"password\":\"a-long-secret\"}")))
    @APIResponse(responseCode = "200", description = "Password set, signed in",
            headers = @Header(name = "Set-Cookie", description = SET_COOKIE_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPair.class), examples = {
                    @ExampleObject(name = "body delivery", value = BODY_EXAMPLE),
                    @ExampleObject(name = "cookie delivery", value = COOKIE_EXAMPLE) }))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "AccessLinkGone")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Uni<RestResponse<TokenPair>> setPasswordWithLink(
            @Parameter(description = DELIVERY_DOC, schema = @Schema(enumeration = { "cookie", "body" })) @RestHeader(DELIVERY_HEADER) String delivery,
            @Valid @NotNull UserRequests.LinkPassword request) {
        boolean cookie = RefreshTokenDelivery.asCookie(delivery);
        return accessLinks.redeem(request.token(), request.password())
                .map(pair -> tokenDelivery.deliver(cookie, pair));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Sign out", description = "Revokes the refresh-token chain and the access tokens issued along it (at once on this server, within seconds on every other). "
            + "With " + DELIVERY_HEADER + ": cookie the chain of the `" + COOKIE + "` cookie is revoked and the cookie cleared.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "sign out", value = "{\"refreshToken\":\"rt_…\"}"),
            @ExampleObject(name = "cookie", description = "With " + DELIVERY_HEADER + ": cookie and the " + COOKIE + " cookie", value = "{}") }))
    @APIResponse(responseCode = "204", description = "Signed out",
            headers = @Header(name = "Set-Cookie", description = "With " + DELIVERY_HEADER + ": cookie only, clears the refresh cookie: `" + COOKIE
                    + "=; Path=" + COOKIE_PATH + "; Max-Age=0; …; HttpOnly; Secure; SameSite=Strict`",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Uni<RestResponse<Void>> logout(
            @Parameter(description = DELIVERY_DOC, schema = @Schema(enumeration = { "cookie", "body" })) @RestHeader(DELIVERY_HEADER) String delivery,
            @Parameter(description = "The refresh token, for browser apps; read only with " + DELIVERY_HEADER + ": cookie") @RestCookie(COOKIE) String cookie,
            @Parameter(hidden = true) @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @Valid RefreshRequest request) {
        boolean cookieMode = RefreshTokenDelivery.asCookie(delivery);
        String presented = RefreshTokenDelivery.presented(cookieMode, cookie, contentType, request);
        Uni<Void> revoked = presented == null ? Uni.createFrom().voidItem() : tokens.revokeChain(presented);
        return revoked.map(v -> cookieMode
                ? RestResponse.ResponseBuilder.<Void> noContent().header(HttpHeaders.SET_COOKIE, RefreshTokenDelivery.clearedCookie()).build()
                : RestResponse.<Void> noContent());
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
