package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Http;
import io.canvass.testing.PackagedApp;
import io.canvass.testing.ThrowawayPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A rolling update, reproduced with two replicas of the packaged app and a client that plays the
 * Service: it sends each request to a replica whose readiness probe last answered 200, probing once
 * a second, as a kubelet with periodSeconds: 1 would (k8s/ probes every 2 s). One replica gets
 * SIGTERM while a steady load of writes runs; both run with the production shutdown settings.
 */
class GracefulShutdownIT {

    static final int WORKERS = 6;
    static final long PROBE_PERIOD_MILLIS = 1000;

    @Test
    void sigtermUnderLoadFailsNoRequestAndLosesNoWrite() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start().createDatabase("canvass")) {
            Map<String, String> leaving = PackagedApp.environment(postgres, "canvass");
            leaving.put("CANVASS_FOLLOW_UPS_SWEEP_EVERY", "1s");
            leaving.put("CANVASS_FOLLOW_UPS_SWEEP_DELAY", "0s");
            Map<String, String> staying = PackagedApp.environment(postgres, "canvass");
            try (PackagedApp a = PackagedApp.start("shutdown-a", leaving).awaitReady();
                    PackagedApp b = PackagedApp.start("shutdown-b", staying).awaitReady();
                    Connection db = postgres.connect("canvass")) {
                String rep = Http.newRep(a);
                Service service = new Service(List.of(a, b));
                Load load = new Load(service, rep);
                try {
                    service.start();
                    load.start();
                    awaitThat("a steady load on both replicas", () -> load.created.size() >= 60);

                    // the leaving replica's sweep works before the shutdown …
                    String before = load.created.peek();
                    makeOverdue(db, before);
                    awaitThat("the sweep to mark an overdue follow-up missed", () -> followUpStatuses(db, before).contains("MISSED"));

                    // … SIGTERM under load: readiness goes down first, the Service stops sending, no request fails …
                    a.terminate();
                    awaitThat("the leaving replica's readiness to go down", () -> !service.ready(a));

                    // … and once it drains, it claims no work
                    awaitThat("the leaving replica to pause its jobs",
                            () -> a.logLines().stream().anyMatch(l -> l.contains("scheduled jobs are paused")));
                    String after = newestCreated(load);
                    makeOverdue(db, after);

                    assertTrue(a.awaitExit(), "the replica ended within a minute of SIGTERM:\n" + a.tail());
                    int atExit = load.created.size();
                    awaitThat("the load to go on against the remaining replica", () -> load.created.size() >= atExit + 60);
                    load.stop();

                    // a request still arriving when the last replica gets SIGTERM, and outliving its delay, completes
                    CountDownLatch streaming = new CountDownLatch(1);
                    CompletableFuture<HttpResponse<String>> slow = Http.CLIENT.sendAsync(slowCustomer(b, rep, streaming),
                            HttpResponse.BodyHandlers.ofString());
                    streaming.await();
                    b.terminate();
                    HttpResponse<String> slowResponse = slow.get();
                    assertEquals(201, slowResponse.statusCode(), "the request in flight finished: " + slowResponse.body());
                    load.created.add(Http.JSON.readTree(slowResponse.body()).get("id").asText());
                    assertTrue(b.awaitExit(), b.tail());

                    assertEquals(List.of(), load.failures, "no request failed during the shutdown");
                    assertTrue(service.answeredNotReady(a),
                            "readiness answered DOWN while the replica still served, before it stopped listening");
                    assertEquals(load.created.size(), customersIn(db, load.created),
                            "every acknowledged write is in the database");
                    assertEquals(load.created.size(), loadCustomers(db), "and nothing else was written");
                    assertEquals(Set.of("OPEN"), followUpStatuses(db, after),
                            "the replica that was shutting down claimed no follow-up");
                } finally {
                    load.stop();
                    service.stop();
                }
            }
        }
    }

    private static String newestCreated(Load load) {
        String last = null;
        for (String id : load.created) {
            last = id;
        }
        return last;
    }

    /** A customer whose JSON body trickles in over the shutdown delay and then some; counts down once it streams. */
    private static HttpRequest slowCustomer(PackagedApp app, String token, CountDownLatch streaming) {
        byte[] body = Http.json(Map.of("name", "Load-slow-" + UUID.randomUUID(), "grade", "B")).getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int next;

            @Override
            public int read() {
                if (next == body.length) {
                    return -1;
                }
                streaming.countDown();
                pause(8000 / body.length);
                return body[next++];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
        return HttpRequest.newBuilder(app.uri("/api/v1/customers")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> trickle)).build();
    }

    private static void makeOverdue(Connection db, String customerId) throws Exception {
        try (PreparedStatement s = db.prepareStatement("update follow_up set due_on = current_date - 30, "
                + "due_at = now() - interval '30 days' where customer_id = ?::uuid and status = 'OPEN'")) {
            s.setString(1, customerId);
            assertEquals(1, s.executeUpdate(), "the customer has one open follow-up");
        }
    }

    private static Set<String> followUpStatuses(Connection db, String customerId) {
        try (PreparedStatement s = db.prepareStatement("select status from follow_up where customer_id = ?::uuid")) {
            s.setString(1, customerId);
            Set<String> statuses = new java.util.HashSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    statuses.add(r.getString(1));
                }
            }
            return statuses;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int customersIn(Connection db, Queue<String> ids) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select count(*) from customer where id = any(?)")) {
            Array array = db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static int loadCustomers(Connection db) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select count(*) from customer where name like 'Load-%'");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Waits for a condition the test needs before going on; gives up after three minutes. */
    static void awaitThat(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            pause(50);
        }
    }

    static Thread daemon(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The endpoints of a Service: replicas whose last readiness probe answered 200. */
    static final class Service {
        final List<PackagedApp> replicas;
        final Set<PackagedApp> ready = ConcurrentHashMap.newKeySet();
        final Map<PackagedApp, List<Integer>> probes = new ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger next = new AtomicInteger();
        Thread prober;

        Service(List<PackagedApp> replicas) {
            this.replicas = replicas;
            replicas.forEach(r -> probes.put(r, new CopyOnWriteArrayList<>()));
        }

        void start() {
            replicas.forEach(ready::add);
            prober = daemon(() -> {
                while (running.get()) {
                    for (PackagedApp r : replicas) {
                        int status = r.readiness();
                        List<Integer> seen = probes.get(r);
                        if (seen.isEmpty() || seen.get(seen.size() - 1) != status) {
                            seen.add(status);
                        }
                        if (status == 200) {
                            ready.add(r);
                        } else {
                            ready.remove(r);
                        }
                    }
                    pause(PROBE_PERIOD_MILLIS);
                }
            });
        }

        boolean ready(PackagedApp r) {
            return ready.contains(r);
        }

        /** A replica to send to, round robin over the ready ones; null when none is ready. */
        PackagedApp pick() {
            List<PackagedApp> now = replicas.stream().filter(ready::contains).toList();
            return now.isEmpty() ? null : now.get(Math.floorMod(next.getAndIncrement(), now.size()));
        }

        /** The replica's readiness answered 503 (it was up and said so) before it stopped answering at all. */
        boolean answeredNotReady(PackagedApp r) {
            List<Integer> seen = probes.get(r);
            int down = seen.indexOf(503);
            return down > 0 && seen.subList(0, down).contains(200) && (seen.indexOf(-1) < 0 || seen.indexOf(-1) > down);
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (prober != null) {
                prober.join();
            }
        }
    }

    /** Workers creating customers through the Service as fast as it answers. */
    static final class Load {
        final Service service;
        final String token;
        final Queue<String> created = new ConcurrentLinkedQueue<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> workers = new CopyOnWriteArrayList<>();

        Load(Service service, String token) {
            this.service = service;
            this.token = token;
        }

        void start() {
            for (int i = 0; i < WORKERS; i++) {
                workers.add(daemon(this::work));
            }
        }

        private void work() {
            while (running.get()) {
                PackagedApp target = service.pick();
                if (target == null) {
                    pause(10);
                    continue;
                }
                HttpRequest request = Http.post(target.uri("/api/v1/customers"), token,
                        Map.of("name", "Load-" + UUID.randomUUID(), "grade", "B")).build();
                try {
                    HttpResponse<String> response = Http.send(request);
                    if (response.statusCode() == 201) {
                        created.add(Http.JSON.readTree(response.body()).get("id").asText());
                    } else {
                        failures.add(target.name + ": " + response.statusCode() + " " + response.body());
                    }
                } catch (IOException e) {
                    failures.add(target.name + ": " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread w : workers) {
                w.join();
            }
        }
    }
}
