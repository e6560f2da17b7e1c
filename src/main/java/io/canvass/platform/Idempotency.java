package io.canvass.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for writes that phones retry: the first request with a key runs and its
 * response is kept; a retry gets the same status and body; the same key with a different body
 * is refused (422); a retry while the first still runs gets 409 {@code in-progress} with Retry-After,
 * which clients treat as "send it again", never as a refusal. Keys are per user, kept for a
 * configured time, and a claim whose holder died is taken over after a lease.
 */
@ApplicationScoped
public class Idempotency {

    static final String CLAIM = """
            insert into idempotency_key (user_id, key, request_hash, state, locked_until)
            values ($1, $2, $3, 'IN_PROGRESS', now() + make_interval(secs => $4))
            on conflict (user_id, key) do update
                set state = 'IN_PROGRESS', locked_until = excluded.locked_until, created_at = now()
                where idempotency_key.state = 'IN_PROGRESS' and idempotency_key.locked_until < now()
                  and idempotency_key.request_hash = excluded.request_hash
            returning user_id""";
    static final String LOOKUP = "select request_hash, state, status, body from idempotency_key where user_id = $1 and key = $2";
    static final String COMPLETE = "update idempotency_key set state = 'DONE', status = $3, body = $4 where user_id = $1 and key = $2";
    static final String RELEASE = "delete from idempotency_key where user_id = $1 and key = $2 and state = 'IN_PROGRESS'";
    /** When to send a request again that is still being processed. */
    static final Duration RETRY = Duration.ofSeconds(2);

    static final String EXPIRE = "delete from idempotency_key where created_at < now() - make_interval(secs => $1)";

    /** A response as kept for replays. */
    @RegisterForReflection
    public record Stored(int status, String body, boolean replayed) {

        /** The kept answer as JSON; a replay says so in {@code Idempotent-Replayed}. */
        public Response.ResponseBuilder response() {
            Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
            return replayed ? response.header("Idempotent-Replayed", "true") : response;
        }
    }

    /** How long keys live. */
    @ConfigMapping(prefix = "canvass.idempotency")
    public interface Config {

        /** How long a key and its response are kept; phones may replay queued writes this late. */
        @WithDefault("P7D")
        Duration retention();

        /** How long a claim is held before another request may take it over (the first one is presumed dead). */
        @WithDefault("PT60S")
        Duration lease();
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    Config config;

    /**
     * Runs {@code action} once per key (every time when {@code key} is null) and answers its result as
     * JSON with {@code status}; the key is bound to {@code target} (what the write is to) and the request.
     */
    public <T> Uni<Stored> once(UUID userId, String key, String target, Object request, int status, Supplier<Uni<T>> action) {
        Supplier<Uni<Stored>> answer = () -> action.get().map(view -> new Stored(status, json(view), false));
        return key == null ? answer.get() : run(userId, key, fingerprint(target, request), answer);
    }

    /** SHA-256 of the target and the request's JSON: a key reused for another request is told apart. */
    public byte[] fingerprint(String target, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            return digest.digest(json.writeValueAsBytes(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    /** A response body as kept for replays. */
    public String json(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response", e);
        }
    }

    public Uni<Stored> run(UUID userId, String key, byte[] requestHash, Supplier<Uni<Stored>> action) {
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
        return pool.preparedQuery(CLAIM).execute(Tuple.of(userId, key, requestHash, (double) config.lease().toSeconds()))
                .chain(claimed -> claimed.size() == 1
                        ? runClaimed(userId, key, action)
                        : earlier(userId, key, requestHash));
    }

    private Uni<Stored> runClaimed(UUID userId, String key, Supplier<Uni<Stored>> action) {
        return Uni.createFrom().<Stored>deferred(action::get)
                .call(stored -> pool.preparedQuery(COMPLETE).execute(Tuple.of(userId, key, stored.status(), stored.body())))
                .onFailure().call(() -> pool.preparedQuery(RELEASE).execute(Tuple.of(userId, key)));
    }

    private Uni<Stored> earlier(UUID userId, String key, byte[] requestHash) {
        return pool.preparedQuery(LOOKUP).execute(Tuple.of(userId, key)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.inProgress("The request with this Idempotency-Key just failed; send it again", RETRY);
            }
            Row row = rows.iterator().next();
            if (!Arrays.equals(row.getBuffer("request_hash").getBytes(), requestHash)) {
                throw new ProblemException(ProblemKind.UNPROCESSABLE,
                        "This Idempotency-Key was used for a different request; use a new key for a new request");
            }
            if (!"DONE".equals(row.getString("state"))) {
                throw ProblemException.inProgress("The request with this Idempotency-Key is still being processed; send it again shortly", RETRY);
            }
            return new Stored(row.getInteger("status"), row.getString("body"), true);
        });
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return pool.preparedQuery(EXPIRE).execute(Tuple.of((double) config.retention().toSeconds())).replaceWithVoid();
    }
}
