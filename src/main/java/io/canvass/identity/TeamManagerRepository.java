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

    /**
     * Makes {@code userIds} the managers of the team, replacing the previous ones. Only the difference
     * is written: rows that stay are left alone, since the session may already hold them (a bulk
     * delete followed by persisting the same keys again fails as a duplicate in the session).
     */
    public Uni<Void> replaceManagersOfTeam(UUID teamId, Set<UUID> userIds) {
        return list("#TeamManager.ofTeams", Parameters.with("teamIds", List.of(teamId)))
                .chain(current -> replace(current, userIds.stream().map(userId -> new TeamManager(teamId, userId)).toList()));
    }

    /** Makes the user manager of exactly {@code teamIds}, writing only the difference. */
    public Uni<Void> replaceTeamsOfManager(UUID userId, Set<UUID> teamIds) {
        return list("#TeamManager.ofUser", Parameters.with("userId", userId))
                .chain(current -> replace(current, teamIds.stream().map(teamId -> new TeamManager(teamId, userId)).toList()));
    }

    private Uni<Void> replace(List<TeamManager> current, List<TeamManager> wanted) {
        Set<TeamManager.Key> keep = wanted.stream().map(TeamManager::key).collect(Collectors.toSet());
        Set<TeamManager.Key> have = current.stream().map(TeamManager::key).collect(Collectors.toSet());
        Object[] gone = current.stream().filter(m -> !keep.contains(m.key())).toArray();
        List<TeamManager> added = wanted.stream().filter(m -> !have.contains(m.key())).toList();
        Uni<Void> removed = gone.length == 0 ? Uni.createFrom().voidItem() : getSession().chain(session -> session.removeAll(gone));
        return removed.chain(() -> added.isEmpty() ? Uni.createFrom().voidItem() : persist(added));
    }
}
