package io.canvass.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A webhook receiver on localhost for tests: records every request per path and answers with the
 * status set for that path (204 by default; paths under /fail/ answer 500, under /redirect/ 302).
 */
final class Receiver {

    static final int PORT = Integer.getInteger("canvass.test.receiver-port", 8122);

    /** One request as received. */
    record Received(String id, String timestamp, String signature, String body, String host) {
        Map<String, String> headers() {
            return Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
        }
    }

    private static Receiver instance;

    private final Map<String, List<Received>> byPath = new ConcurrentHashMap<>();
    private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();

    static synchronized Receiver start(Vertx vertx) throws Exception {
        if (instance == null) {
            Receiver receiver = new Receiver();
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                String path = request.path();
                receiver.byPath.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(
                        request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                        request.getHeader("webhook-signature"), body.toString(), request.getHeader("Host")));
                int status = receiver.statusByPath.getOrDefault(path,
                        path.startsWith("/fail/") ? 500 : path.startsWith("/redirect/") ? 302 : 204);
                if (status == 302) {
                    request.response().putHeader("location", "http://localhost:" + PORT + "/ok/redirected");
                }
                request.response().setStatusCode(status).end();
            }));
            server.listen(PORT, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            instance = receiver;
        }
        return instance;
    }

    static String url(String path) {
        return "http://localhost:" + PORT + path;
    }

    List<Received> at(String path) {
        return new ArrayList<>(byPath.getOrDefault(path, List.of()));
    }

    void answer(String path, int status) {
        statusByPath.put(path, status);
    }

    /** Polls until the condition holds; fails with the message after a generous while (a stuck dispatcher, not slowness). */
    static void until(String what, Supplier<Boolean> condition) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.get()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
