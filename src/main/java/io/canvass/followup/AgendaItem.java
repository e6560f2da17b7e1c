package io.canvass.followup;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One follow-up on a day's agenda, with its priority and the reason it is there.
 *
 * @param priority higher first among items due the same day: grade, stage and how far the customer is past its cadence
 * @param why the reason in the caller's language, e.g. "key account, 5 days untouched, cadence 3 days"
 */
@RegisterForReflection
public record AgendaItem(UUID followUpId, UUID customerId, String customerName, String grade, String stage,
                         UUID ownerId, LocalDate dueOn, boolean overdue, long daysOverdue, FollowUp.Channel channel,
                         FollowUp.Status status, long daysSinceTouch, int cadenceDays, int priority, String why) {
}
