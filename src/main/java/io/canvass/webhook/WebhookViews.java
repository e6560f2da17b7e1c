package io.canvass.webhook;

import io.canvass.platform.Secret;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook endpoints answer. */
public final class WebhookViews {

    private WebhookViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookEndpoint")
    public record Endpoint(UUID id, UUID ownerId, String url, String description, List<String> eventTypes,
                           @Schema(description = "Teams whose events it receives (an integration account's scope); absent: all") List<UUID> teamIds,
                           boolean active,
                           @Schema(description = "Since when every attempt has failed; absent when healthy") Instant failingSince,
                           @Schema(description = "Set when Canvass disabled it for failing too long: the notice to admins") Notice disabled,
                           @Schema(description = "Until when the previous secret also signs, after a rotation") Instant previousSecretValidUntil,
                           Instant createdAt, int version) {

        static Endpoint of(WebhookEndpoint e) {
            return new Endpoint(e.id, e.ownerId, e.url, e.description, List.of(e.eventTypes),
                    e.teamIds == null ? null : List.of(e.teamIds), e.active, e.failingSince,
                    e.disabledAt == null ? null : new Notice(e.disabledAt, e.disabledReason),
                    e.previousSecretUntil != null && e.previousSecretUntil.isAfter(Instant.now()) ? e.previousSecretUntil : null,
                    e.createdAt, e.version);
        }
    }

    @Schema(name = "WebhookDisabledNotice")
    public record Notice(Instant at, String reason) {
    }

    @Schema(name = "WebhookEndpointWithSecret", description = "Returned once, at creation or rotation: the secret is stored encrypted and never shown again")
    public record WithSecret(Endpoint endpoint,
                             @Secret @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookDelivery", description = "One event sent (or being sent) to one endpoint")
    public record Delivery(UUID id, UUID eventId, String eventType, Instant occurredAt,
                           @Schema(enumeration = { "PENDING", "DELIVERED", "FAILED" }) String status,
                           int attempts, Instant lastAttemptAt,
                           @Schema(description = "HTTP status of the last attempt; absent if it got no response") Integer lastStatus,
                           String lastError, Integer lastLatencyMs, Instant nextAttemptAt, Instant deliveredAt) {
    }

    @Schema(name = "WebhookEventTypeInfo")
    public record EventType(@Schema(example = "checkin.created") String type, String description,
                            @Schema(description = "Name of its data schema in components.schemas") String schema) {
    }
}
