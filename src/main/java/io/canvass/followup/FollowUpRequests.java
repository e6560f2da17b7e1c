package io.canvass.followup;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the follow-up endpoints. */
@RegisterForReflection
public final class FollowUpRequests {

    private FollowUpRequests() {
    }

    @Schema(name = "FollowUpRecord", description = "What happened at a touch (跟进记录)")
    public record Complete(
            @NotNull FollowUp.Channel channel,
            @NotBlank @Size(max = 4000) @Schema(description = "What happened") String summary,
            @Size(max = 4000) @Schema(description = "The customer's feedback") String feedback,
            @Size(max = 2000) @Schema(description = "How the customer's need changed") String needChange,
            @Size(max = 500) @Schema(description = "The next action agreed") String nextAction,
            @Schema(description = "Deadline of the next action; the next follow-up is due then instead of by cadence") LocalDate nextActionDue,
            @Schema(description = "When the touch happened (defaults to now); may be up to 7 days ago for records made offline") Instant doneAt) {
    }

    @Schema(name = "FollowUpSnooze")
    public record Snooze(@NotNull @Schema(description = "The new due day") LocalDate until,
                         @NotBlank @Size(max = 300) String reason) {
    }
}
