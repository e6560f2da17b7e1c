package io.canvass.followup;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.canvass.customer.CustomerFollowUps;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up as the API shows it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpView(UUID id, UUID customerId, UUID ownerId, LocalDate dueOn, Instant dueAt, boolean overdue,
                           FollowUp.Channel channel, FollowUp.Status status, FollowUp.ScheduledBy scheduledBy,
                           String snoozeReason, Instant doneAt, String summary, String feedback, String needChange,
                           String nextAction, LocalDate nextActionDue, int version)
        implements CustomerFollowUps.Pending {

    public static FollowUpView of(FollowUp f) {
        return new FollowUpView(f.id, f.customerId, f.ownerId, f.dueOn, f.dueAt,
                f.isPending() && !Instant.now().isBefore(f.dueAt), f.channel, f.status, f.scheduledBy, f.snoozeReason,
                f.doneAt, f.summary, f.feedback, f.needChange, f.nextAction, f.nextActionDue, f.version);
    }
}
