package io.canvass.notify.push;

import io.canvass.platform.outbound.Destination;
import io.canvass.platform.outbound.OutboundGuard;
import io.canvass.platform.outbound.OutboundRefused;
import io.canvass.platform.outbound.Reach;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends one encrypted message to one device's push service (RFC 8030) with the non-blocking Vert.x
 * HTTP client, and says what the answer means: delivered (201/202), gone (404/410: the
 * subscription is to be deleted), too large (413, after one retry with the shrunk payload), retry
 * later (429, 5xx, timeouts, connection failures; honouring Retry-After) or rejected (any other
 * answer: logged, not retried).
 */
@ApplicationScoped
public class PushSender {

    private static final Logger LOG = Logger.getLogger(PushSender.class);

    private final HttpClient client;
    private final Vapid vapid;
    private final OutboundGuard guard;
    private final PushConfig config;

    public PushSender(Vertx vertx, Vapid vapid, OutboundGuard guard, PushConfig config) {
        this.vapid = vapid;
        this.guard = guard;
        this.config = config;
        int timeoutMs = (int) config.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs)
                .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .setMaxPoolSize(config.concurrency())
                .setKeepAlive(true)
                .setTrustAll(false)
                .setVerifyHost(true)
                .setForceSni(true));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    /** A device to push to. */
    public record Device(UUID id, String endpoint, byte[] p256dh, byte[] auth) {
    }

    /**
     * What to push: the JSON payload and a smaller one to fall back to when the push service says
     * 413; the Topic (≤ 32 base64url characters) lets a push service replace an undelivered
     * message with its retry, so the device shows it once.
     */
    public record Message(byte[] payload, byte[] shrunk, String topic, Urgency urgency, Duration ttl) {
    }

    public enum Urgency {
        VERY_LOW("very-low"), LOW("low"), NORMAL("normal"), HIGH("high");

        final String header;

        Urgency(String header) {
            this.header = header;
        }
    }

    public enum Status { DELIVERED, GONE, TOO_LARGE, RETRY, REJECTED }

    /** What came of one send; {@code retryAfter} is set for RETRY when the push service said. */
    public record Result(Status status, int httpStatus, Duration retryAfter) {
        static Result of(Status status, int httpStatus) {
            return new Result(status, httpStatus, null);
        }
    }

    /** Where push services may be: public https, plus loopback under the test switch. */
    static Reach reach(PushConfig config) {
        return Reach.loopbackAllowedIf(config.allowLocalEndpoints());
    }

    /**
     * Checks the endpoint (a refused one is answered GONE, so the subscription is dropped) and
     * posts to the address that was checked, once more shrunk after a 413.
     */
    public Uni<Result> send(Device device, Message message) {
        return guard.check(device.endpoint(), reach(config))
                .chain(destination -> post(destination, device, message.payload(), message)
                        .chain(result -> result.status() == Status.TOO_LARGE && message.shrunk() != null
                                ? post(destination, device, message.shrunk(), message)
                                : Uni.createFrom().item(result)))
                .onFailure(OutboundRefused.class).recoverWithItem(e -> {
                    LOG.warnf("push endpoint of device %s refused: %s", device.id(), e.getMessage());
                    return Result.of(Status.GONE, 0);
                });
    }

    private Uni<Result> post(Destination destination, Device device, byte[] payload, Message message) {
        // key generation and ECDH cost about a millisecond of CPU: on a worker, never on the event loop
        return Uni.createFrom().item(() -> WebPushCrypto.encrypt(payload, device.p256dh(), device.auth()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(body -> post(destination, device, body, message.ttl(), message));
    }

    private Uni<Result> post(Destination destination, Device device, byte[] body, Duration ttl, Message message) {
        RequestOptions request = destination.requestOptions(HttpMethod.POST)
                .putHeader("TTL", Long.toString(ttl.toSeconds()))
                .putHeader("Urgency", message.urgency().header)
                .putHeader("Topic", message.topic())
                .putHeader("Content-Encoding", "aes128gcm")
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Authorization", vapid.authorization(destination.uri()));
        return client.request(request)
                .chain(r -> r.send(Buffer.buffer(body)))
                .chain(response -> response.body().replaceWith(response))
                .ifNoItem().after(config.timeout()).fail()
                .map(PushSender::interpret)
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("push to device %s failed: %s", device.id(), e.toString());
                    return Result.of(Status.RETRY, 0);
                });
    }

    static Result interpret(HttpClientResponse response) {
        int status = response.statusCode();
        return switch (status) {
            case 200, 201, 202 -> Result.of(Status.DELIVERED, status);
            case 404, 410 -> Result.of(Status.GONE, status);
            case 413 -> Result.of(Status.TOO_LARGE, status);
            case 429 -> new Result(Status.RETRY, status, retryAfter(response.getHeader("Retry-After")));
            default -> status >= 500
                    ? new Result(Status.RETRY, status, retryAfter(response.getHeader("Retry-After")))
                    : Result.of(Status.REJECTED, status);
        };
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }
}
