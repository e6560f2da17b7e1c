package io.canvass.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A customer as lists show it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerSummary(UUID id, String name, Customer.Grade grade, Customer.Stage stage, UUID ownerId,
                              String ownerName, UUID teamId, List<String> tags, String industry, Instant lastTouchedAt,
                              int cadenceDays, UUID pendingFollowUpId, LocalDate nextDueOn, boolean overdue,
                              int healthScore, Instant deletedAt) {

    /** The same customer with the commercial part of its health taken into account. */
    public CustomerSummary with(HealthScore.Commercial commercial) {
        if (commercial == null) {
            return this;
        }
        return new CustomerSummary(id, name, grade, stage, ownerId, ownerName, teamId, tags, industry, lastTouchedAt, cadenceDays,
                pendingFollowUpId, nextDueOn, overdue, Math.max(0, healthScore - commercial.penalty()), deletedAt);
    }
}
