package io.canvass.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * One event in a customer's history: a follow-up done or missed, a check-in (verified or not, with
 * the reason in {@code reason}), or a change of grade, stage, owner or deletion.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, String kind, UUID actorId, String channel, String summary, String feedback,
                            String needChange, String nextAction, String from, String to, String reason, UUID followUpId) {
}
