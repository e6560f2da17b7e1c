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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * People in the organisation. ADMIN manages everyone; DIRECTOR everyone but admins; MANAGER the
 * reps of the teams they manage. Out-of-scope users answer 404 whatever the operation.
 */
@ApplicationScoped
public class UserService {

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";
    public static final String DEFAULT_LOCALE = "zh-CN";

    @Inject
    UserRepository users;

    @Inject
    TeamRepository teams;

    @Inject
    TeamManagerRepository teamManagers;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenService tokens;

    @Inject
    ScopeService scopes;

    @Inject
    AuditService audit;

    @Inject
    Revocations revocations;

    @Inject
    AccessLinkService accessLinks;

    @WithSession
    public Uni<Page<UserView>> list(UserRepository.UserFilter filter, UUID after, int limit) {
        return scopes.current()
                .chain(scope -> users.page(filter, scope.teamFilter(), scope.userId(), after, limit + 1))
                .map(rows -> Page.of(rows, limit, u -> u.id, UserView::of));
    }

    @WithSession
    public Uni<UserView> get(UUID id) {
        return scopes.current()
                .chain(scope -> visible(scope, id))
                .chain(this::withManagedTeams);
    }

    /** Creates a user. Without a password the user is invited: the answer holds their one-time invite link. */
    public Uni<UserView> create(UserRequests.Create request) {
        return Panache.withTransaction(() -> createWith(request));
    }

    private Uni<UserView> createWith(UserRequests.Create request) {
        validZone(request.timeZone());
        return scopes.current().chain(scope -> {
            AccessPolicy.checkCreate(scope, new AccessPolicy.Grant(request.role(), request.teamId(), request.managedTeamIds(),
                    false, request.hiredOn()));
            if (request.role() == Role.INTEGRATION) {
                throw ProblemException.invalid("role", "service accounts are created under /api/v1/service-accounts");
            }
            if (request.role() == Role.REP && request.teamId() == null) {
                throw ProblemException.invalid("teamId", "is required for a rep");
            }
            return users.emailTaken(request.email())
                    .invoke(taken -> {
                        if (taken) {
                            throw ProblemException.conflict("A user with this email already exists");
                        }
                    })
                    .chain(() -> requireTeams(request.teamId(), request.managedTeamIds(), request.role()))
                    .chain(() -> request.password() == null ? Uni.createFrom().<String>nullItem() : hasher.hash(request.password()))
                    .chain(hash -> {
                        User user = new User();
                        user.id = Ids.newId();
                        user.email = request.email().trim();
                        user.displayName = request.displayName().trim();
                        user.passwordHash = hash;
                        user.role = request.role();
                        user.teamId = request.teamId();
                        user.timeZone = validZone(request.timeZone());
                        user.locale = request.locale() == null ? DEFAULT_LOCALE : request.locale();
                        user.phone = request.phone();
                        user.hiredOn = request.hiredOn();
                        return users.persist(user);
                    })
                    .call(user -> request.role() == Role.MANAGER && request.managedTeamIds() != null
                            ? teamManagers.replaceTeamsOfManager(user.id, request.managedTeamIds())
                            : Uni.createFrom().voidItem())
                    .call(user -> audit.record(scope.userId(), "user.created", "user", user.id, null, UserView.snapshot(user)))
                    .chain(user -> withManagedTeams(user).chain(view -> invitedUnlessPassword(scope, user, view)));
        });
    }

    /** The new user's view, with their invite link when they were created without a password. */
    private Uni<UserView> invitedUnlessPassword(Scope scope, User user, UserView view) {
        if (user.passwordHash != null) {
            return Uni.createFrom().item(view);
        }
        return accessLinks.issue(user, AccessLink.Purpose.INVITE, scope.userId())
                .call(link -> audit.record(scope.userId(), "user.invite_issued", "user", user.id, null,
                        Map.of("expiresAt", link.expiresAt().toString())))
                .map(view::withInvite);
    }

    /** Changes a user; a new role or team revokes their access tokens (they refresh into new ones). */
    public Uni<UserView> update(UUID id, UserRequests.Update request, Integer expectedVersion) {
        return Panache.withTransaction(() -> change(id, request, expectedVersion)).call(revocations::sync);
    }

