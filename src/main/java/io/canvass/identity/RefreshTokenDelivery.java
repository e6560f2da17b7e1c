package io.canvass.identity;

import io.canvass.platform.ProblemException;
import io.canvass.platform.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * How a refresh token travels: in the JSON body for API clients, or only in an HttpOnly,
 * Secure, SameSite=Strict cookie scoped to the auth path for browser apps that ask for it with
 * {@value AuthResource#DELIVERY_HEADER}{@code : cookie} (see src/docs/security.md).
 */
@ApplicationScoped
public class RefreshTokenDelivery {

    private final AuthConfig config;

    public RefreshTokenDelivery(AuthConfig config) {
        this.config = config;
    }

    /** Whether the caller asked for the refresh token as a cookie; 400 for a value other than cookie or body. */
    static boolean asCookie(String delivery) {
        if (delivery == null || delivery.isBlank() || delivery.trim().equalsIgnoreCase("body")) {
            return false;
        }
        if (delivery.trim().equalsIgnoreCase("cookie")) {
            return true;
        }
        throw ProblemException.invalid(AuthResource.DELIVERY_HEADER, "must be cookie or body");
    }

    /**
     * The refresh token of a refresh or sign-out. From the body unless the caller uses the cookie; in
     * cookie mode a token still in the body (a browser that signed in before cookies) wins, and the
     * request must be JSON, which a form on another site cannot send.
     */
    static String presented(boolean cookieMode, String cookie, String contentType, AuthResource.RefreshRequest request) {
        String inBody = request == null || request.refreshToken() == null || request.refreshToken().isBlank() ? null : request.refreshToken();
        if (!cookieMode) {
            if (inBody == null) {
                throw ProblemException.invalid("refreshToken", "must not be blank");
            }
            return inBody;
        }
        if (!isJson(contentType)) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
        }
        if (inBody != null) {
            return inBody;
        }
        return cookie == null || cookie.isBlank() ? null : cookie;
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The pair as asked: all in the body, or the refresh token only in its cookie. */
    RestResponse<TokenPair> deliver(boolean cookieMode, TokenPair pair) {
        if (!cookieMode || pair.refreshToken() == null) {
            return RestResponse.ok(pair);
        }
        TokenPair withoutRefresh = new TokenPair(pair.accessToken(), pair.tokenType(), pair.expiresIn(), null);
        return RestResponse.ResponseBuilder.ok(withoutRefresh)
                .header(HttpHeaders.SET_COOKIE, refreshCookie(pair.refreshToken()))
                .build();
    }

    private String refreshCookie(String refreshToken) {
        return AuthResource.COOKIE + "=" + refreshToken + "; Path=" + AuthResource.COOKIE_PATH + "; Max-Age=" + config.refreshTokenTtl().toSeconds()
                + "; HttpOnly; Secure; SameSite=Strict";
    }

    static String clearedCookie() {
        return AuthResource.COOKIE + "=; Path=" + AuthResource.COOKIE_PATH + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict";
    }
}
