package io.canvass.notify.push;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Push subscriptions at the API boundary. */
public final class PushSubscriptions {

    private PushSubscriptions() {
    }

    @Schema(description = "A browser's PushSubscription (its toJSON()), with a label for the device")
    public record Request(@NotBlank @Size(max = 2048) String endpoint, @NotNull @Valid Keys keys,
                          @Size(max = 120) String label) {
    }

    @Schema(description = "The subscription's keys, base64url")
    public record Keys(@NotBlank @Size(max = 200) @Schema(description = "A P-256 public key, 65 bytes, base64url (or base64)",
                               pattern = "^\\s*[A-Za-z0-9+/_-]{87}=?\\s*$") String p256dh,
                       @NotBlank @Size(max = 100) @Schema(description = "16 bytes, base64url (or base64)",
                               pattern = "^\\s*[A-Za-z0-9+/_-]{22}(==)?\\s*$") String auth) {
    }

    @Schema(description = "A device that receives your reminders")
    public record View(UUID id, String label, @Schema(description = "The push service's host") String service, Instant createdAt,
                       Instant lastUsedAt) {
    }

    @Schema(description = "The application server key for PushManager.subscribe")
    public record PublicKey(boolean enabled, String publicKey) {
    }
}
