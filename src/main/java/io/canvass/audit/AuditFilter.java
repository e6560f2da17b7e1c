package io.canvass.audit;

import java.time.Instant;
import java.util.UUID;

/** Which audit entries to list; null fields do not filter. */
public record AuditFilter(String entityType, String entityId, UUID actorId, Instant from, Instant to) {

    /** Before every entry. */
    static final Instant EARLIEST = Instant.EPOCH;

    /** After every entry. */
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
}
