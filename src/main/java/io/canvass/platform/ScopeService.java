package io.canvass.platform;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The one answer to "may this caller see or change this record": every feature asks here.
 * The team subtree is computed once per request with a recursive query.
 */
@ApplicationScoped
public class ScopeService {

    /** Teams a user manages, and the team an integration was granted, with all their descendants. */
    static final String SUBTREE = """
            with recursive roots(id) as (
                select team_id from team_manager where user_id = $1
                union
                select team_id from app_user where id = $1 and role = 'INTEGRATION' and team_id is not null
            ), sub(id) as (
                select id from roots
                union
                select t.id from team t join sub on t.parent_id = sub.id
            )
            select id from sub""";

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    Memo memo;

    /** The current caller's scope (computed once per request). */
    public Uni<Scope> current() {
        return memo.get(() -> resolve(caller.id(), caller.role(), caller.teamId().isPresent()));
    }

    /** The scope of any user, e.g. for a scheduled job acting for them. */
    public Uni<Scope> resolve(UUID userId, Role role, boolean integrationHasTeam) {
        return switch (role) {
            case ADMIN, DIRECTOR -> Uni.createFrom().item(new Scope(userId, role, Set.of(), true));
            case REP -> Uni.createFrom().item(new Scope(userId, role, Set.of(), false));
            case INTEGRATION -> integrationHasTeam
                    ? subtree(userId).map(teams -> new Scope(userId, role, teams, false))
                    : Uni.createFrom().item(new Scope(userId, role, Set.of(), true));
            case MANAGER -> subtree(userId).map(teams -> new Scope(userId, role, teams, false));
        };
    }

    /**
     * The teams a user manages (or an integration was granted), with their descendants. Asked in the
     * request's session when it has one, so a request inside a transaction never waits for a second connection.
     */
    public Uni<Set<UUID>> subtree(UUID userId) {
        return sql.query(SUBTREE, Tuple.of(userId)).map(rows -> {
            Set<UUID> teams = new HashSet<>();
            rows.forEach(row -> teams.add(row.getUUID(0)));
            return Set.copyOf(teams);
        });
    }

    /**
     * SQL predicate for a list's team filter: {@code column} is the team {@code $param} or one of its
     * descendants, or true when the parameter is null. Combine it with the caller's scope, never instead of it.
     */
    public static String inTeamSubtree(String column, int param) {
        return "($" + param + "::uuid is null or " + column + " in (with recursive sub(id) as (select $" + param
                + "::uuid union select t.id from team t join sub on t.parent_id = sub.id) select id from sub))";
    }

    /** Per-request memo of the scope (accessed through methods: it sits behind a client proxy). */
    @RequestScoped
    static class Memo {
        private Uni<Scope> scope;

        Uni<Scope> get(java.util.function.Supplier<Uni<Scope>> resolver) {
            if (scope == null) {
                scope = resolver.get().memoize().indefinitely();
            }
            return scope;
        }
    }
}
