package io.canvass.expense;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the expense endpoints. */
@RegisterForReflection
public final class ExpenseRequests {

    static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private ExpenseRequests() {
    }

    @Schema(name = "ExpenseBudgetCreate")
    public record BudgetCreate(
            @NotNull UUID teamId,
            @NotNull ExpenseCategory category,
            @NotBlank @Pattern(regexp = MONTH, message = "must be a month such as 2026-12") @Schema(example = "2026-12") String month,
            @NotNull @Schema(description = "Decimal amount, no more decimals than the currency has", example = "20000.00", minimum = "0") BigDecimal amount,
            @NotBlank @Schema(description = "ISO 4217 code", example = "CNY") String currency) {
    }

    @Schema(name = "ExpenseBudgetUpdate")
    public record BudgetUpdate(@NotNull @Schema(example = "25000.00", minimum = "0") BigDecimal amount) {
    }

    @Schema(name = "ExpenseClaimCreate")
    public record ClaimCreate(
            @NotNull @Schema(description = "The day the money was spent") LocalDate spentOn,
            @NotNull ExpenseCategory category,
            @NotNull @Schema(example = "386.50", minimum = "0", exclusiveMinimum = true) BigDecimal amount,
            @NotBlank @Schema(example = "CNY") String currency,
            @Schema(description = "The customer it served, one of yours") UUID customerId,
            @Schema(description = "The deal it served, one of yours") UUID dealId,
            @NotBlank @Size(max = 1000) String description,
            @Schema(description = "The team whose budget it is charged to; defaults to your own team") UUID teamId) {
    }

    @Schema(name = "ExpenseClaimUpdate", description = "Fields to change; absent fields stay as they are")
    public record ClaimUpdate(
            LocalDate spentOn,
            ExpenseCategory category,
            @Schema(minimum = "0", exclusiveMinimum = true) BigDecimal amount,
            String currency,
            UUID customerId,
            UUID dealId,
            @Size(min = 1, max = 1000) String description) {
    }

    @Schema(name = "ExpenseDecision")
    public record Decision(@Size(max = 1000) @Schema(description = "Required when returning a claim or rejecting a pre-approval") String comment) {
    }

    @Schema(name = "ExpensePreApprovalCreate")
    public record PreApprovalCreate(
            @NotNull UUID teamId,
            @NotNull ExpenseCategory category,
            @NotBlank @Pattern(regexp = MONTH, message = "must be a month such as 2026-12") @Schema(example = "2026-12") String month,
            @NotNull @Schema(example = "8000.00", minimum = "0", exclusiveMinimum = true) BigDecimal amount,
            @NotBlank @Schema(example = "CNY") String currency,
            @NotBlank @Size(max = 1000) String reason) {
    }
}
