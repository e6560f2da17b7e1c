package io.canvass.audit;

import java.util.UUID;

/** Which audit entries to list; null fields do not filter. */
public record AuditFilter(String entityType, String entityId, UUID actorId) {
}
