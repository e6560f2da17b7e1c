package io.canvass.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An audit entry as the API shows it. */
@RegisterForReflection
public record AuditView(UUID id, Instant at, UUID actorId, String action, String entityType, String entityId,
                        Map<String, Object> before, Map<String, Object> after) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.at, e.actorId, e.action, e.entityType, e.entityId, e.before, e.after);
    }
}
