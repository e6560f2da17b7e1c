package io.canvass.checkin;

import static io.canvass.checkin.CheckInTest.LAT;
import static io.canvass.checkin.CheckInTest.LNG;
import static io.canvass.checkin.CheckInTest.checkIn;
import static io.canvass.checkin.CheckInTest.customer;
import static io.canvass.checkin.CheckInTest.rep;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Api;
import io.canvass.testing.PackagedDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Check-ins against the packaged app (JVM jar, or the native executable with -Pnative): presence
 * verification, an unverified visit, a replayed retry, another rep's check-in.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedDatabase.class)
class CheckInIT {

    @Test
    void aCheckInAtTheCustomerIsVerifiedAndCompletesTheFollowUp() {
        Api.TestUser rep = rep();
        String customer = customer(rep, LAT, LNG);
        String followUp = rep.as().get("/api/v1/customers/" + customer).path("pendingFollowUp.id");
        rep.as().body(checkIn(customer, LAT + 0.0005, LNG, 15, 3)).post("/api/v1/checkins").then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("verdict", equalTo("VERIFIED"))
                .body("followUpId", equalTo(followUp));
        rep.as().get("/api/v1/follow-ups/" + followUp).then().body("status", equalTo("DONE"));
    }

    @Test
    void farAwayIsFlaggedAndARetryIsReplayedOnce() {
        Api.TestUser rep = rep();
        String customer = customer(rep, LAT, LNG);
        Map<String, Object> body = checkIn(customer, LAT + 0.05, LNG, 10, 1);
        String key = UUID.randomUUID().toString();
        String first = rep.as().header("Idempotency-Key", key).body(body).post("/api/v1/checkins").then()
                .statusCode(201).body("verdict", equalTo("UNVERIFIED")).body("unverifiedReason", equalTo("TOO_FAR"))
                .extract().asString();
        Response again = rep.as().header("Idempotency-Key", key).body(body).post("/api/v1/checkins");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first, again.asString());
        rep.as().get("/api/v1/checkins?customerId=" + customer).then().body("items.size()", equalTo(1));
    }

    @Test
    void invalidAndForeignCheckInsAreProblems() {
        Api.TestUser rep = rep();
        Api.TestUser other = rep();
        String customer = customer(rep, LAT, LNG);
        Map<String, Object> body = checkIn(customer, LAT, LNG, 10, 1);
        body.remove("customerId");
        rep.as().body(body).post("/api/v1/checkins").then()
                .statusCode(400).contentType("application/problem+json");
        String id = rep.as().body(checkIn(customer, LAT, LNG, 10, 1)).post("/api/v1/checkins").then()
                .statusCode(201).extract().path("id");
        other.as().get("/api/v1/checkins/" + id).then().statusCode(404).contentType("application/problem+json");
        io.restassured.RestAssured.given().get("/api/v1/checkins/" + id).then().statusCode(401);
    }
}
