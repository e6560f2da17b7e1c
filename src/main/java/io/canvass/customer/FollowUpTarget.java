package io.canvass.customer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A customer as follow-up scheduling sees it: who owns it (and their time zone), its grade and
 * stage codes, its cadence override and when it was last touched.
 */
public record FollowUpTarget(UUID customerId, UUID ownerId, UUID teamId, ZoneId ownerZone, String grade, String stage,
                             Integer cadenceOverride, Instant lastTouchedAt, Instant createdAt, boolean active) {

    static FollowUpTarget of(Customer c, String ownerZone) {
        return new FollowUpTarget(c.id, c.ownerId, c.teamId, ZoneId.of(ownerZone), c.grade.name(), c.stage.name(),
                c.cadenceDaysOverride, c.lastTouchedAt, c.createdAt != null ? c.createdAt : Instant.now(), c.isActive());
    }
}
