package io.canvass.contract;

import io.canvass.platform.WebUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the contract endpoints. */
public final class ContractRequests {

    private ContractRequests() {
    }

    @Schema(name = "ContractDocument", description = "Metadata of a document; the file lives in the document system")
    public record Document(@NotBlank @Size(max = 200) String name,
                           @Size(max = 500) @WebUrl @Schema(description = "Where the document system serves it: an absolute http or https address",
                                   pattern = "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+",
                                   example = "https://dms.example.com/contracts/HT-2026-0042.pdf") String url,
                           @Size(max = 40) @Schema(example = "SIGNED_CONTRACT") String kind, LocalDate signedOn) {
    }

    @Schema(name = "ContractCreate")
    public record Create(
            @NotNull UUID customerId,
            @Schema(description = "The won deal this contract comes from (one contract per deal)") UUID dealId,
            @NotBlank @Size(max = 60) @Schema(example = "HT-2026-0042") String number,
            @NotNull @Schema(description = "Decimal, within the currency's minor units", example = "860000.00", minimum = "0") BigDecimal value,
            @NotBlank @Schema(example = "CNY") String currency,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> productLines,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @Schema(description = "DRAFT (default) or ACTIVE") Contract.Status status,
            @Size(max = 50) List<@Valid Document> documents,
            @Valid @Schema(description = "The collection plan, optional (can be set later)") Plan plan) {
    }

    @Schema(name = "ContractUpdate", description = "Only the fields sent are changed; a draft or active contract only")
    public record Update(
            @Size(min = 1, max = 60) String number,
            @Schema(minimum = "0") BigDecimal value,
            @Schema(description = "Only while the contract is a draft") String currency,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> productLines,
            LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 50) List<@Valid Document> documents) {
    }

    @Schema(name = "ContractTermination")
    public record Terminate(@NotBlank @Size(max = 300) String reason) {
    }

    @Schema(name = "CollectionPlan", description = "Either explicit instalments or an even split of the contract value")
    public record Plan(@Size(max = 120) List<@Valid Instalment> instalments, @Valid Split split) {
    }

    @Schema(name = "PlannedInstalment")
    public record Instalment(@NotNull LocalDate dueOn, @NotNull @Schema(example = "215000.00", minimum = "0", exclusiveMinimum = true) BigDecimal amount,
                             @Schema(description = "Defaults to the contract's; must be the contract's") String currency) {
    }

    @Schema(name = "PlanSplit", description = "The contract value in equal instalments, rounded half-even to the currency's minor units; the last takes the remainder")
    public record Split(@NotNull @Min(1) @Max(120) Integer count, @NotNull LocalDate firstDueOn,
                        @Min(1) @Max(12) @Schema(description = "Months between instalments, default 1") Integer everyMonths) {
    }

    @Schema(name = "PaymentRecord")
    public record Payment(
            @NotNull UUID instalmentId,
            @NotNull @Schema(example = "100000.00", minimum = "0", exclusiveMinimum = true) BigDecimal amount,
            @Schema(description = "Defaults to the instalment's; must be the instalment's") String currency,
            @NotNull @Schema(description = "The day the money was received (not in the future)") LocalDate receivedOn,
            @Size(max = 120) @Schema(description = "Bank reference or receipt number") String reference,
            @Size(max = 1000) String note) {
    }

    @Schema(name = "RenewalNote", description = "Progress on the renewal evaluation; counts as the owner acting (no escalation then)")
    public record Note(@NotBlank @Size(max = 1000) String note) {
    }

    public enum Decision { RENEW, CHURN }

    @Schema(name = "RenewalDecision")
    public record Decide(
            @NotNull Decision decision,
            @Size(max = 300) @Schema(description = "Required for CHURN: why the customer does not renew") String reason,
            @Valid @Schema(description = "Required for RENEW: the successor contract") Successor successor) {
    }

    @Schema(name = "RenewalSuccessor")
    public record Successor(
            @NotBlank @Size(max = 60) String number,
            @NotNull @Schema(minimum = "0") BigDecimal value,
            @Schema(description = "Defaults to the current contract's") String currency,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> productLines,
            @Schema(description = "Defaults to the day after the current contract ends") LocalDate startsOn,
            @NotNull LocalDate endsOn) {
    }
}
