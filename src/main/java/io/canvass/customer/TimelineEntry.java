package io.canvass.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * One event in a customer's history: a follow-up done or missed, a check-in (verified or not, with
 * the reason in {@code reason}), or a change of grade, stage, owner or deletion. A visit that completed
 * a follow-up appears once, as its check-in, with the follow-up's id in {@code followUpId}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, Kind kind, UUID actorId, String channel, String summary, String feedback,
                            String needChange, String nextAction, String from, String to, String reason, UUID followUpId) {

    /**
     * What happened. Every kind the timeline query produces is listed here, so a new one fails loudly in
     * the server instead of reaching a client that cannot name it. {@code DELETED} is a deletion when
     * {@code to} is {@code "true"} and a restore when it is {@code "false"}.
     */
    public enum Kind {
        FOLLOW_UP_DONE, FOLLOW_UP_MISSED, CHECK_IN_VERIFIED, CHECK_IN_UNVERIFIED, GRADE, STAGE, OWNER, DELETED, CREATED
    }
}
