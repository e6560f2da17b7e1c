package io.canvass.notify;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message in the in-app inbox. */
@Schema(description = "A notification in your inbox")
public record NotificationView(UUID id, String kind, String title, String body,
                               @Schema(description = "Path of the app screen it is about") String link,
                               Instant createdAt, Instant readAt) {
}
