package io.canvass.identity;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The access tokens that no longer count, known to every replica without a database round trip
 * per request. A token names its user's token generation ({@code gen}) and, for people, its
 * refresh chain ({@code sid}); raising a user's generation (deactivation, a new password, a new
 * role or team, a service account's rotation or deactivation) revokes their older tokens, and
 * revoking a chain (sign-out, a replayed refresh token) revokes the tokens issued along it.
 * <p>
 * Each replica reads the revocations of the last moments on a short schedule and right after it
 * commits one itself, so a revocation holds here at once and on every other replica within
 * {@code canvass.auth.revocation.poll-every}. Entries are forgotten once every token they could
 * refuse has expired, so memory stays bounded by the revocations of one access-token lifetime.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);

    static final String RECENT = """
            select id, token_generation, tokens_revoked_at from app_user where tokens_revoked_at > $1
            union all
            select family_id, null, max(revoked_at) from refresh_token where revoked_at > $1 group by family_id""";

    private record Raised(int generation, Instant at) {
    }

    @Inject
    Pool pool;

    @Inject
    AuthConfig config;

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long clockSkewSeconds;

    private final Map<UUID, Raised> generations = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> sessions = new ConcurrentHashMap<>();
    private volatile Instant readUpTo;

    /** Is a token of {@code subject} with generation {@code generation} on chain {@code session} revoked? */
    public boolean revoked(UUID subject, int generation, UUID session) {
        Raised raised = subject == null ? null : generations.get(subject);
        if (raised != null && generation < raised.generation()) {
            return true;
        }
        return session != null && sessions.containsKey(session);
    }

    /** Whether this replica has read the revocations once (it is not ready before). */
    public boolean loaded() {
        return readUpTo != null;
    }

    @Scheduled(every = "${canvass.auth.revocation.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return sync().onFailure().recoverWithUni(failure -> {
            LOG.debugf("Reading revoked tokens failed: %s", failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    /** Reads the revocations since the last look; call after committing one to make it hold here at once. */
    public Uni<Void> sync() {
        Instant started = Instant.now();
        Instant from = readUpTo == null ? started.minus(lifetime()) : readUpTo.minus(config.revocation().overlap());
        return pool.preparedQuery(RECENT).execute(Tuple.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC)))
                .invoke(this::remember)
                .invoke(() -> forgetBefore(started.minus(lifetime())))
                .invoke(() -> readUpTo = started)
                .replaceWithVoid();
    }

    private void remember(RowSet<Row> rows) {
        for (Row row : rows) {
            UUID id = row.getUUID(0);
            Instant at = row.getOffsetDateTime(2).toInstant();
            Integer generation = row.getInteger(1);
            if (generation == null) {
                sessions.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
            } else {
                generations.merge(id, new Raised(generation, at), (a, b) -> a.generation() >= b.generation() ? a : b);
            }
        }
    }

    /** Tokens issued before {@code horizon} have expired, so revocations older than it refuse nothing. */
    private void forgetBefore(Instant horizon) {
        generations.values().removeIf(raised -> raised.at().isBefore(horizon));
        sessions.values().removeIf(at -> at.isBefore(horizon));
    }

    /** An access token's lifetime, the verifier's tolerance and the look-back: what a revocation must outlive. */
    private Duration lifetime() {
        return config.accessTokenTtl().plusSeconds(clockSkewSeconds).plus(config.revocation().overlap());
    }
}
