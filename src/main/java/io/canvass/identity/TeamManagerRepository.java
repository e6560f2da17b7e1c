package io.canvass.identity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class TeamManagerRepository implements PanacheRepositoryBase<TeamManager, TeamManager.Key> {

    public Uni<List<UUID>> teamsManagedBy(UUID userId) {
        return getSession().chain(session -> session.createNamedQuery("TeamManager.teamsOf", UUID.class)
                .setParameter("userId", userId)
                .getResultList());
    }

    /** Manager ids per team, for the given teams. */
    public Uni<Map<UUID, List<UUID>>> managersOf(Collection<UUID> teamIds) {
        if (teamIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("#TeamManager.ofTeams", Parameters.with("teamIds", teamIds))
                .map(rows -> rows.stream().collect(Collectors.groupingBy(m -> m.teamId,
                        Collectors.mapping(m -> m.userId, Collectors.toList()))));
    }

    /** Makes {@code userIds} the managers of the team, replacing the previous ones. */
    public Uni<Void> replaceManagersOfTeam(UUID teamId, Set<UUID> userIds) {
        return delete("#TeamManager.deleteTeam", Parameters.with("teamId", teamId))
                .chain(() -> persistAll(userIds.stream().map(userId -> new TeamManager(teamId, userId)).toList()));
    }

    /** Makes the user manager of exactly {@code teamIds}. */
    public Uni<Void> replaceTeamsOfManager(UUID userId, Set<UUID> teamIds) {
        return delete("#TeamManager.deleteUser", Parameters.with("userId", userId))
                .chain(() -> persistAll(teamIds.stream().map(teamId -> new TeamManager(teamId, userId)).toList()));
    }

    private Uni<Void> persistAll(List<TeamManager> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : persist(rows);
    }
}