    private Uni<UserView> change(UUID id, UserRequests.Update request, Integer expectedVersion) {
        return scopes.current().chain(scope -> visible(scope, id).chain(user -> {
            ETags.check(expectedVersion, user.version);
            Role newRole = request.role() == null ? user.role : request.role();
            if (newRole == Role.INTEGRATION || (user.role == Role.INTEGRATION && newRole != Role.INTEGRATION)) {
                throw ProblemException.invalid("role", "service accounts cannot become people or the other way round");
            }
            AccessPolicy.Grant after = new AccessPolicy.Grant(newRole,
                    request.teamId() == null ? user.teamId : request.teamId(),
                    request.managedTeamIds(),
                    request.financeApprover() == null ? user.financeApprover : request.financeApprover(),
                    request.hiredOn() == null ? user.hiredOn : request.hiredOn());
            Map<String, Object> before = UserView.snapshot(user);
            return managedTeams(user)
                    .invoke(managed -> AccessPolicy.checkUpdate(scope, user, AccessPolicy.Grant.of(user, managed), after))
                    .chain(() -> requireTeams(request.teamId(), request.managedTeamIds(), newRole))
                    .chain(() -> lastAdminGuard(user, newRole != Role.ADMIN))
                    .map(ok -> {
                        applyProfile(user, new UserRequests.Profile(request.displayName(), request.timeZone(), request.locale(), request.phone()));
                        if (user.role != after.role() || !Objects.equals(user.teamId, after.teamId())) {
                            user.revokeAccessTokens();
                        }
                        user.hiredOn = after.hiredOn();
                        user.role = after.role();
                        user.teamId = after.teamId();
                        user.financeApprover = after.financeApprover();
                        return user;
                    })
                    .call(u -> managedTeamsAfterUpdate(u, request.managedTeamIds()))
                    .call(users::flush)
                    .call(u -> audit.record(scope.userId(), "user.updated", "user", u.id, before, UserView.snapshot(u)))
                    .chain(this::withManagedTeams);
        }));
    }

    /** Deactivates or reactivates a user; deactivation signs them out everywhere within seconds. */
    public Uni<UserView> setActive(UUID id, boolean active) {
        return Panache.withTransaction(() -> activate(id, active)).call(revocations::sync);
    }

    private Uni<UserView> activate(UUID id, boolean active) {
        return scopes.current().chain(scope -> visible(scope, id).chain(user -> {
            AccessPolicy.checkManage(scope, user);
            if (user.id.equals(scope.userId())) {
                throw ProblemException.forbidden("You cannot deactivate yourself");
            }
            if (user.active == active) {
                return withManagedTeams(user);
            }
            Map<String, Object> before = UserView.snapshot(user);
            return lastAdminGuard(user, !active)
                    .invoke(ok -> user.active = active)
                    .call(ok -> active ? Uni.createFrom().voidItem() : tokens.revokeAllOf(user).replaceWithVoid())
                    .call(users::flush)
                    .call(ok -> audit.record(scope.userId(), active ? "user.reactivated" : "user.deactivated", "user",
                            user.id, before, UserView.snapshot(user)))
                    .chain(ok -> withManagedTeams(user));
        }));
    }

    /** A user as other features need them (owner checks, time zones); null when unknown. No scope check. */
    @WithSession
    public Uni<UserView> profile(UUID id) {
        return users.findById(id).map(u -> u == null ? null : UserView.of(u));
    }

    /** Refuses (400) a mentor whom the caller may not name for {@code rep}; a null id names nobody. */
    @WithSession
    public Uni<Void> checkMentor(Scope caller, UUID mentorId, UserView rep) {
        if (mentorId == null) {
            return Uni.createFrom().voidItem();
        }
        return users.findById(mentorId)
                .invoke(mentor -> AccessPolicy.checkMentor(caller, mentor == null ? null : UserView.of(mentor), rep))
                .replaceWithVoid();
    }

    /** A user by email, as other features need them; null when unknown. No scope check. */
    @WithSession
    public Uni<UserView> profileByEmail(String email) {
        return users.findByEmail(email).map(u -> u == null ? null : UserView.of(u));
    }

