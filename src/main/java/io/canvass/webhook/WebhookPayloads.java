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
    @Schema(name = "CoachingAssignedData", description = "data of coaching.assigned")
    public record CoachingAssigned(UUID taskId, UUID repId, UUID teamId, UUID assignedBy, UUID mentorId,
                                   @Schema(enumeration = { "ONBOARDING_MILESTONE", "SKILL_TRAINING", "SHADOW_VISIT", "IMPROVEMENT_PLAN",
                                           "MENTOR_SESSION" }) String kind,
                                   String title, String goal, LocalDate dueOn) {
    }
}
