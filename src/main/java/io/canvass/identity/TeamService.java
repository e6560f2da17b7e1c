package io.canvass.identity;

import io.canvass.audit.AuditService;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The team tree. Directors and admins shape it; everyone sees the teams in their scope. */
@ApplicationScoped
public class TeamService {

    @Inject
    TeamRepository teams;

    @Inject
    TeamManagerRepository teamManagers;

    @Inject
    UserRepository users;

    @Inject
    ScopeService scopes;

    @Inject
    AuditService audit;

    @WithSession
    public Uni<Page<TeamView>> list(UUID after, int limit) {
        return scopes.current()
                .chain(scope -> teams.page(scope.teamFilter(), after, limit + 1))
                .chain(rows -> teamManagers.managersOf(rows.stream().map(t -> t.id).toList())
                        .map(managers -> Page.of(rows, limit, t -> t.id, t -> TeamView.of(t, managers.get(t.id)))));
    }

    @WithSession
    public Uni<TeamView> get(UUID id) {
        return scopes.current().chain(scope -> visible(scope, id)).chain(this::view);
    }

    @WithTransaction
    public Uni<TeamView> create(TeamRequests.Write request) {
        Team team = new Team();
        team.id = Ids.newId();
        team.parentId = request.parentId();
        team.name = request.name().trim();
        team.kind = request.kind() == null ? Team.Kind.REGION : request.kind();
        return scopes.current().chain(scope -> requireParent(team.id, request.parentId())
                .chain(() -> requireUniqueName(team))
                .chain(() -> teams.persistAndFlush(team))
                .call(t -> audit.record(scope.userId(), "team.created", "team", t.id, null, TeamView.snapshot(t)))
                .chain(this::view));
    }

    @WithTransaction
    public Uni<TeamView> update(UUID id, TeamRequests.Write request, Integer expectedVersion) {
        return scopes.current().chain(scope -> visible(scope, id).chain(team -> {
            ETags.check(expectedVersion, team.version);
            Map<String, Object> before = TeamView.snapshot(team);
            team.parentId = request.parentId();
            team.name = request.name().trim();
            if (request.kind() != null) {
                team.kind = request.kind();
            }
            return requireParent(team.id, request.parentId())
                    .chain(() -> requireUniqueName(team))
                    .call(() -> teams.flush())
                    .call(() -> audit.record(scope.userId(), "team.updated", "team", team.id, before, TeamView.snapshot(team)))
                    .chain(() -> view(team));
        }));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return scopes.current().chain(scope -> visible(scope, id).chain(team -> teams.countChildren(id)
                .chain(children -> {
                    if (children > 0) {
                        throw ProblemException.conflict("The team has sub-teams; move or delete them first");
                    }
                    return users.countMembers(id);
                })
                .chain(members -> {
                    if (members > 0) {
                        throw ProblemException.conflict("The team has members; move them to another team first");
                    }
                    return teamManagers.replaceManagersOfTeam(id, Set.of());
                })
                .chain(() -> teams.delete(team))
                .chain(() -> audit.record(scope.userId(), "team.deleted", "team", id, TeamView.snapshot(team), null))));
    }

    @WithTransaction
    public Uni<TeamView> setManagers(UUID id, Set<UUID> userIds) {
        return scopes.current().chain(scope -> visible(scope, id).chain(team -> teamManagers.managersOf(List.of(id))
                .chain(before -> users.list("id in ?1", userIds.isEmpty() ? Set.of(id) : userIds)
                        .invoke(found -> {
                            if (found.size() != userIds.size() || found.stream().anyMatch(u -> u.role != Role.MANAGER || !u.active)) {
                                throw ProblemException.invalid("userIds", "every manager must be an active user with role MANAGER");
                            }
                        })
                        .chain(found -> teamManagers.replaceManagersOfTeam(id, userIds))
                        .chain(() -> audit.record(scope.userId(), "team.managers_changed", "team", id,
                                Map.of("managerIds", before.getOrDefault(id, List.of())), Map.of("managerIds", List.copyOf(userIds))))
                        .chain(() -> view(team)))));
    }

    private Uni<Team> visible(Scope scope, UUID id) {
        Set<UUID> allowed = scope.teamFilter();
        return teams.findById(id)
                .map(team -> team != null && (allowed == null || allowed.contains(team.id)) ? team : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Team"));
    }

    private Uni<Void> requireParent(UUID id, UUID parentId) {
        if (parentId == null) {
            return Uni.createFrom().voidItem();
        }
        if (parentId.equals(id)) {
            throw ProblemException.invalid("parentId", "a team cannot be its own parent");
        }
        return teams.findById(parentId)
                .chain(parent -> {
                    if (parent == null) {
                        throw ProblemException.invalid("parentId", "is not an existing team");
                    }
                    return ancestors(parent, new HashSet<>());
                })
                .invoke(ancestors -> {
                    if (ancestors.contains(id)) {
                        throw ProblemException.invalid("parentId", "would put the team under one of its own sub-teams");
                    }
                })
                .replaceWithVoid();
    }

    /** The ids from {@code team} up to the root. Team trees are shallow, so one lookup per level is fine. */
    private Uni<Set<UUID>> ancestors(Team team, Set<UUID> seen) {
        seen.add(team.id);
        if (team.parentId == null || seen.contains(team.parentId)) {
            return Uni.createFrom().item(seen);
        }
        return teams.findById(team.parentId).chain(parent -> parent == null ? Uni.createFrom().item(seen) : ancestors(parent, seen));
    }

    private Uni<Void> requireUniqueName(Team team) {
        return teams.nameTaken(team.parentId, team.name, team.id).invoke(taken -> {
            if (taken) {
                throw ProblemException.conflict("A team named '" + team.name + "' already exists at this level");
            }
        }).replaceWithVoid();
    }

    private Uni<TeamView> view(Team team) {
        return teamManagers.managersOf(List.of(team.id)).map(m -> TeamView.of(team, m.get(team.id)));
    }
}
