package io.canvass.deal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the deal endpoints. */
public final class DealRequests {

    private DealRequests() {
    }

    @Schema(name = "DealCreate")
    public record Create(
            @NotNull UUID customerId,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Schema(description = "Decimal amount, no more decimals than the currency has (JPY 0, CNY 2, KWD 3)", example = "128000.00", minimum = "0") BigDecimal amount,
            @NotBlank @Schema(description = "ISO 4217 code", example = "CNY") String currency,
            @Size(max = 80) String productLine,
            @Schema(description = "Defaults to QUALIFICATION; WON and LOST are reached by a stage change") Deal.Stage stage,
            LocalDate expectedCloseOn) {
    }

    @Schema(name = "DealUpdate", description = "Only the fields sent are changed")
    public record Update(
            @Size(min = 1, max = 200) String name,
            @Schema(minimum = "0") BigDecimal amount,
            String currency,
            @Size(max = 80) String productLine,
            LocalDate expectedCloseOn) {
    }

    @Schema(name = "DealStageMove")
    public record StageMove(
            @NotNull Deal.Stage stage,
            @Size(max = 300) @Schema(description = "Why; required when the deal is lost") String reason) {
    }
}
