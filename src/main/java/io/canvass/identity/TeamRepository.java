package io.canvass.identity;

import io.canvass.platform.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    /** A page of teams after {@code after}; {@code teams} null means every team. */
    public Uni<List<Team>> page(Set<UUID> teams, UUID after, int limit) {
        return find("#Team.page", Parameters.with("after", after)
                .and("all", teams == null)
                .and("teams", teams == null || teams.isEmpty() ? Set.of(Cursor.FIRST) : teams))
                .range(0, limit - 1)
                .list();
    }

    public Uni<Long> countChildren(UUID id) {
        return count("#Team.children", Parameters.with("id", id));
    }

    public Uni<Boolean> nameTaken(UUID parentId, String name, UUID exceptId) {
        return count("#Team.sameName", Parameters.with("name", name)
                        .and("topLevel", parentId == null).and("parentId", parentId == null ? Cursor.FIRST : parentId)
                        .and("id", exceptId))
                .map(n -> n > 0);
    }
}