    @WithSession
    public Uni<UserView> me(UUID id) {
        return users.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("User"))
                .chain(this::withManagedTeams);
    }

    @WithTransaction
    public Uni<UserView> updateProfile(UUID id, UserRequests.Profile request, Integer expectedVersion) {
        return users.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("User"))
                .invoke(user -> {
                    ETags.check(expectedVersion, user.version);
                    applyProfile(user, request);
                })
                .call(users::flush)
                .chain(this::withManagedTeams);
    }

    /** A new password signs the user out everywhere, this session included, within seconds. */
    public Uni<Void> changePassword(UUID id, UserRequests.PasswordChange request) {
        return Panache.withTransaction(() -> newPassword(id, request)).call(revocations::sync);
    }

    private Uni<Void> newPassword(UUID id, UserRequests.PasswordChange request) {
        return users.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("User"))
                .chain(user -> hasher.matches(request.currentPassword(), user.passwordHash)
                        .invoke(ok -> {
                            if (!ok) {
                                throw ProblemException.invalid("currentPassword", "is not your current password");
                            }
                        })
                        .chain(ok -> hasher.hash(request.newPassword()))
                        .invoke(hash -> user.passwordHash = hash)
                        .chain(hash -> tokens.revokeAllOf(user))
                        .chain(n -> audit.record(user.id, "user.password_changed", "user", user.id, null, null)));
    }

    /** The fields people may change about themselves; absent ones stay. */
    private static void applyProfile(User user, UserRequests.Profile change) {
        if (change.displayName() != null) {
            user.displayName = change.displayName().trim();
        }
        if (change.timeZone() != null) {
            user.timeZone = validZone(change.timeZone());
        }
        if (change.locale() != null) {
            user.locale = change.locale();
        }
        if (change.phone() != null) {
            user.phone = change.phone();
        }
    }

    /** The user if the caller may see them, else 404 (no existence leak). */
    private Uni<User> visible(Scope scope, UUID id) {
        return users.findById(id)
                .map(user -> user != null && scope.covers(user.id, user.teamId) ? user : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("User"));
    }

    private Uni<Void> requireTeams(UUID teamId, Set<UUID> managedTeamIds, Role role) {
        if (managedTeamIds != null && !managedTeamIds.isEmpty() && role != Role.MANAGER) {
            throw ProblemException.invalid("managedTeamIds", "only managers manage teams");
        }
        Uni<Void> team = teamId == null ? Uni.createFrom().voidItem()
                : teams.findById(teamId).invoke(t -> {
                    if (t == null) {
                        throw ProblemException.invalid("teamId", "is not an existing team");
                    }
                }).replaceWithVoid();
        if (managedTeamIds == null || managedTeamIds.isEmpty()) {
            return team;
        }
        return team.chain(() -> teams.count("id in ?1", managedTeamIds))
                .invoke(found -> {
                    if (found != managedTeamIds.size()) {
                        throw ProblemException.invalid("managedTeamIds", "names a team that does not exist");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> managedTeamsAfterUpdate(User user, Set<UUID> managedTeamIds) {
        if (user.role != Role.MANAGER) {
            return teamManagers.replaceTeamsOfManager(user.id, Set.of());
        }
        return managedTeamIds == null ? Uni.createFrom().voidItem() : teamManagers.replaceTeamsOfManager(user.id, managedTeamIds);
    }

    /** Refuses a change that would leave no active admin. */
    private Uni<Boolean> lastAdminGuard(User user, boolean losesAdmin) {
        if (user.role != Role.ADMIN || !user.active || !losesAdmin) {
            return Uni.createFrom().item(true);
        }
        return users.countActiveAdmins().invoke(admins -> {
            if (admins <= 1) {
                throw ProblemException.conflict("This is the last active admin; make someone else admin first");
            }
        }).map(n -> true);
    }

    /** The teams a manager manages now; empty for anyone else. */
    private Uni<Set<UUID>> managedTeams(User user) {
        return user.role == Role.MANAGER ? teamManagers.teamsManagedBy(user.id).map(Set::copyOf) : Uni.createFrom().item(Set.of());
    }

    private Uni<UserView> withManagedTeams(User user) {
        if (user.role != Role.MANAGER) {
            return Uni.createFrom().item(UserView.of(user));
        }
        return teamManagers.teamsManagedBy(user.id).map(ids -> UserView.of(user, List.copyOf(ids)));
    }

    static String validZone(String zone) {
        if (zone == null) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "is not a known IANA time zone such as Asia/Shanghai");
        }
    }
}
