package io.canvass.expense;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the expense endpoints answer. Amounts are decimal strings at the currency's minor units. */
@RegisterForReflection
public final class ExpenseViews {

    private ExpenseViews() {
    }

    /**
     * A budget with how much of it is used, live.
     *
     * @param spent finance approved and paid claims
     * @param committed submitted and manager approved claims
     * @param remaining amount + preApproved − spent − committed (negative when over)
     */
    @Schema(name = "ExpenseBudget")
    public record Budget(UUID id, UUID teamId, String teamName, ExpenseCategory category, @Schema(example = "2026-12") String month,
                         @Schema(example = "20000.00") String amount, String currency, String preApproved, String spent,
                         String committed, String remaining, int version) {
    }

    @Schema(name = "ExpenseReceipt")
    public record Receipt(UUID id, String contentType, int sizeBytes, Instant uploadedAt) {
    }

    @Schema(name = "ExpenseClaimEvent")
    public record Event(Instant at, UUID actorId, String actorName, ExpenseClaimEvent.Action action, ExpenseClaim.Status fromStatus,
                        ExpenseClaim.Status toStatus, String comment) {
    }

    /**
     * A claim. {@code actions} are what the caller may do with it now: EDIT, DELETE, SUBMIT,
     * WITHDRAW, UPLOAD_RECEIPT, APPROVE, RETURN, PAY.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExpenseClaim")
    public record Claim(UUID id, UUID userId, String userName, UUID teamId, String teamName, LocalDate spentOn,
                        ExpenseCategory category, @Schema(example = "386.50") String amount, String currency, UUID customerId,
                        String customerName, UUID dealId, String dealName, String description, ExpenseClaim.Status status,
                        Instant submittedAt, Instant managerApprovedAt, Instant financeApprovedAt, Instant paidAt, Instant createdAt,
                        int version, int receiptCount, List<Receipt> receipts, List<Event> history, List<String> actions) {
    }

    @Schema(name = "ExpensePreApproval")
    public record PreApproval(UUID id, UUID requestedBy, String requesterName, UUID teamId, String teamName, ExpenseCategory category,
                              String month, String amount, String currency, String reason, ExpensePreApproval.Status status,
                              UUID decidedBy, String deciderName, Instant decidedAt, String decisionNote, Instant createdAt, int version) {
    }

    /** What waits for the caller's decision. */
    @Schema(name = "ExpenseApprovals")
    public record Approvals(List<Claim> claims, List<PreApproval> preApprovals) {
    }

    /**
     * Spend against budget per team, category, month and currency.
     *
     * @param budget null when the team has no budget for it
     */
    @Schema(name = "ExpenseReportRow")
    public record ReportRow(UUID teamId, String teamName, ExpenseCategory category, String month, String currency, String budget,
                            String preApproved, String spent, String committed, String remaining) {
    }

    /**
     * Return on spend for one currency: spent claims per won deal and per new customer.
     *
     * @param spendPerWonDeal null when no deal was won
     * @param spendPerNewCustomer null when no customer was added
     */
    @Schema(name = "ExpenseReturnOnSpend")
    public record ReturnOnSpend(String currency, String spend, long wonDeals, long newCustomers, String spendPerWonDeal,
                                String spendPerNewCustomer) {
    }

    @Schema(name = "ExpenseReport")
    public record Report(UUID teamId, String from, String to, long wonDeals, long newCustomers, List<ReportRow> rows,
                         List<ReturnOnSpend> returnOnSpend) {
    }
}
