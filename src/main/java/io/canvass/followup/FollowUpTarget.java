package io.canvass.followup;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What scheduling needs to know about a customer: who owns it (and their time zone), its grade
 * and stage codes, its cadence override and when it was last touched.
 */
public record FollowUpTarget(UUID customerId, UUID ownerId, UUID teamId, ZoneId ownerZone, String grade, String stage,
                             Integer cadenceOverride, Instant lastTouchedAt, Instant createdAt, boolean active) {
}
