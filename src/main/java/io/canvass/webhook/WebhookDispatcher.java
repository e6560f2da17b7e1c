package io.canvass.webhook;

import io.canvass.audit.AuditService;
import io.canvass.platform.ProblemException;
import io.canvass.platform.outbound.Destination;
import io.canvass.platform.outbound.OutboundGuard;
import io.canvass.platform.outbound.Reach;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends webhook messages. Runs in every replica: each round claims due deliveries with
 * {@code FOR UPDATE SKIP LOCKED}, moving them one lease ahead (so a replica that dies mid-round
 * loses nothing: its deliveries come due again), posts them signed with the Vert.x web client
 * (bounded timeouts, no redirects, to the address that passed the SSRF check), then records every
 * outcome in one statement. Failures are retried with exponential backoff and jitter until
 * {@code retry-for} after the event, then marked FAILED; an endpoint whose every attempt has failed
 * for {@code disable-after} is disabled and the notice recorded on it and in the audit log.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    static final String CLAIM = """
            with due as (
                select d.id from webhook_delivery d
                join webhook_endpoint e on e.id = d.endpoint_id and e.active
                where d.status = 'PENDING' and d.next_attempt_at <= now()
                order by d.next_attempt_at
                limit $1
                for update of d skip locked
            )
            update webhook_delivery d
               set next_attempt_at = now() + make_interval(secs => $2), attempts = d.attempts + 1, last_attempt_at = now()
            from due, webhook_event v, webhook_endpoint e
            where d.id = due.id and v.id = d.event_id and e.id = d.endpoint_id
            returning d.id, d.attempts, d.endpoint_id, v.id as event_id, v.type, v.occurred_at, v.payload::text as payload,
                      e.url, e.secret_enc, e.previous_secret_enc, e.previous_secret_until""";

    static final String RECORD = """
            update webhook_delivery d set status = r.status, last_status = r.code, last_error = r.error,
                   last_latency_ms = r.latency, next_attempt_at = coalesce(r.next_at, d.next_attempt_at),
                   delivered_at = case when r.status = 'DELIVERED' then now() else d.delivered_at end
            from unnest($1::uuid[], $2::varchar[], $3::int[], $4::varchar[], $5::int[], $6::timestamptz[])
                 as r(id, status, code, error, latency, next_at)
            where d.id = r.id""";

    static final String HEALTH = """
            update webhook_endpoint e set failing_since = case when h.ok then null else coalesce(e.failing_since, now()) end
            from unnest($1::uuid[], $2::bool[]) as h(id, ok)
            where e.id = h.id and (h.ok = (e.failing_since is not null))""";

    static final String DISABLE = """
            update webhook_endpoint set active = false, disabled_at = now(), disabled_reason = $2,
                   updated_at = now(), version = version + 1
            where active and failing_since < now() - make_interval(secs => $1)
            returning id, owner_id, url""";

    static final String EXPIRE = """
            delete from webhook_event v where v.occurred_at < now() - make_interval(secs => $1)
              and not exists (select 1 from webhook_delivery d where d.event_id = v.id and d.status = 'PENDING')""";

    /** One claimed delivery. */
    record Claimed(UUID id, int attempts, UUID endpointId, UUID eventId, String type, Instant occurredAt, String payload,
                   String url, byte[] secret, byte[] previousSecret, Instant previousUntil) {
    }

    /** What one attempt gave. */
    record Outcome(Claimed delivery, String status, Integer code, String error, int latencyMs, Instant nextAt) {
    }

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    WebhookConfig config;

    @Inject
    OutboundGuard guard;

    @Inject
    SecretBox box;

    @Inject
    AuditService audit;

    @Inject
    MeterRegistry metrics;

    WebClient client;

    @PostConstruct
    void start() {
        client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) Math.max(1, config.requestTimeout().toSeconds()))
                .setFollowRedirects(false)
                .setMaxPoolSize(config.concurrency())
                .setKeepAlive(true)
                .setForceSni(true)
                .setUserAgent("Canvass-Webhooks/1"));
    }

    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    @Scheduled(every = "${canvass.webhooks.dispatch-every:1s}", delayed = "${canvass.webhooks.dispatch-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        return round()
                .chain(count -> count >= config.batchSize() ? dispatch() : Uni.createFrom().voidItem())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Webhook dispatch round failed (retried on the next tick): %s", failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Claims, sends and records one batch; returns how many were claimed. */
    public Uni<Integer> round() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize(), (double) config.lease().toSeconds()))
                .map(WebhookDispatcher::claimed)
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0) : send(batch).map(done -> batch.size()));
    }

    private Uni<Void> send(List<Claimed> batch) {
        Map<UUID, Uni<Destination>> targets = new HashMap<>();
        Map<UUID, List<String>> secrets = new HashMap<>();
        for (Claimed c : batch) {
            targets.computeIfAbsent(c.endpointId(), id -> guard.check(c.url(), reach(config)).memoize().indefinitely());
            secrets.computeIfAbsent(c.endpointId(), id -> secretsOf(c));
        }
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUni(c -> targets.get(c.endpointId())
                        .onFailure().recoverWithNull()
                        .chain(target -> attempt(c, target, secrets.get(c.endpointId()))))
                .merge(config.concurrency())
                .collect().asList()
                .chain(this::record);
    }

    private List<String> secretsOf(Claimed c) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(box.open(c.secret()));
        if (c.previousSecret() != null && c.previousUntil() != null && c.previousUntil().isAfter(Instant.now())) {
            secrets.add(box.open(c.previousSecret()));
        }
        return secrets;
    }

    /** Where receivers may be: public https, plus loopback under the test switch. */
    static Reach reach(WebhookConfig config) {
        return Reach.loopbackAllowedIf(config.allowLocalhostReceivers());
    }

    private Uni<Outcome> attempt(Claimed c, Destination target, List<String> secrets) {
        long started = System.nanoTime();
        if (target == null) {
            return Uni.createFrom().item(failed(c, null, "refused: the URL no longer passes the address check", 0));
        }
        String body = "{\"id\":\"" + c.eventId() + "\",\"type\":\"" + c.type() + "\",\"timestamp\":\"" + c.occurredAt()
                + "\",\"data\":" + c.payload() + "}";
        long timestamp = Instant.now().getEpochSecond();
        String id = c.eventId().toString();
        return client.request(HttpMethod.POST, SocketAddress.newInstance(target.server()), target.requestOptions(HttpMethod.POST))
                .timeout(config.requestTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.header(secrets, id, timestamp, body))
                .as(BodyCodec.none())
                .sendBuffer(Buffer.buffer(body))
                .map(response -> {
                    int latency = (int) ((System.nanoTime() - started) / 1_000_000);
                    if (response.statusCode() >= 200 && response.statusCode() < 300) {
                        return new Outcome(c, "DELIVERED", response.statusCode(), null, latency, null);
                    }
                    String error = response.statusCode() >= 300 && response.statusCode() < 400
                            ? "redirect not followed" : "HTTP " + response.statusCode();
                    return failed(c, response.statusCode(), error, latency);
                })
                .onFailure().recoverWithItem(failure -> failed(c, null, describe(failure),
                        (int) ((System.nanoTime() - started) / 1_000_000)));
    }

    private Outcome failed(Claimed c, Integer code, String error, int latencyMs) {
        Instant next = Instant.now().plus(backoff(c.attempts()));
        if (next.isAfter(c.occurredAt().plus(config.retryFor()))) {
            return new Outcome(c, "FAILED", code, error, latencyMs, null);
        }
        return new Outcome(c, "PENDING", code, error, latencyMs, next);
    }

    /** Exponential, capped, with jitter: between half and all of base × 2^(attempt-1). */
    Duration backoff(int attempt) {
        long base = config.retryBase().toMillis();
        long max = config.retryMaxDelay().toMillis();
        long exp = attempt >= 40 ? max : Math.min(max, base * (1L << Math.max(0, attempt - 1)));
        long jittered = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    private Uni<Void> record(List<Outcome> outcomes) {
        int n = outcomes.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        Integer[] codes = new Integer[n];
        String[] errors = new String[n];
        Integer[] latencies = new Integer[n];
        OffsetDateTime[] nextAts = new OffsetDateTime[n];
        Map<UUID, Boolean> health = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            ids[i] = o.delivery().id();
            statuses[i] = o.status();
            codes[i] = o.code();
            errors[i] = o.error() == null ? null : o.error().length() > 300 ? o.error().substring(0, 300) : o.error();
            latencies[i] = o.latencyMs();
            nextAts[i] = o.nextAt() == null ? null : o.nextAt().atOffset(java.time.ZoneOffset.UTC);
            health.merge(o.delivery().endpointId(), "DELIVERED".equals(o.status()), Boolean::logicalOr);
            metrics.counter("canvass.webhooks.attempts", "outcome", o.status().toLowerCase()).increment();
        }
        return pool.withTransaction(tx -> tx.preparedQuery(RECORD).execute(Tuple.tuple(List.of(ids, statuses, codes, errors, latencies, nextAts)))
                        .chain(() -> tx.preparedQuery(HEALTH).execute(Tuple.of(health.keySet().toArray(UUID[]::new),
                                health.values().toArray(Boolean[]::new)))))
                .chain(() -> health.containsValue(false) ? disableFailing() : Uni.createFrom().voidItem());
    }

    private Uni<Void> disableFailing() {
        String reason = "Every delivery attempt failed for more than " + config.disableAfter()
                + "; fix the receiver, then set active to true";
        return pool.preparedQuery(DISABLE).execute(Tuple.of((double) config.disableAfter().toSeconds(), reason))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem() : notify(rows, reason));
    }

    /** The notice to admins: kept on the endpoint (its view shows it) and in the audit log. */
    private Uni<Void> notify(RowSet<Row> disabled, String reason) {
        List<Row> rows = new ArrayList<>();
        disabled.forEach(rows::add);
        return Panache.withTransaction(() -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(r -> {
                    LOG.warnf("Webhook endpoint %s (%s) disabled: %s", r.getUUID("id"), r.getString("url"), reason);
                    return audit.record(null, "webhook.disabled", "webhook_endpoint", r.getUUID("id"), null,
                            Map.of("url", r.getString("url"), "ownerId", r.getUUID("owner_id").toString(), "reason", reason));
                })
                .collect().asList()).replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return pool.preparedQuery(EXPIRE).execute(Tuple.of((double) config.retention().toSeconds())).replaceWithVoid();
    }

    private static List<Claimed> claimed(RowSet<Row> rows) {
        List<Claimed> batch = new ArrayList<>(rows.size());
        for (Row r : rows) {
            batch.add(new Claimed(r.getUUID("id"), r.getInteger("attempts"), r.getUUID("endpoint_id"), r.getUUID("event_id"),
                    r.getString("type"), r.getOffsetDateTime("occurred_at").toInstant(), r.getString("payload"), r.getString("url"),
                    r.getBuffer("secret_enc").getBytes(),
                    r.getBuffer("previous_secret_enc") == null ? null : r.getBuffer("previous_secret_enc").getBytes(),
                    r.getOffsetDateTime("previous_secret_until") == null ? null : r.getOffsetDateTime("previous_secret_until").toInstant()));
        }
        return batch;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return "refused: " + problem.getMessage();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
