package io.canvass.identity;

import io.canvass.platform.Role;
import io.canvass.platform.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** A transaction-scoped advisory lock, released at commit or rollback. */
    static final String LOCK_ADMIN_BOOTSTRAP =
            "select count(*) from (select pg_advisory_xact_lock(hashtext('canvass.admin-bootstrap'))) l";

    /**
     * Serialises first-start admin creation between replicas that start together against an empty
     * database: the second waits, then sees the first one's admin.
     */
    public Uni<Void> lockAdminBootstrap() {
        return getSession()
                .chain(session -> session.createNativeQuery(LOCK_ADMIN_BOOTSTRAP, Long.class).getSingleResult())
                .replaceWithVoid();
    }

    public Uni<User> findByEmail(String email) {
        return find("#User.byEmail", Parameters.with("email", email)).firstResult();
    }

    public Uni<List<User>> page(UserFilter filter, Set<UUID> teams, UUID self, UUID after, int limit) {
        String q = filter.q() == null || filter.q().isBlank() ? null : "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%";
        return find("#User.page", Parameters.with("after", after)
                .and("all", teams == null)
                .and("teams", teams == null || teams.isEmpty() ? Set.of(Cursor.FIRST) : teams)
                .and("self", self)
                .and("anyTeam", filter.teamId() == null).and("teamId", filter.teamId() == null ? Cursor.FIRST : filter.teamId())
                .and("anyRole", filter.role() == null).and("role", filter.role() == null ? Role.REP : filter.role())
                .and("anyActive", filter.active() == null).and("active", filter.active() == null || filter.active())
                .and("anyText", q == null).and("q", q == null ? "" : q))
                .range(0, limit - 1)
                .list();
    }

    public Uni<Long> countActiveAdmins() {
        return count("#User.countAdmins");
    }

    public Uni<Long> countMembers(UUID teamId) {
        return count("#User.membersOf", Parameters.with("teamId", teamId));
    }

    public Uni<Boolean> emailTaken(String email) {
        return findByEmail(email).map(u -> u != null);
    }

    /** Filter of the user list; null fields do not filter. */
    public record UserFilter(UUID teamId, Role role, Boolean active, String q) {
    }
}
