package io.canvass.target;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the target API. */
public final class TargetRequests {

    private TargetRequests() {
    }

    @Schema(description = "A new target node (a draft)")
    public record Create(
            @Schema(description = "The node this one is part of (same metric and period, one level down); none for a root")
            UUID parentId,
            @NotBlank @Schema(description = "2026, 2026-Q4 or 2026-11", example = "2026-12") String period,
            @NotNull Target.Level level,
            @Schema(description = "The team (TEAM level)") UUID teamId,
            @Schema(description = "The rep (REP level)") UUID userId,
            @NotNull Target.Metric metric,
            @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal value,
            @Pattern(regexp = "[A-Z]{3}") @Schema(description = "ISO 4217 code, for REVENUE and COLLECTIONS only", example = "CNY") String currency) {
    }

    @Schema(description = "A change to a draft or returned target")
    public record Update(
            @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal value,
            @Size(max = 1000) String remainderNote,
            @Schema(description = "The version the change was made on (or send If-Match)") Integer version) {
    }

    @Schema(description = "Submitting a plan for approval")
    public record Submit(@Size(max = 1000) @Schema(description = "Why the children do not add up to the value, when they do not") String remainderNote) {
    }

    @Schema(description = "Returning a plan to its owner")
    public record Return(@NotBlank @Size(max = 1000) String comment) {
    }
}
