package io.canvass.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code data} of each webhook event, one record per event type. To add an event: declare its
 * record here, add a constant to {@link WebhookEventType} naming it, add it to the {@code oneOf}
 * of {@link WebhookMessage#data()}, and call {@link WebhookEvents#publish} in the transaction that
 * makes the change.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CheckInCreatedData", description = "data of checkin.created: a rep checked in at a customer")
    public record CheckInCreated(UUID checkInId, UUID customerId, UUID userId, UUID teamId, Instant clientTime,
                                 Instant receivedAt,
                                 @Schema(enumeration = { "VERIFIED", "UNVERIFIED" }) String verdict,
                                 @Schema(description = "Why the visit is not verified: TOO_FAR, POOR_ACCURACY, STALE_FIX, NO_POSITION, NO_CUSTOMER_LOCATION")
                                 String unverifiedReason,
                                 Double distanceMeters, String purpose, String outcome, String nextAction,
                                 LocalDate nextActionDue,
                                 @Schema(description = "The follow-up the visit completed, if any") UUID followUpId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FollowUpCompletedData", description = "data of followup.completed: a follow-up was done (recorded, or by a check-in)")
    public record FollowUpCompleted(UUID followUpId, UUID customerId, UUID ownerId, UUID teamId,
                                    @Schema(enumeration = { "VISIT", "CALL", "EMAIL", "MESSAGE" }) String channel,
                                    Instant doneAt, String summary, String nextAction, LocalDate nextActionDue) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FollowUpOverdueData", description = "data of followup.overdue: a follow-up passed its grace period undone and was marked MISSED; a new one is due today")
    public record FollowUpOverdue(UUID followUpId, UUID customerId, UUID ownerId, UUID teamId,
                                  @Schema(enumeration = { "VISIT", "CALL", "EMAIL", "MESSAGE" }) String channel,
                                  Instant dueAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CustomerCreatedData", description = "data of customer.created")
    public record CustomerCreated(UUID customerId, @Schema(description = "The integrator's key, when set") String externalId,
                                  String name, UUID ownerId, UUID teamId,
                                  @Schema(enumeration = { "A", "B", "C" }) String grade,
                                  @Schema(enumeration = { "INITIAL_INTENT", "HIGH_INTENT", "KEY_ACCOUNT", "WON", "LOST" }) String stage) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CustomerGradeChangedData", description = "data of customer.grade_changed")
    public record CustomerGradeChanged(UUID customerId, String externalId, UUID ownerId, UUID teamId,
                                       @Schema(enumeration = { "A", "B", "C" }) String from,
                                       @Schema(enumeration = { "A", "B", "C" }) String to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CustomerStageChangedData", description = "data of customer.stage_changed")
    public record CustomerStageChanged(UUID customerId, String externalId, UUID ownerId, UUID teamId,
                                       @Schema(enumeration = { "INITIAL_INTENT", "HIGH_INTENT", "KEY_ACCOUNT", "WON", "LOST" }) String from,
                                       @Schema(enumeration = { "INITIAL_INTENT", "HIGH_INTENT", "KEY_ACCOUNT", "WON", "LOST" }) String to,
                                       @Schema(description = "Set when the customer was lost") String lostReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DealStageChangedData", description = "data of deal.stage_changed: a deal moved to another stage (WON and LOST are final)")
    public record DealStageChanged(UUID dealId, UUID customerId, UUID ownerId, UUID teamId, String name,
                                   @Schema(description = "Decimal string in the currency's minor units", example = "120000.00") String amount,
                                   @Schema(description = "ISO 4217 code", example = "CNY") String currency,
                                   @Schema(enumeration = { "QUALIFICATION", "NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION" }) String from,
                                   @Schema(enumeration = { "QUALIFICATION", "NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION", "WON", "LOST" }) String to,
                                   @Schema(description = "Set when the deal was lost") String lostReason,
                                   @Schema(description = "The user who moved it") UUID changedBy,
                                   @Schema(description = "Set when the deal was won or lost") Instant closedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ContractExpiringData", description = "data of contract.expiring: an undecided contract entered a renewal window (once per window, e.g. 90, 60, 30 and 7 days before its last day; the windows depend on the customer's grade)")
    public record ContractExpiring(UUID contractId, String number, UUID customerId, UUID ownerId, UUID teamId,
                                   @Schema(description = "Decimal string in the currency's minor units", example = "120000.00") String value,
                                   @Schema(description = "ISO 4217 code", example = "CNY") String currency,
                                   @Schema(description = "The contract's last day") LocalDate endsOn,
                                   @Schema(description = "The window entered, in days before endsOn", example = "30") int windowDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ContractRenewedData", description = "data of contract.renewed: the renewal was decided as renewed; the successor contract is active and linked to this one")
    public record ContractRenewed(UUID contractId, String number, UUID customerId, UUID ownerId, UUID teamId,
                                  UUID successorId, String successorNumber,
                                  @Schema(description = "The successor's value, decimal string in the currency's minor units", example = "132000.00") String successorValue,
                                  @Schema(description = "ISO 4217 code of the successor", example = "CNY") String successorCurrency,
                                  LocalDate successorStartsOn, LocalDate successorEndsOn,
                                  @Schema(description = "The user who decided") UUID decidedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PaymentReceivedData", description = "data of payment.received: a payment was recorded against an instalment of a contract's collection plan")
    public record PaymentReceived(UUID paymentId, UUID contractId, String contractNumber, UUID instalmentId, UUID customerId,
                                  UUID ownerId, UUID teamId,
                                  @Schema(description = "Decimal string in the currency's minor units", example = "50000.00") String amount,
                                  @Schema(description = "ISO 4217 code", example = "CNY") String currency,
                                  LocalDate receivedOn, String reference,
                                  @Schema(description = "Still owed on the instalment after this payment, decimal string", example = "0.00") String instalmentOutstanding,
                                  @Schema(description = "Set when this payment completed the instalment") LocalDate instalmentPaidOn,
                                  @Schema(description = "The user who recorded it") UUID recordedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "InstalmentOverdueData", description = "data of instalment.overdue: an instalment was not paid in full by its due day (sent once per instalment, the day after it was due in the owner's time zone)")
    public record InstalmentOverdue(UUID instalmentId, UUID contractId, String contractNumber, UUID customerId, UUID ownerId, UUID teamId,
                                    @Schema(description = "Its place in the plan, from 1") int position, LocalDate dueOn,
                                    @Schema(description = "Decimal string in the currency's minor units", example = "100.00") String amount,
                                    @Schema(description = "Still owed, decimal string", example = "100.00") String outstanding,
                                    @Schema(description = "ISO 4217 code", example = "CNY") String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CoachingAssignedData", description = "data of coaching.assigned")
    public record CoachingAssigned(UUID taskId, UUID repId, UUID teamId, UUID assignedBy, UUID mentorId,
                                   @Schema(enumeration = { "ONBOARDING_MILESTONE", "SKILL_TRAINING", "SHADOW_VISIT", "IMPROVEMENT_PLAN",
                                           "MENTOR_SESSION" }) String kind,
                                   String title, String goal, LocalDate dueOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommissionPeriodClosedData", description = "data of commission.period_closed: a period was closed and its commission statements frozen (fetch them with GET /api/v1/commission/export?period=…)")
    public record CommissionPeriodClosed(@Schema(example = "2026-11") String period, Instant closedAt,
                                         @Schema(description = "The admin or director who closed it") UUID closedBy,
                                         @Schema(description = "How many statements were frozen") int statements,
                                         @Schema(description = "What the frozen statements pay, one sum per currency") java.util.List<CommissionTotal> totals) {
    }

    /** A sum in one currency. */
    @Schema(name = "CommissionTotal")
    public record CommissionTotal(@Schema(example = "CNY") String currency,
                                  @Schema(description = "Decimal string in the currency's minor units", example = "86450.00") String total) {
    }

    @Schema(name = "ExpenseClaimSubmittedData", description = "data of expense.claim_submitted: a rep submitted an expense claim for approval")
    public record ExpenseClaimSubmitted(UUID claimId, @Schema(description = "The rep who filed the claim") UUID ownerId, UUID teamId, LocalDate spentOn,
            @Schema(enumeration = { "MARKETING_EVENTS", "TRAVEL", "CLIENT_ENTERTAINMENT", "TRAINING", "OTHER" }) String category,
            @Schema(example = "386.50") String amount, String currency,
            @Schema(enumeration = { "SUBMITTED", "MANAGER_APPROVED", "FINANCE_APPROVED", "PAID", "RETURNED" }) String status,
            UUID actorId, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExpenseClaimApprovedData", description = "data of expense.claim_approved: the manager (step MANAGER) or finance (step FINANCE) approved an expense claim")
    public record ExpenseClaimApproved(UUID claimId, @Schema(description = "The rep who filed the claim") UUID ownerId, UUID teamId, LocalDate spentOn,
            @Schema(enumeration = { "MARKETING_EVENTS", "TRAVEL", "CLIENT_ENTERTAINMENT", "TRAINING", "OTHER" }) String category,
            @Schema(example = "386.50") String amount, String currency,
            @Schema(enumeration = { "SUBMITTED", "MANAGER_APPROVED", "FINANCE_APPROVED", "PAID", "RETURNED" }) String status,
            UUID actorId, Instant at,
            @Schema(enumeration = { "MANAGER", "FINANCE" }) String step, String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExpenseClaimReturnedData", description = "data of expense.claim_returned: an approver returned an expense claim to the rep with a comment")
    public record ExpenseClaimReturned(UUID claimId, @Schema(description = "The rep who filed the claim") UUID ownerId, UUID teamId, LocalDate spentOn,
            @Schema(enumeration = { "MARKETING_EVENTS", "TRAVEL", "CLIENT_ENTERTAINMENT", "TRAINING", "OTHER" }) String category,
            @Schema(example = "386.50") String amount, String currency,
            @Schema(enumeration = { "SUBMITTED", "MANAGER_APPROVED", "FINANCE_APPROVED", "PAID", "RETURNED" }) String status,
            UUID actorId, Instant at,
            @Schema(enumeration = { "MANAGER", "FINANCE" }) String step, String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExpenseClaimPaidData", description = "data of expense.claim_paid: finance marked an approved expense claim paid")
    public record ExpenseClaimPaid(UUID claimId, @Schema(description = "The rep who filed the claim") UUID ownerId, UUID teamId, LocalDate spentOn,
            @Schema(enumeration = { "MARKETING_EVENTS", "TRAVEL", "CLIENT_ENTERTAINMENT", "TRAINING", "OTHER" }) String category,
            @Schema(example = "386.50") String amount, String currency,
            @Schema(enumeration = { "SUBMITTED", "MANAGER_APPROVED", "FINANCE_APPROVED", "PAID", "RETURNED" }) String status,
            UUID actorId, Instant at) {
    }
}
