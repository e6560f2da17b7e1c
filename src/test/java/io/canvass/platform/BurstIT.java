package io.canvass.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.testing.Api;
import io.canvass.testing.PackagedApp;
import io.canvass.testing.ThrowawayPostgres;
import io.restassured.http.ContentType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged app with a pool of four connections takes a burst seven times that size of ordinary
 * writes from one manager (customer creates and integrator-style batch upserts, each reading the
 * manager's team subtree inside its transaction): the manager's requests run two at a time and the
 * rest wait their turn, every one is answered, never as an error; another user's check-in sent during
 * the burst is recorded; readiness stays UP throughout; and every create answered 201 is there.
 */
class BurstIT {

    static final int POOL = 4;
    static final int CREATES = 24;
    static final int BATCHES = 6;

    static ThrowawayPostgres postgres;
    static PackagedApp app;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        postgres = ThrowawayPostgres.start().createDatabase("canvass");
        Map<String, String> env = PackagedApp.environment(postgres, "canvass");
        env.put("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", Integer.toString(POOL));
        env.put("CANVASS_RATE_LIMITS_CONCURRENT_LIMIT", Integer.toString(POOL / 2));
        app = PackagedApp.start("burst", env).awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aBurstLargerThanThePoolIsAnsweredAndOthersGoOn() throws Exception {
        String admin = login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        String team = post(admin, "/api/v1/teams", Map.of("name", "Burst team")).path("id");
        String managerEmail = "manager@burst.canvass.io";
        String managerId = post(admin, "/api/v1/users", Map.of("email", managerEmail, "displayName", "Burst manager",
                "password", "correct-horse-battery", "role", "MANAGER", "teamId", team)).path("id");
        String rep = post(admin, "/api/v1/users", Map.of("email", "rep@burst.canvass.io", "displayName", "Burst rep",
                "password", "correct-horse-battery", "role", "REP", "teamId", team)).path("id");
        given().port(app.port).auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("userIds", List.of(managerId)))
                .put("/api/v1/teams/" + team + "/managers").then().statusCode(200);
        String manager = login(managerEmail, "correct-horse-battery");
        String repToken = login("rep@burst.canvass.io", "correct-horse-battery");
        String visited = post(repToken, "/api/v1/customers", Map.of("name", "Visited during the burst", "grade", "A",
                "lat", 31.23, "lng", 121.47)).path("id");

        List<HttpRequest> burst = new ArrayList<>();
        for (int i = 0; i < CREATES; i++) {
            burst.add(request(manager, "/api/v1/customers", Map.of("name", "Burst customer " + i, "grade", "B", "ownerId", rep)));
        }
        for (int b = 0; b < BATCHES; b++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                items.add(Map.of("externalId", "burst:" + b + ":" + i, "name", "Synced " + b + "-" + i, "grade", "C", "ownerId", rep));
            }
            burst.add(request(manager, "/api/v1/customers/batch", Map.of("items", items)));
        }
        AtomicBoolean bursting = new AtomicBoolean(true);
        List<Integer> readiness = new CopyOnWriteArrayList<>();
        Thread probe = new Thread(() -> {
            while (bursting.get()) {
                readiness.add(app.readiness());
            }
        });
        probe.start();
        List<CompletableFuture<HttpResponse<String>>> answers = burst.stream()
                .map(r -> http.sendAsync(r, HttpResponse.BodyHandlers.ofString())).toList();
        HttpResponse<String> checkIn = http.send(request(repToken, "/api/v1/checkins", checkIn(visited)), HttpResponse.BodyHandlers.ofString());
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        bursting.set(false);
        probe.join();

        assertEquals(201, checkIn.statusCode(), "another user's check-in during the burst: " + checkIn.body());
        assertTrue(!readiness.isEmpty() && readiness.stream().allMatch(s -> s == 200), "readiness during the burst: " + readiness);
        int created = 0;
        for (HttpResponse<String> answer : answers.stream().map(CompletableFuture::join).toList()) {
            int status = answer.statusCode();
            if (status == 503) {
                assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "503 says when to come back");
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            } else {
                assertTrue(status == 201 || status == 200, "answered " + status + ": " + answer.body());
                created += status == 201 ? 1 : json.readTree(answer.body()).path("created").asInt();
            }
        }
        int listed = given().port(app.port).auth().oauth2(manager).queryParam("ownerId", rep).queryParam("limit", 100)
                .get("/api/v1/customers").then().statusCode(200).extract().path("items.size()");
        assertEquals(created + 1, listed, "every create answered as done is there (and the rep's own customer)");
    }

    private HttpRequest request(String token, String path, Object body) throws Exception {
        return HttpRequest.newBuilder(app.uri(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }

    private static Map<String, Object> checkIn(String customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
        body.put("customerId", customerId);
        body.put("clientTime", Instant.now().minusSeconds(30).toString());
        body.put("position", Map.of("lat", 31.23, "lng", 121.47, "accuracy", 10, "fixAge", 3));
        body.put("purpose", "DEMO");
        return body;
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> post(String token, String path, Object body) {
        return given().port(app.port).auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract();
    }

    private static String login(String email, String password) {
        return given().port(app.port).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }
}
