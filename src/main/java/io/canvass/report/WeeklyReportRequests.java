package io.canvass.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the weekly report. */
public final class WeeklyReportRequests {

    private WeeklyReportRequests() {
    }

    @Schema(description = "The rep's layers of the report; submit=true submits it (behaviour and problems then required)")
    public record Write(@Size(max = 4000) @Schema(description = "Key customers' progress and key actions") String behaviour,
                        @Size(max = 4000) @Schema(description = "Common problems and personal blockers") String problems,
                        @Size(max = 2000) @Schema(description = "Support needed from the team or above") String supportNeeded,
                        boolean submit, Integer version) {
    }

    @Schema(description = "The manager's comment")
    public record Comment(@NotBlank @Size(max = 2000) String comment) {
    }
}
