package io.canvass.incentive;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A commission statement: what counted, which tier applied and why, one-off rewards, the cap and
 * the total. Amounts are decimal strings at the currency's minor units.
 *
 * @param id set once the period is closed and the statement frozen; live statements have none
 * @param status LIVE (computed from the records now) or FROZEN (the snapshot taken when the period closed)
 * @param achievement actual ÷ target in percent, cut (not rounded) to two decimals; absent without an approved target
 * @param note why no tier applied: NO_APPROVED_TARGET or TARGET_IN_OTHER_CURRENCY
 * @param subtotal tier commission plus one-off rewards, before the cap
 * @param adjustments the sum of adjustment lines (frozen statements only)
 * @param total what the statement pays: subtotal after the cap, plus adjustments
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CommissionStatement")
public record StatementView(UUID id, @Schema(enumeration = { "LIVE", "FROZEN" }) String status, UUID repId, String repName,
                           UUID teamId, @Schema(example = "2026-11") String period, UUID planId, String planName,
                           @Schema(enumeration = { "REVENUE_WON", "COLLECTED" }) String base,
                           @Schema(example = "CNY") String currency, @Schema(example = "1056000.00") String actual,
                           TargetRef target, @Schema(example = "105.60") String achievement, TierRef tier, String note,
                           List<Line> lines, @Schema(example = "31680.00") String subtotal, String cap, boolean capped,
                           String adjustments, @Schema(example = "31680.00") String total, Instant frozenAt) {

    /** The rep's approved target the achievement is measured against. */
    @RegisterForReflection
    @Schema(name = "CommissionTarget")
    public record TargetRef(UUID id, @Schema(enumeration = { "REVENUE", "COLLECTIONS" }) String metric, String value, String currency) {
    }

    /** The tier that applied. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommissionTier")
    public record TierRef(int index, @Schema(example = "100") String from, @Schema(example = "120") String to,
                          @Schema(example = "3") String rate, String extraRate) {
    }

    /**
     * One line. DEAL and PAYMENT lines are the records that make the base ({@code amount}); TIER,
     * DEAL_WON_ABOVE, KEY_ACCOUNT_WON, CAP and ADJUSTMENT lines pay {@code commission}.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommissionLine")
    public record Line(@Schema(enumeration = { "DEAL", "PAYMENT", "TIER", "DEAL_WON_ABOVE", "KEY_ACCOUNT_WON", "CAP", "ADJUSTMENT" }) String kind,
                       @Schema(description = "The deal, payment, customer or adjustment the line is about") UUID ref,
                       LocalDate on, String label, @Schema(example = "120000.00") String amount,
                       @Schema(example = "3600.00") String commission, String reason, UUID approvedBy, Instant at) {

        static Line record(String kind, UUID ref, LocalDate on, String label, String amount) {
            return new Line(kind, ref, on, label, amount, null, null, null, null);
        }

        static Line paying(String kind, UUID ref, LocalDate on, String label, String commission) {
            return new Line(kind, ref, on, label, null, commission, null, null, null);
        }
    }
}
