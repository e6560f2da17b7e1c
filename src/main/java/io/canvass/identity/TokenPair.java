package io.canvass.identity;

import io.canvass.platform.Secret;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a successful sign-in or refresh returns. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Tokens: send accessToken as 'Authorization: Bearer …'; trade the refresh token for a new pair before it expires")
public record TokenPair(
        @Secret @Schema(description = "Short-lived JWT for the Authorization header") String accessToken,
        @Schema(description = "Always Bearer", example = "Bearer") String tokenType,
        @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
        @Schema(description = "Opaque, single-use refresh token; absent for service accounts, and with X-Refresh-Token-Delivery: cookie (it is then only in the HttpOnly cookie)") @Secret String refreshToken) {
}
