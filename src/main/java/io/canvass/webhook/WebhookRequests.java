package io.canvass.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the webhook endpoints. */
public final class WebhookRequests {

    private WebhookRequests() {
    }

    @Schema(name = "WebhookEndpointCreate")
    public record Create(
            @NotBlank @Size(max = 2000) @Schema(description = "https URL on a public address", example = "https://erp.example.com/hooks/canvass") String url,
            @Size(max = 500) String description,
            @NotEmpty @Size(max = 20) @Schema(description = "Event types to receive, e.g. checkin.created (see GET /api/v1/webhooks/event-types)")
            List<@NotBlank @Size(max = 60) String> eventTypes) {
    }

    @Schema(name = "WebhookEndpointUpdate", description = "Fields to change; absent fields stay. Setting active to true re-enables a disabled endpoint.")
    public record Update(
            @Size(min = 1, max = 2000) String url,
            @Size(max = 500) String description,
            @Size(min = 1, max = 20) List<@NotBlank @Size(max = 60) String> eventTypes,
            Boolean active) {
    }

    @Schema(name = "WebhookSecretRotation")
    public record Rotate(
            @Schema(description = "How long the previous secret keeps signing (ISO-8601, PT0S to 7 days); default 24 hours", example = "PT24H")
            Duration overlap) {
    }

    @Schema(name = "WebhookRedelivery")
    public record Redeliver(@NotNull @Schema(description = "Delivery to send again") java.util.UUID deliveryId) {
    }
}
