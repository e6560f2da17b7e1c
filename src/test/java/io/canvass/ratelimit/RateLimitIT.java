package io.canvass.ratelimit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.canvass.testing.ThrowawayPostgres;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged application on one PostgreSQL: limits hold for the pair (each
 * replica takes half of a caller's writes; sign-in attempts per address are counted together), and
 * a webhook event is delivered once although both dispatchers claim work.
 */
class RateLimitIT {

    static final int A_PORT = Integer.getInteger("canvass.it.port-a", 8122);
    static final int B_PORT = Integer.getInteger("canvass.it.port-b", 8123);
    static final int RECEIVER_PORT = Integer.getInteger("canvass.it.receiver-port", 8124);
    /** Each replica's management interface (health), on ports of its own. */
    static final Map<Integer, Integer> MANAGEMENT_PORTS = Map.of(A_PORT, ThrowawayPostgres.freePort(), B_PORT, ThrowawayPostgres.freePort());
    static final String ADMIN = "admin@it.canvass.io";
    static final String ADMIN_PASSWORD = "it-admin-password";

    static EmbeddedPostgres postgres;
    static final List<Process> replicas = new ArrayList<>();
    static HttpServer receiver;
    static final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        File jar = new File("target/quarkus-app/quarkus-run.jar");
        assertTrue(jar.isFile(), "run after package: " + jar);
        postgres = EmbeddedPostgres.builder().start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 0);
        receiver.createContext("/", exchange -> {
            received.computeIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), id -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // one after the other: the first start on an empty database migrates it and creates the admin
        replicas.add(launch(jar, A_PORT));
        until("replica on " + A_PORT + " ready", () -> {
            try {
                return given().port(MANAGEMENT_PORTS.get(A_PORT)).get("/q/health/ready").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        replicas.add(launch(jar, B_PORT));
        for (int port : new int[] { A_PORT, B_PORT }) {
            until("replica on " + port + " ready and counting two replicas", () -> {
                try {
                    String health = given().port(MANAGEMENT_PORTS.get(port)).get("/q/health/ready").asString();
                    return health.contains("\"liveReplicas\": 2") || health.contains("\"liveReplicas\":2");
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    static Process launch(File jar, int port) throws Exception {
        String url = "localhost:" + postgres.getPort() + "/postgres";
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/replica-" + port + ".log"));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + url);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + url);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", new File("src/test/resources/jwt/dev-only-private.pem").getAbsolutePath());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", new File("src/test/resources/jwt/dev-only-public.pem").getAbsolutePath());
        env.put("CANVASS_ADMIN_EMAIL", ADMIN);
        env.put("CANVASS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("CANVASS_WEBHOOKS_SECRET_KEY", "ZGV2LW9ubHktd2ViaG9vay1zZWNyZXQta2V5LTMyYiE=");
        env.put("CANVASS_PUSH_ENABLED", "false");
        env.put("CANVASS_WEBHOOKS_ALLOW_LOCALHOST_RECEIVERS", "true");
        env.put("CANVASS_WEBHOOKS_BATCH_SIZE", "10");
        env.put("CANVASS_RATE_LIMITS_WRITES_LIMIT", "10");
        env.put("CANVASS_RATE_LIMITS_WRITES_WINDOW", "PT1H");
        env.put("CANVASS_RATE_LIMITS_AUTH_LIMIT", "8");
        env.put("CANVASS_RATE_LIMITS_AUTH_WINDOW", "PT1H");
        env.put("CANVASS_RATE_LIMITS_HEARTBEAT_EVERY", "1s");
        env.put("CANVASS_FOLLOW_UPS_SWEEP_DELAY", "1h");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(MANAGEMENT_PORTS.get(port)));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        return builder.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : replicas) {
            p.destroy();
        }
        for (Process p : replicas) {
            p.waitFor();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static void until(String what, Supplier<Boolean> condition) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        while (!condition.get()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String login(int port, String email, String password) {
        return given().port(port).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    @Test
    void limitsHoldForTheWholeSystemAndEventsAreDeliveredOnce() {
        String admin = login(A_PORT, ADMIN, ADMIN_PASSWORD);

        // webhooks: both replicas dispatch; every event arrives exactly once
        String team = given().port(A_PORT).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "IT team")).post("/api/v1/teams").then().statusCode(201).extract().path("id");
        String rep = given().port(B_PORT).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "rep@it.canvass.io", "displayName", "IT rep", "password", "correct-horse-battery",
                        "role", "REP", "teamId", team))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        given().port(A_PORT).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://localhost:" + RECEIVER_PORT + "/hook", "eventTypes", List.of("customer.created")))
                .post("/api/v1/webhooks/endpoints").then().statusCode(201);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("externalId", "it:" + i);
            item.put("name", "IT customer " + i);
            item.put("grade", "B");
            item.put("ownerId", rep);
            items.add(item);
        }
        given().port(B_PORT).auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("items", items))
                .post("/api/v1/customers/batch").then().statusCode(200);
        until("100 events delivered", () -> received.size() == 100);
        assertEquals(List.of(), received.entrySet().stream().filter(e -> e.getValue().get() != 1).map(Map.Entry::getKey).toList(),
                "events delivered more than once");

        // writes: 10 per hour for one caller across both replicas, whichever replica is asked
        String manager = given().port(A_PORT).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "manager@it.canvass.io", "displayName", "IT manager", "password", "correct-horse-battery",
                        "role", "MANAGER"))
                .post("/api/v1/users").then().statusCode(201).extract().path("email");
        String token = login(B_PORT, manager, "correct-horse-battery");
        int allowed = 0;
        Map<Integer, Integer> refusedBy = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            int port = i % 2 == 0 ? A_PORT : B_PORT;
            Response r = given().port(port).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("phone", "1390000" + (1000 + i))).patch("/api/v1/me");
            assertEquals("\"writes\";q=10;w=3600", r.header("RateLimit-Policy"));
            if (r.statusCode() == 200) {
                allowed++;
            } else {
                assertEquals(429, r.statusCode(), r.asString());
                assertEquals("application/problem+json", r.contentType());
                assertEquals("https://canvass.io/problems/rate-limited", r.path("type"));
                assertTrue(Integer.parseInt(r.header("Retry-After")) > 0);
                assertTrue(r.header("RateLimit").startsWith("\"writes\";r=0;t="), r.header("RateLimit"));
                refusedBy.merge(port, 1, Integer::sum);
            }
        }
        assertEquals(10, allowed, "the caller's 10 writes, not 10 per replica");
        assertEquals(Map.of(A_PORT, 5, B_PORT, 5), refusedBy);

        // sign-in attempts from one address: 8 per hour in all (2 used above), counted in PostgreSQL
        int attempts = 0;
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            int status = given().port(i % 2 == 0 ? A_PORT : B_PORT).contentType(ContentType.JSON)
                    .body(Map.of("email", UUID.randomUUID() + "@example.com", "password", "wrong-password"))
                    .post("/api/v1/auth/login").statusCode();
            if (status == 429) {
                limited++;
            } else {
                assertEquals(401, status);
                attempts++;
            }
        }
        assertEquals(6, attempts, "sign-in attempts allowed for the address across both replicas");
        assertEquals(4, limited);
    }
}
