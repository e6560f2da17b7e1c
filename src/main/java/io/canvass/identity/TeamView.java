package io.canvass.identity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A team as the API shows it; the tree is built from {@code parentId}. */
@RegisterForReflection
public record TeamView(UUID id, UUID parentId, String name, Team.Kind kind, List<UUID> managerIds,
                       Instant createdAt, int version) {

    static TeamView of(Team t, List<UUID> managerIds) {
        return new TeamView(t.id, t.parentId, t.name, t.kind, managerIds == null ? List.of() : managerIds, t.createdAt, t.version);
    }

    static Map<String, Object> snapshot(Team t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("parentId", t.parentId);
        fields.put("name", t.name);
        fields.put("kind", t.kind.name());
        return fields;
    }
}
