package io.canvass.deal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A deal as the API shows it. Amounts are decimal strings at the currency's minor units
 * ("128000.00"), so no client ever parses money as a floating-point number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Deal")
public record DealView(UUID id, UUID customerId, String customerName, UUID ownerId, String ownerName, UUID teamId,
                       String name, @Schema(example = "128000.00") String amount, String currency, String productLine,
                       Deal.Stage stage, String lostReason, LocalDate expectedCloseOn, Instant closedAt,
                       Instant createdAt, int version, List<StageChangeView> history) {

    /** One stage change. */
    @Schema(name = "DealStageChange")
    public record StageChangeView(Instant at, UUID actorId, Deal.Stage fromStage, Deal.Stage toStage, String reason) {
        static StageChangeView of(DealStageChange c) {
            return new StageChangeView(c.at, c.actorId, c.fromStage, c.toStage, c.reason);
        }
    }
}
