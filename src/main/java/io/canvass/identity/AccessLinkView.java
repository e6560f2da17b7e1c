package io.canvass.identity;

import io.canvass.platform.Secret;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An invite or password-reset link as issued. The token is answered once, to whoever issued it:
 * a replay of the same Idempotency-Key answers the link without it (issue a new one to see one).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AccessLink")
public record AccessLinkView(
        UUID userId,
        AccessLink.Purpose purpose,
        @Secret @Schema(description = "The one-time token; absent in a replayed answer") String token,
        @Schema(description = "The app's page that opens the link, relative to the app's address; the token travels in the fragment, "
                + "which browsers never send to a server; absent in a replayed answer", example = "/welcome#token=3q2-7w…") @Secret String path,
        Instant expiresAt) {

    /** The page of the app that opens a link; the token goes in the fragment so that no server or log sees it. */
    static final String PAGE = "/welcome#token=";

    static AccessLinkView of(AccessLink link, String token) {
        return new AccessLinkView(link.userId, link.purpose, token, PAGE + token, link.expiresAt);
    }
}
