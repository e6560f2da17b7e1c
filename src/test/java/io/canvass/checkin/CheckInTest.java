package io.canvass.checkin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckInTest {

    static final double LAT = 31.2304;
    static final double LNG = 121.4737;

    @Inject
    Pool pool;

    static Api.TestUser rep() {
        return Api.user("REP", Api.team("field", null));
    }

    static String customer(Api.TestUser rep, Double lat, Double lng) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique("客户"));
        body.put("grade", "B");
        body.put("stage", "HIGH_INTENT");
        body.put("lat", lat);
        body.put("lng", lng);
        return rep.as().body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> checkIn(String customerId, Double lat, Double lng, double accuracy, int fixAge) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
        body.put("customerId", customerId);
        body.put("clientTime", Instant.now().minusSeconds(30).toString());
        if (lat != null) {
            body.put("position", Map.of("lat", lat, "lng", lng, "accuracy", accuracy, "fixAge", fixAge));
        }
        body.put("purpose", "DEMO");
        body.put("outcome", "演示了新款设备");
        return body;
    }

    private long rows(String clientId) {
        return pool.preparedQuery("select count(*) from check_in where id = $1").execute(Tuple.of(UUID.fromString(clientId)))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    @Test
    void aCheckInAtTheCustomerIsVerifiedAndCompletesTheFollowUp() {
        Api.TestUser rep = rep();
        String customer = customer(rep, LAT, LNG);
        String followUp = rep.as().get("/api/v1/customers/" + customer).path("pendingFollowUp.id");
        LocalDate next = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);
        Map<String, Object> body = checkIn(customer, LAT + 0.0005, LNG, 15, 3);
        body.put("nextAction", "发送报价单");
        body.put("nextActionDue", next.toString());
        rep.as().body(body).post("/api/v1/checkins").then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("verdict", equalTo("VERIFIED"))
                .body("distanceMeters", equalTo(55.6f))
                .body("followUpId", equalTo(followUp))
                .body("customerName", notNullValue());
        rep.as().get("/api/v1/follow-ups/" + followUp).then().body("status", equalTo("DONE")).body("channel", equalTo("VISIT"));
        rep.as().get("/api/v1/customers/" + customer).then()
                .body("pendingFollowUp.dueOn", equalTo(next.toString()))
                .body("pendingFollowUp.scheduledBy", equalTo("NEXT_ACTION"));
    }

    @Test
    void aVisitThatCompletedAFollowUpAppearsOnceInTheCustomersHistory() {
        Api.TestUser rep = rep();
        String customer = customer(rep, LAT, LNG);
        String followUp = rep.as().get("/api/v1/customers/" + customer).path("pendingFollowUp.id");
        rep.as().body(checkIn(customer, LAT, LNG, 10, 1)).post("/api/v1/checkins").then()
                .statusCode(201).body("followUpId", equalTo(followUp));

        rep.as().get("/api/v1/customers/" + customer + "/timeline").then()
                .statusCode(200)
                .body("items.findAll { it.followUpId == '" + followUp + "' }.kind", equalTo(List.of("CHECK_IN_VERIFIED")))
                .body("items.findAll { it.kind == 'FOLLOW_UP_DONE' }.size()", equalTo(0))
                .body("items.kind", equalTo(List.of("CHECK_IN_VERIFIED", "CREATED")));
    }

    @Test
    void theCheckInListNamesTheRepAsTheLiveFeedDoes() {
        UUID team = Api.team("field", null);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser manager = Api.manager(team);
        String customer = customer(rep, LAT, LNG);
        rep.as().body(checkIn(customer, LAT, LNG, 10, 1)).post("/api/v1/checkins").then().statusCode(201);

        manager.as().get("/api/v1/checkins?customerId=" + customer).then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].userId", equalTo(rep.id().toString()))
                .body("items[0].userName", equalTo("Test REP"));
    }

    @Test
    void farAwayIsFlaggedNeverRefused() {
        Api.TestUser rep = rep();
        String customer = customer(rep, LAT, LNG);
        rep.as().body(checkIn(customer, LAT + 0.05, LNG, 10, 1)).post("/api/v1/checkins").then()
                .statusCode(201).body("verdict", equalTo("UNVERIFIED")).body("unverifiedReason", equalTo("TOO_FAR"));
        rep.as().body(checkIn(customer, LAT, LNG, 800, 1)).post("/api/v1/checkins").then()
                .statusCode(201).body("unverifiedReason", equalTo("POOR_ACCURACY"));
        rep.as().body(checkIn(customer, LAT, LNG, 10, 3600)).post("/api/v1/checkins").then()
                .statusCode(201).body("unverifiedReason", equalTo("STALE_FIX"));
        rep.as().body(checkIn(customer, null, null, 0, 0)).post("/api/v1/checkins").then()
                .statusCode(201).body("unverifiedReason", equalTo("NO_POSITION"));
        String nowhere = customer(rep, null, null);
        rep.as().body(checkIn(nowhere, LAT, LNG, 10, 1)).post("/api/v1/checkins").then()
                .statusCode(201).body("unverifiedReason", equalTo("NO_CUSTOMER_LOCATION"));
        rep.as().get("/api/v1/checkins?customerId=" + customer + "&verdict=UNVERIFIED").then().body("items.size()", equalTo(4));
        rep.as().get("/api/v1/customers/" + customer + "/timeline").then()
                .body("items.findAll { it.kind == 'CHECK_IN_UNVERIFIED' }.reason", org.hamcrest.Matchers.hasItems("TOO_FAR", "POOR_ACCURACY", "STALE_FIX", "NO_POSITION"));
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheOriginalResponse() {
        Api.TestUser rep = rep();
        Map<String, Object> body = checkIn(customer(rep, LAT, LNG), LAT, LNG, 10, 1);
        String key = UUID.randomUUID().toString();
        String first = rep.as().header("Idempotency-Key", key).body(body).post("/api/v1/checkins").then().statusCode(201).extract().asString();
        Response again = rep.as().header("Idempotency-Key", key).body(body).post("/api/v1/checkins");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first, again.asString(), "a replay answers with the same body");
        assertEquals(1, rows(body.get("clientId").toString()));

        Map<String, Object> changed = new HashMap<>(body);
        changed.put("outcome", "something else");
        rep.as().header("Idempotency-Key", key).body(changed).post("/api/v1/checkins").then()
                .statusCode(422).contentType("application/problem+json");
    }

    @Test
    void theSameClientIdIsRecordedOnceEvenWithoutAKey() {
        Api.TestUser rep = rep();
        Map<String, Object> body = checkIn(customer(rep, LAT, LNG), LAT, LNG, 10, 1);
        rep.as().body(body).post("/api/v1/checkins").then().statusCode(201);
        rep.as().body(body).post("/api/v1/checkins").then().statusCode(201);
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("notes", "different");
        rep.as().body(changed).post("/api/v1/checkins").then().statusCode(422);
        assertEquals(1, rows(body.get("clientId").toString()));
    }

    @Test
    void aRetryStillGetsItsAnswerAfterTheCustomerIsGone() {
        Api.TestUser rep = rep();
        String customer = customer(rep, LAT, LNG);
        Map<String, Object> body = checkIn(customer, LAT, LNG, 10, 1);
        String recorded = rep.as().body(body).post("/api/v1/checkins").then().statusCode(201).extract().asString();
        rep.as().delete("/api/v1/customers/" + customer).then().statusCode(204);

        rep.as().body(body).post("/api/v1/checkins").then().statusCode(201).body("id", equalTo(body.get("clientId")))
                .body("followUpId", equalTo(io.restassured.path.json.JsonPath.from(recorded).getString("followUpId")));
        rep.as().body(checkIn(customer, LAT, LNG, 10, 1)).post("/api/v1/checkins").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(1, rows(body.get("clientId").toString()));
    }

    @Test
    void concurrentDuplicatesMakeExactlyOneRow() throws Exception {
        Api.TestUser rep = rep();
        Map<String, Object> body = checkIn(customer(rep, LAT, LNG), LAT, LNG, 10, 1);
        ExecutorService pool8 = Executors.newFixedThreadPool(8);
        try {
            for (String key : new String[] { null, UUID.randomUUID().toString() }) {
                Map<String, Object> each = new HashMap<>(body);
                each.put("clientId", UUID.randomUUID().toString());
                List<CompletableFuture<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        var request = rep.as().body(each);
                        if (key != null) {
                            request.header("Idempotency-Key", key);
                        }
                        return request.post("/api/v1/checkins").statusCode();
                    }, pool8));
                }
                for (CompletableFuture<Integer> call : calls) {
                    int status = call.get();
                    assertTrue(status == 201 || status == 409, "each duplicate gets the original (201) or 'still running' (409), got " + status);
                }
                assertEquals(1, rows(each.get("clientId").toString()));
            }
        } finally {
            pool8.shutdownNow();
        }
    }

    @Test
    void simultaneousVisitsAtOneCustomerAreAllRecordedAndLeaveOnePendingFollowUp() throws Exception {
        Api.TestUser rep = rep();
        String customer = customer(rep, LAT, LNG);
        ExecutorService pool6 = Executors.newFixedThreadPool(6);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Map<String, Object> body = checkIn(customer, LAT, LNG, 10, 1);
                calls.add(CompletableFuture.supplyAsync(() -> rep.as().body(body).post("/api/v1/checkins"), pool6));
            }
            List<String> completed = new ArrayList<>();
            for (CompletableFuture<Response> call : calls) {
                Response response = call.get();
                assertEquals(201, response.statusCode(), "every visit is recorded: " + response.asString());
                String followUp = response.path("followUpId");
                if (followUp != null) {
                    completed.add(followUp);
                }
            }
            assertTrue(!completed.isEmpty(), "at least the first visit completes the pending follow-up");
            assertEquals(completed.size(), completed.stream().distinct().count(), "no follow-up is completed by two visits: " + completed);
        } finally {
            pool6.shutdownNow();
        }
        long pending = pool.preparedQuery("select count(*) from follow_up where customer_id = $1 and status in ('OPEN', 'SNOOZED')")
                .execute(Tuple.of(UUID.fromString(customer))).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertEquals(1, pending, "the customer keeps exactly one pending follow-up");
        rep.as().get("/api/v1/checkins?customerId=" + customer).then().body("items.size()", equalTo(6));
    }

    @Test
    void clientTimeIsBounded() {
        Api.TestUser rep = rep();
        String customer = customer(rep, LAT, LNG);
        Map<String, Object> future = checkIn(customer, LAT, LNG, 10, 1);
        future.put("clientTime", Instant.now().plus(Duration.ofHours(1)).toString());
        rep.as().body(future).post("/api/v1/checkins").then().statusCode(400).body("errors[0].field", equalTo("clientTime"));
        Map<String, Object> old = checkIn(customer, LAT, LNG, 10, 1);
        old.put("clientTime", Instant.now().minus(Duration.ofDays(8)).toString());
        rep.as().body(old).post("/api/v1/checkins").then().statusCode(400).body("errors[0].field", equalTo("clientTime"));
        Map<String, Object> offline = checkIn(customer, LAT, LNG, 10, 1);
        offline.put("clientTime", Instant.now().minus(Duration.ofDays(3)).toString());
        rep.as().body(offline).post("/api/v1/checkins").then().statusCode(201).body("clientTime", equalTo(offline.get("clientTime")));
        rep.as().body(Map.of("customerId", customer)).post("/api/v1/checkins").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("clientId", "clientTime", "purpose"));
    }

    @Test
    void repsStayInTheirOwnLane() {
        Api.TestUser rep = rep();
        Api.TestUser other = Api.user("REP", rep.teamId());
        String customer = customer(rep, LAT, LNG);
        other.as().body(checkIn(customer, LAT, LNG, 10, 1)).post("/api/v1/checkins").then().statusCode(404);
        Map<String, Object> body = checkIn(customer, LAT, LNG, 10, 1);
        rep.as().body(body).post("/api/v1/checkins").then().statusCode(201);
        other.as().get("/api/v1/checkins/" + body.get("clientId")).then().statusCode(404);
        other.as().get("/api/v1/checkins").then().body("items.id", not(hasItem(body.get("clientId"))));
        given().get("/api/v1/checkins").then().statusCode(401);
    }

    @Test
    void photosAreCheckedByTheirBytes() {
        Api.TestUser rep = rep();
        Map<String, Object> body = checkIn(customer(rep, LAT, LNG), LAT, LNG, 10, 1);
        String id = body.get("clientId").toString();
        rep.as().body(body).post("/api/v1/checkins").then().statusCode(201);
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        given().auth().oauth2(rep.token()).contentType("image/png").body(png).put("/api/v1/checkins/" + id + "/photo").then().statusCode(204);
        byte[] back = given().auth().oauth2(rep.token()).get("/api/v1/checkins/" + id + "/photo").then()
                .statusCode(200).contentType("image/png")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"checkin-" + id + ".png\"")
                .extract().asByteArray();
        assertEquals(png.length, back.length);
        rep.as().get("/api/v1/checkins/" + id).then().body("hasPhoto", equalTo(true));

        given().auth().oauth2(rep.token()).contentType("image/jpeg").body(png).put("/api/v1/checkins/" + id + "/photo").then()
                .statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(rep.token()).contentType("text/plain").body("hello").put("/api/v1/checkins/" + id + "/photo").then()
                .statusCode(415);
        byte[] huge = new byte[5_300_000];
        huge[0] = (byte) 0x89;
        given().auth().oauth2(rep.token()).contentType("image/png").body(huge).put("/api/v1/checkins/" + id + "/photo").then()
                .statusCode(413).contentType("application/problem+json");
        Api.TestUser other = Api.user("REP", rep.teamId());
        given().auth().oauth2(other.token()).get("/api/v1/checkins/" + id + "/photo").then().statusCode(404);
    }

    @Test
    void nearbyCustomersComeClosestFirst() {
        Api.TestUser rep = rep();
        String near = customer(rep, LAT + 0.001, LNG);
        String nearer = customer(rep, LAT + 0.0002, LNG);
        String far = customer(rep, LAT + 0.2, LNG);
        Api.TestUser other = rep();
        String theirs = customer(other, LAT, LNG);
        rep.as().get("/api/v1/customers/nearby?lat=" + LAT + "&lng=" + LNG + "&radius=1000").then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(nearer, near)))
                .body("items[0].distanceMeters", equalTo(22));
        rep.as().get("/api/v1/customers/nearby?lat=" + LAT + "&lng=" + LNG + "&radius=50000").then()
                .body("items.id", hasItem(far)).body("items.id", not(hasItem(theirs)));
        rep.as().get("/api/v1/customers/nearby?lat=100&lng=" + LNG).then().statusCode(400);
    }

    @Test
    void aManagerSetsTheCustomerLocationFromAVisit() {
        UUID team = Api.team("relocate", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String customer = customer(rep, null, null);
        Map<String, Object> body = checkIn(customer, LAT, LNG, 12, 2);
        rep.as().body(body).post("/api/v1/checkins").then().statusCode(201).body("unverifiedReason", equalTo("NO_CUSTOMER_LOCATION"));
        rep.as().post("/api/v1/checkins/" + body.get("clientId") + "/use-as-customer-location").then().statusCode(403);
        manager.as().post("/api/v1/checkins/" + body.get("clientId") + "/use-as-customer-location").then().statusCode(204);
        rep.as().get("/api/v1/customers/" + customer).then().body("lat", equalTo((float) LAT));
        rep.as().body(checkIn(customer, LAT, LNG, 12, 2)).post("/api/v1/checkins").then().body("verdict", equalTo("VERIFIED"));
    }
}
