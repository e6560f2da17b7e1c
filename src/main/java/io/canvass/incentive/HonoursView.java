package io.canvass.incentive;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A month's honours for a team's subtree or the organisation; an honour nobody earned is absent. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Honours")
public record HonoursView(@Schema(example = "2026-11") String month, UUID teamId, @Schema(example = "CNY") String currency,
                          @Schema(description = "Highest revenue won in the month") Honour topSeller,
                          @Schema(description = "Highest revenue won among reps hired fewer than the configured days (90) before the month's last day") Honour bestNewcomer,
                          @Schema(description = "Largest rise of revenue-target achievement over the previous month") Honour mostImproved) {

    /** Who earned an honour and the figures that earned it. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Honour")
    public record Honour(UUID repId, String repName, UUID teamId, @Schema(example = "860000.00") String revenue, long dealsWon,
                         @Schema(example = "112.50") String achievement, @Schema(example = "74.00") String previousAchievement,
                         @Schema(description = "Percentage points", example = "38.50") String increase, LocalDate hiredOn) {
    }
}
