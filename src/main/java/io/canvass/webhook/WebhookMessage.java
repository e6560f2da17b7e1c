package io.canvass.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a receiver gets: the body of every webhook request (its webhook-id header is {@code id}). */
@Schema(name = "WebhookMessage", description = "The body of a webhook request. Headers: webhook-id (= id, the same on every retry: dedupe on it), webhook-timestamp (Unix seconds of this attempt), webhook-signature (v1,<base64 HMAC-SHA256>, space-separated when two secrets are valid).")
public record WebhookMessage(
        @Schema(description = "The event id; the same on every retry") UUID id,
        @Schema(example = "checkin.created") String type,
        @Schema(description = "When the event happened") Instant timestamp,
        @Schema(oneOf = { WebhookPayloads.CheckInCreated.class, WebhookPayloads.FollowUpCompleted.class,
                WebhookPayloads.FollowUpOverdue.class, WebhookPayloads.CustomerCreated.class,
                WebhookPayloads.CustomerGradeChanged.class, WebhookPayloads.CustomerStageChanged.class,
                WebhookPayloads.DealStageChanged.class, WebhookPayloads.ContractExpiring.class, WebhookPayloads.ContractRenewed.class,
                WebhookPayloads.PaymentReceived.class, WebhookPayloads.InstalmentOverdue.class,
                WebhookPayloads.CoachingAssigned.class, WebhookPayloads.CommissionPeriodClosed.class, WebhookPayloads.ExpenseClaimSubmitted.class,
                WebhookPayloads.ExpenseClaimApproved.class, WebhookPayloads.ExpenseClaimReturned.class,
                WebhookPayloads.ExpenseClaimPaid.class },
                description = "The event's data; its schema depends on type") Object data) {
}
