package io.canvass.identity;

import io.canvass.platform.Secret;
import io.canvass.audit.AuditService;
import io.canvass.platform.Caller;
import io.canvass.platform.Ids;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** Service accounts for integrators: an INTEGRATION user with client credentials. ADMIN only. */
@ApplicationScoped
public class ServiceAccountService {

    @Inject
    Revocations revocations;

    @Inject
    UserRepository users;

    @Inject
    TeamRepository teams;

    @Inject
    ServiceAccountRepository credentials;

    @Inject
    PasswordHasher hasher;

    @Inject
    Caller caller;

    @Inject
    AuditService audit;

    /** What a service account may do beyond reading its scope. */
    public enum Grant {
        /** Export commission statements (GET /api/v1/commission/export). */
        PAYROLL
    }

    /** A service account as listed. */
    @RegisterForReflection
    public record View(UUID id, String name, String clientId, UUID teamId, boolean active, java.time.Instant lastUsedAt,
                       java.util.List<String> grants) {
    }

    /** Returned once, at creation or rotation: the secret is not kept in clear (nor for an Idempotency-Key: a replay comes without it). */
    @RegisterForReflection
    public record Issued(UUID id, String name, String clientId, @Secret String clientSecret, UUID teamId, java.util.List<String> grants) {
    }

    @WithTransaction
    public Uni<Issued> create(String name, UUID teamId, java.util.Set<Grant> grants) {
        UUID actor = caller.id();
        Uni<Void> team = teamId == null ? Uni.createFrom().voidItem()
                : teams.findById(teamId).invoke(t -> {
                    if (t == null) {
                        throw ProblemException.invalid("teamId", "is not an existing team");
                    }
                }).replaceWithVoid();
        User account = new User();
        account.id = Ids.newId();
        account.displayName = name.trim();
        account.role = Role.INTEGRATION;
        account.teamId = teamId;
        account.timeZone = UserService.DEFAULT_TIME_ZONE;
        account.locale = "en";
        String secret = Secrets.random(32);
        return team.chain(() -> users.persist(account))
                .chain(() -> hasher.hash(secret))
                .chain(hash -> {
                    ServiceAccountCredential credential = new ServiceAccountCredential();
                    credential.userId = account.id;
                    credential.clientId = "svc_" + Secrets.random(12);
                    credential.secretHash = hash;
                    credential.createdBy = actor;
                    credential.grants = grants == null ? new String[0] : grants.stream().map(Enum::name).sorted().toArray(String[]::new);
                    return credentials.persist(credential);
                })
                .call(c -> audit.record(actor, "service_account.created", "user", account.id, null,
                        Map.of("name", account.displayName, "clientId", c.clientId, "teamId", String.valueOf(teamId),
                                "grants", String.join(",", c.grants))))
                .map(c -> new Issued(account.id, account.displayName, c.clientId, secret, teamId, java.util.List.of(c.grants)));
    }

    @WithSession
    public Uni<Page<View>> list(UUID after, int limit) {
        return users.find("role = ?1 and id > ?2 order by id", Role.INTEGRATION, after).range(0, limit).list() // limit + 1 rows
                .chain(accounts -> credentials.list("userId in ?1", accounts.isEmpty() ? java.util.List.of(after) : accounts.stream().map(a -> a.id).toList())
                        .map(creds -> {
                            Map<UUID, ServiceAccountCredential> byUser = creds.stream().collect(java.util.stream.Collectors.toMap(c -> c.userId, c -> c));
                            return Page.of(accounts, limit, a -> a.id, a -> view(a, byUser.get(a.id)));
                        }));
    }

    /** A new secret; the old one and every token issued with it stop working (on every replica within seconds). */
    public Uni<Issued> rotateSecret(UUID id) {
        return Panache.withTransaction(() -> newSecret(id)).call(revocations::sync);
    }

    private Uni<Issued> newSecret(UUID id) {
        String secret = Secrets.random(32);
        return account(id)
                .invoke(User::revokeAccessTokens)
                .chain(account -> credentials.findById(id)
                        .chain(credential -> hasher.hash(secret).invoke(hash -> credential.secretHash = hash).map(h -> credential))
                        .call(credential -> audit.record(caller.id(), "service_account.secret_rotated", "user", id, null, null))
                        .map(credential -> new Issued(id, account.displayName, credential.clientId, secret, account.teamId,
                                java.util.List.of(credential.grants))));
    }

    /** Replaces the account's grants (checked on each request, so they apply at once). */
    @WithTransaction
    public Uni<View> changeGrants(UUID id, java.util.Set<Grant> grants) {
        String[] next = grants.stream().map(Enum::name).sorted().toArray(String[]::new);
        return account(id).chain(account -> credentials.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Service account"))
                .call(credential -> {
                    String before = String.join(",", credential.grants);
                    if (java.util.Arrays.equals(credential.grants, next)) {
                        return Uni.createFrom().voidItem();
                    }
                    credential.grants = next;
                    return audit.record(caller.id(), "service_account.grants_changed", "user", id,
                            Map.of("grants", before), Map.of("grants", String.join(",", next)));
                })
                .map(credential -> view(account, credential)));
    }

    /** Deactivates the account; its tokens stop working (on every replica within seconds). */
    public Uni<View> deactivate(UUID id) {
        return Panache.withTransaction(() -> deactivated(id)).call(revocations::sync);
    }

    private Uni<View> deactivated(UUID id) {
        return account(id)
                .invoke(account -> {
                    account.active = false;
                    account.revokeAccessTokens();
                })
                .call(account -> audit.record(caller.id(), "service_account.deactivated", "user", id, Map.of("active", true), Map.of("active", false)))
                .chain(account -> credentials.findById(id).map(c -> view(account, c)));
    }

    private Uni<User> account(UUID id) {
        return users.findById(id)
                .map(u -> u != null && u.role == Role.INTEGRATION ? u : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Service account"));
    }

    private static View view(User account, ServiceAccountCredential credential) {
        return new View(account.id, account.displayName, credential == null ? null : credential.clientId, account.teamId,
                account.active, credential == null ? null : credential.lastUsedAt,
                credential == null ? java.util.List.of() : java.util.List.of(credential.grants));
    }
}
