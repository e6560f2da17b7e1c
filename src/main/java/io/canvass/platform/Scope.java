package io.canvass.platform;

import java.util.Set;
import java.util.UUID;

/**
 * What a caller may see and change. REP: their own records; MANAGER: records in the subtrees of
 * the teams they manage; DIRECTOR and ADMIN: everything; INTEGRATION: everything, or the subtree
 * of the team it was granted.
 *
 * @param userId the caller
 * @param role the caller's role
 * @param teams the teams whose records the caller reaches (ignored when {@code everything})
 * @param everything whether the caller reaches every record
 */
public record Scope(UUID userId, Role role, Set<UUID> teams, boolean everything) {

    /** May the caller see or change a record owned by {@code ownerId} in {@code teamId}? */
    public boolean covers(UUID ownerId, UUID teamId) {
        return everything || userId.equals(ownerId) || (teamId != null && teams.contains(teamId));
    }

    public boolean coversTeam(UUID teamId) {
        return everything || (teamId != null && teams.contains(teamId));
    }

    /** The teams to filter a list by, or null when the caller sees every team. */
    public Set<UUID> teamFilter() {
        return everything ? null : teams;
    }
}
