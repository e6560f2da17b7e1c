package io.canvass.identity;

import io.canvass.audit.AuditService;
import io.canvass.platform.Ids;
import io.canvass.platform.ProblemException;
import io.canvass.platform.ProblemKind;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One-time links with which a person sets their password: an invite for a new user (issued when a
 * user is created without a password, or again later) and a password reset. Whoever may manage a
 * user ({@link AccessPolicy#checkManage}) may issue their links: admins anyone's, directors anyone's
 * but admins', managers those of the reps in the teams they manage; nobody their own.
 * <ul>
 * <li>The token is 256 random bits; only its SHA-256 is stored, and it is answered once.</li>
 * <li>A link works once, until it expires ({@code canvass.auth.access-links.*-ttl}), and only while
 * it is the user's newest: issuing a link replaces the user's open ones.</li>
 * <li>Issuing a reset link signs the user out everywhere and clears their password, so that only the
 * link lets them in again.</li>
 * <li>Using a link sets the password, signs the user out of every other session and signs them in.</li>
 * <li>Unknown tokens count as failed sign-ins of the subject {@value #SUBJECT} from the client's
 * address ({@link LoginThrottle}), so guessing is slowed down like password guessing.</li>
 * </ul>
 */
@ApplicationScoped
public class AccessLinkService {

    /** The sign-in subject under which guessed tokens are counted. */
    static final String SUBJECT = "access-link";

    static final String UNKNOWN = "This link is not valid; ask whoever sent it for a new one";

    /** What the page opening a link shows before the password is chosen. */
    @RegisterForReflection
    public record LinkInfo(AccessLink.Purpose purpose, String email, String displayName, Instant expiresAt) {
    }

    @Inject
    AccessLinkRepository links;

    @Inject
    UserRepository users;

    @Inject
    ScopeService scopes;

    @Inject
    AuditService audit;

    @Inject
    TokenService tokens;

    @Inject
    PasswordHasher hasher;

    @Inject
    Revocations revocations;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuthConfig config;

    @Inject
    HttpServerRequest request;

    /** Issues a new invite link for a user who has not set a password yet. */
    public Uni<AccessLinkView> invite(UUID userId) {
        return Panache.withTransaction(() -> issueFor(userId, AccessLink.Purpose.INVITE));
    }

    /** Issues a password-reset link; the user is signed out everywhere and their password cleared. */
    public Uni<AccessLinkView> reset(UUID userId) {
        return Panache.withTransaction(() -> issueFor(userId, AccessLink.Purpose.RESET)).call(revocations::sync);
    }

    /** Issues a link for {@code user}, replacing their open ones. Inside the caller's transaction. */
    Uni<AccessLinkView> issue(User user, AccessLink.Purpose purpose, UUID issuedBy) {
        String token = Secrets.random(32);
        Instant now = Instant.now();
        AccessLink link = new AccessLink();
        link.id = Ids.newId();
        link.userId = user.id;
        link.purpose = purpose;
        link.tokenHash = Secrets.sha256(token);
        link.issuedBy = issuedBy;
        link.createdAt = now;
        link.expiresAt = now.plus(purpose == AccessLink.Purpose.INVITE ? config.accessLinks().inviteTtl() : config.accessLinks().resetTtl());
        return links.replaceOpen(user.id, link.id, now)
                .chain(() -> links.persist(link))
                .map(saved -> AccessLinkView.of(saved, token));
    }

    private Uni<AccessLinkView> issueFor(UUID userId, AccessLink.Purpose purpose) {
        return scopes.current().chain(scope -> visible(scope, userId).chain(user -> {
            checkIssue(scope, user, purpose);
            Uni<Void> signOut = purpose == AccessLink.Purpose.RESET
                    ? tokens.revokeAllOf(user).invoke(() -> user.passwordHash = null).replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return signOut
                    .chain(() -> issue(user, purpose, scope.userId()))
                    .call(users::flush)
                    .call(link -> audit.record(scope.userId(),
                            purpose == AccessLink.Purpose.INVITE ? "user.invite_issued" : "user.password_reset_issued",
                            "user", user.id, null, Map.of("expiresAt", link.expiresAt().toString())));
        }));
    }

    private static void checkIssue(Scope scope, User user, AccessLink.Purpose purpose) {
        if (user.role == Role.INTEGRATION) {
            throw ProblemException.conflict("Service accounts have secrets, not passwords; rotate the secret instead");
        }
        if (user.id.equals(scope.userId())) {
            throw ProblemException.forbidden("Change your own password under /api/v1/me/password");
        }
        AccessPolicy.checkManage(scope, user);
        if (!user.active) {
            throw ProblemException.conflict("The user is deactivated; reactivate them first");
        }
        if (purpose == AccessLink.Purpose.INVITE && user.passwordHash != null) {
            throw ProblemException.conflict("The user has already set a password; send a password reset link instead");
        }
    }

    /** Who a link is for, so that its page can greet them; refused like {@link #redeem} when it does not work. */
    public Uni<LinkInfo> inspect(String token) {
        LoginThrottle.Attempt attempt = attempt();
        return throttle.check(attempt)
                .chain(() -> Panache.withSession(() -> openLink(token)))
                .call(found -> found == null ? throttle.recordFailure(attempt) : Uni.createFrom().voidItem())
                .map(found -> {
                    if (found == null) {
                        throw new ProblemException(ProblemKind.NOT_FOUND, UNKNOWN);
                    }
                    requireUsable(found.link(), Instant.now());
                    return new LinkInfo(found.link().purpose, found.user().email, found.user().displayName, found.link().expiresAt);
                });
    }

    /** Sets the password through a link, signs the user out of every other session and signs them in. */
    public Uni<TokenPair> redeem(String token, String password) {
        LoginThrottle.Attempt attempt = attempt();
        return throttle.check(attempt)
                .chain(() -> hasher.hash(password))
                .chain(hash -> Panache.withTransaction(() -> use(token, hash)))
                .call(pair -> pair == null ? throttle.recordFailure(attempt) : revocations.sync())
                .map(pair -> {
                    if (pair == null) {
                        throw new ProblemException(ProblemKind.NOT_FOUND, UNKNOWN);
                    }
                    return pair;
                });
    }

    /** A token pair, or null for an unknown link; a link that no longer works fails. */
    private Uni<TokenPair> use(String token, String hash) {
        Instant now = Instant.now();
        return openLink(token).chain(found -> {
            if (found == null) {
                return Uni.createFrom().nullItem();
            }
            requireUsable(found.link(), now);
            User user = found.user();
            found.link().usedAt = now;
            user.passwordHash = hash;
            return links.replaceOpen(user.id, found.link().id, now)
                    .chain(() -> tokens.revokeAllOf(user))
                    .chain(() -> audit.record(user.id, found.link().purpose == AccessLink.Purpose.INVITE
                            ? "user.invite_accepted" : "user.password_reset", "user", user.id, null, null))
                    .chain(() -> tokens.startChain(user));
        });
    }

    private record Found(AccessLink link, User user) {
    }

    /** The link with its user, or null when no such link exists or its user may no longer sign in. */
    private Uni<Found> openLink(String token) {
        return links.findByHash(Secrets.sha256(token))
                .chain(link -> link == null ? Uni.createFrom().<Found>nullItem() : users.findById(link.userId)
                        .map(user -> user == null || !user.active || user.role == Role.INTEGRATION ? null : new Found(link, user)));
    }

    private static void requireUsable(AccessLink link, Instant now) {
        if (link.usedAt != null) {
            throw new ProblemException(ProblemKind.ACCESS_LINK_USED,
                    "This link has already been used; sign in with your password, or ask for a new link");
        }
        if (link.replacedAt != null) {
            throw new ProblemException(ProblemKind.ACCESS_LINK_REPLACED,
                    "A newer link was sent after this one; open the newest link you received");
        }
        if (!link.expiresAt.isAfter(now)) {
            throw new ProblemException(ProblemKind.ACCESS_LINK_EXPIRED, "This link has expired; ask whoever sent it for a new one");
        }
    }

    private Uni<User> visible(Scope scope, UUID id) {
        return users.findById(id)
                .map(user -> user != null && scope.covers(user.id, user.teamId) ? user : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("User"));
    }

    private LoginThrottle.Attempt attempt() {
        return new LoginThrottle.Attempt(SUBJECT, ClientAddress.of(request));
    }

    /** Every replica runs it; deleting twice is harmless. */
    @Scheduled(every = "6h", delayed = "15m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return Panache.withTransaction(() -> links.purge(Instant.now().minus(config.accessLinks().retention()))).replaceWithVoid();
    }
}
