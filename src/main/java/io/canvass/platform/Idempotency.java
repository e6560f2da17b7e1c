package io.canvass.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on every write: the first request with a key runs, and its answer (status,
 * the headers that matter, body) is recorded in the same database transaction as its effect; a
 * retry with the same key and request gets that answer, with {@code Idempotent-Replayed: true}; the
 * same key with another request is refused (422); a retry while the first still runs gets 409
 * {@code in-progress} with Retry-After, which clients treat as "send it again", never as a refusal.
 *
 * <p>Because the key is recorded with the effect, a write is applied at most once per key whatever
 * fails and whichever replica answers, and a write that failed or was rolled back leaves its key free
 * at once. The transaction is the one the write's services join ({@code @WithTransaction} and
 * {@code Panache.withTransaction} take part in the one already open). Keys are per caller and kept for
 * a configured time.
 */
@ApplicationScoped
public class Idempotency {

    /** Held until the transaction ends: a second request with the key while the first runs does not get it. */
    static final String LOCK = "select pg_try_advisory_xact_lock(hashtextextended(?1, 0))";
    /** A used key: its request, its answer (status, headers, body), and whether a key still waiting for its answer may yet get it. */
    static final String LOOKUP = "select request_hash, status, headers, body, created_at > now() - interval '1 minute'"
            + " from idempotency_key where user_id = ?1 and key = ?2";
    static final String COMPLETE = """
            insert into idempotency_key (user_id, key, request_hash, state, status, headers, body, locked_until)
            values (?1, ?2, ?3, 'DONE', ?4, ?5, ?6, now())""";
    static final String EXPIRE = "delete from idempotency_key where created_at < now() - make_interval(secs => $1)";
    /** The answer's headers a replay repeats. */
    static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_DISPOSITION);
    /** The request header carrying the key. */
    public static final String HEADER = "Idempotency-Key";
    /** The answer header that marks a replay. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** When to send a request again that is still being processed. */
    static final Duration RETRY = Duration.ofSeconds(2);

    /** An answer as kept for replays: status, the headers that matter, and the body as sent (null when none). */
    public record Stored(int status, Map<String, String> headers, String body) {

        /** The kept answer, marked as a replay. */
        public Response replay() {
            Response.ResponseBuilder response = Response.status(status).header(REPLAYED, "true");
            headers.forEach(response::header);
            return body == null ? response.build() : response.entity(body).build();
        }
    }

    /** The answer of a replay, carried to the response by {@link ProblemMappers}. */
    public static class Replay extends RuntimeException {

        private final transient Stored stored;

        Replay(Stored stored) {
            super(null, null, false, false);
            this.stored = stored;
        }

        public Response response() {
            return stored.replay();
        }
    }

    /** How long keys live. */
    @ConfigMapping(prefix = "canvass.idempotency")
    public interface Config {

        /** How long a key and its answer are kept; phones may replay queued writes this late. */
        @WithDefault("P7D")
        Duration retention();
    }

    @Inject
    Pool pool;

    @Inject
    Config config;

    /** JSON as kept: the application's, without the {@link Secret}s. */
    private ObjectMapper json;

    @Inject
    Idempotency(ObjectMapper json) {
        this.json = json.copy().setAnnotationIntrospector(AnnotationIntrospector.pair(new SecretsLeftOut(),
                json.getSerializationConfig().getAnnotationIntrospector()));
    }

    /** Leaves {@link Secret}s out. */
    static final class SecretsLeftOut extends NopAnnotationIntrospector {

        @Override
        public boolean hasIgnoreMarker(AnnotatedMember member) {
            return member.hasAnnotation(Secret.class);
        }
    }

    /**
     * Runs {@code write} in a transaction that also records its answer under {@code key}, or answers
     * what an earlier request with the key was answered (failing with {@link Replay}). {@code answer}
     * tells the status, headers and body of the write's result.
     */
    public <T> Uni<T> once(UUID userId, String key, byte[] requestHash, Supplier<Uni<T>> write, Function<T, Stored> answer) {
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid(HEADER, "must be 1 to 200 characters");
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK, Boolean.class)
                        .setParameter(1, userId + " " + key)
                        .getSingleResult()
                        .chain(locked -> {
                            if (!Boolean.TRUE.equals(locked)) {
                                throw ProblemException.inProgress(
                                        "The request with this Idempotency-Key is still being processed; send it again shortly", RETRY);
                            }
                            return session.createNativeQuery(LOOKUP, Object[].class)
                                    .setParameter(1, userId).setParameter(2, key)
                                    .getResultList();
                        })
                        .chain(earlier -> earlier.isEmpty()
                                ? Uni.createFrom().<T>deferred(write::get)
                                        .call(result -> complete(userId, key, requestHash, answer.apply(result)))
                                : Uni.createFrom().failure(replayOrRefusal(earlier.get(0), requestHash)))));
    }

    /**
     * {@link #once} for a write whose services commit their own transaction and build the answer after
     * it ({@link ReplaySafe.AnswerAfterCommit}): the key is put in the session before the write, so the
     * write's transaction inserts it with its effect; its answer is added once known. A duplicate that
     * runs at the same time fails on the key (or on the state the first left) and is then answered as a
     * retry of the first: nothing of it is kept.
     */
    public <T> Uni<T> onceAnsweredAfterCommit(UUID userId, String key, byte[] requestHash, Supplier<Uni<T>> write,
                                              Function<T, Stored> answer) {
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid(HEADER, "must be 1 to 200 characters");
        }
        return earlier(userId, key).chain(earlier -> earlier != null
                ? Uni.createFrom().<T>failure(replayOrRefusal(earlier, requestHash))
                : Panache.withSession(() -> {
                    IdempotencyKey marker = new IdempotencyKey();
                    marker.userId = userId;
                    marker.key = key;
                    marker.requestHash = requestHash;
                    return Panache.getSession()
                            .chain(session -> session.persist(marker))
                            .chain(() -> Uni.createFrom().<T>deferred(write::get))
                            .call(result -> Panache.withTransaction(() -> answered(marker, answer.apply(result))));
                }).onFailure().recoverWithUni(failure -> earlier(userId, key).map(meanwhile -> {
                    if (meanwhile == null) {
                        throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
                    }
                    throw replayOrRefusal(meanwhile, requestHash);
                })));
    }

    /** The key as an earlier request left it (hash, status, headers, body, whether an answer may still come); null when unused. */
    private Uni<Object[]> earlier(UUID userId, String key) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(LOOKUP, Object[].class)
                        .setParameter(1, userId).setParameter(2, key)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    private Uni<Void> answered(IdempotencyKey marker, Stored stored) {
        marker.status = stored.status();
        marker.headers = json(stored.headers());
        marker.body = stored.body();
        return Uni.createFrom().voidItem();
    }

    private Uni<Integer> complete(UUID userId, String key, byte[] requestHash, Stored stored) {
        return Panache.getSession().chain(session -> session.createNativeQuery(COMPLETE)
                .setParameter(1, userId).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, stored.status()).setParameter(5, json(stored.headers())).setParameter(6, stored.body())
                .executeUpdate());
    }

    private RuntimeException replayOrRefusal(Object[] row, byte[] requestHash) {
        if (!Arrays.equals((byte[]) row[0], requestHash)) {
            return new ProblemException(ProblemKind.UNPROCESSABLE,
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        if (row[1] == null) {
            return Boolean.TRUE.equals(row[4])
                    ? ProblemException.inProgress("The request with this Idempotency-Key is being answered; send it again shortly", RETRY)
                    : ProblemException.conflict("The request with this Idempotency-Key was applied, but its answer was not kept;"
                            + " read the record to see where it stands");
        }
        Map<String, String> headers = row[2] == null ? Map.of() : headers((String) row[2]);
        return new Replay(new Stored(((Number) row[1]).intValue(), headers, (String) row[3]));
    }

    /** The answer {@code response} gives, as kept for replays. */
    public Stored answer(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Object entity = response.getEntity();
        if (entity != null && !headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
            headers.put(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        return new Stored(response.getStatus(), headers, body(entity));
    }

    private String body(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof String text) {
            return text;
        }
        if (entity instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return json(entity);
    }

    /** SHA-256 of the request as a client sent it: what it is to (method, path and query) and its body. */
    public byte[] fingerprint(String target, List<Object> body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            for (Object part : body) {
                digest.update((byte) 0);
                digest.update(part instanceof byte[] bytes ? bytes : json.writeValueAsBytes(part));
            }
            return digest.digest();
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response", e);
        }
    }

    private Map<String, String> headers(String stored) {
        try {
            return json.readValue(stored, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a kept answer", e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return pool.preparedQuery(EXPIRE).execute(Tuple.of((double) config.retention().toSeconds())).replaceWithVoid();
    }
}
