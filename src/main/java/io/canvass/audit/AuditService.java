package io.canvass.audit;

import io.canvass.platform.Ids;
import io.canvass.platform.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the audit log. Call it inside the transaction that makes the change, so the entry and
 * the change are committed together or not at all.
 */
@ApplicationScoped
public class AuditService {

    @Inject
    AuditRepository repository;

    public Uni<Void> record(UUID actorId, String action, String entityType, Object entityId,
                            Map<String, Object> before, Map<String, Object> after) {
        AuditEntry entry = new AuditEntry();
        entry.id = Ids.newId();
        entry.at = Instant.now();
        entry.actorId = actorId;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.before = before;
        entry.after = after;
        return repository.persist(entry).replaceWithVoid();
    }

    @WithSession
    public Uni<Page<AuditView>> list(AuditFilter filter, UUID after, int limit) {
        return repository.page(filter, after, limit + 1)
                .map(rows -> Page.of(rows, limit, e -> e.id, AuditView::of));
    }
}
