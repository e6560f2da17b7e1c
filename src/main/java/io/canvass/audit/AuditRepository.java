package io.canvass.audit;

import io.canvass.platform.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    public Uni<List<AuditEntry>> page(AuditFilter filter, UUID after, int limit) {
        return find("#AuditEntry.page", Parameters.with("after", after)
                .and("anyType", filter.entityType() == null).and("entityType", String.valueOf(filter.entityType()))
                .and("anyEntity", filter.entityId() == null).and("entityId", String.valueOf(filter.entityId()))
                .and("anyActor", filter.actorId() == null).and("actorId", filter.actorId() == null ? Cursor.FIRST : filter.actorId())
                .and("from", filter.from() == null ? AuditFilter.EARLIEST : filter.from())
                .and("to", filter.to() == null ? AuditFilter.LATEST : filter.to()))
                .range(0, limit)
                .list();
    }
}
