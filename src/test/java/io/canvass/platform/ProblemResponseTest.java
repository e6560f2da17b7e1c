package io.canvass.platform;

import static io.canvass.testing.Api.asAdmin;
import static io.canvass.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kind of error leaves as application/problem+json with a stable type and no internals. */
@QuarkusTest
class ProblemResponseTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPES = "https://canvass.io/problems/";

    @Test
    void validationListsEveryInvalidField() {
        asAdmin().body(Map.of("email", "not-an-email", "displayName", "", "password", "short", "role", "REP"))
                .post("/api/v1/users").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("email", "displayName", "password"));
    }

    @Test
    void invalidQueryParameterNamesTheParameter() {
        asAdmin().get("/api/v1/users?limit=5000").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
        asAdmin().get("/api/v1/users?cursor=%%%").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void malformedJsonIsAProblem() {
        asAdmin().body("{\"name\": ").post("/api/v1/teams").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "malformed-body"))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void wrongTypeNamesTheField() {
        asAdmin().body("{\"name\": \"x\", \"parentId\": \"not-a-uuid\"}").post("/api/v1/teams").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("parentId"));
    }

    @Test
    void unknownRoutesAreProblemsNotPages() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM).body("type", equalTo(TYPES + "not-found"));
        given().get("/q/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void unknownRecordIs404() {
        asAdmin().get("/api/v1/users/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongMethodIs405() {
        asAdmin().delete("/api/v1/me").then().statusCode(405).contentType(PROBLEM).body("type", equalTo(TYPES + "method-not-allowed"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("hello").post("/api/v1/auth/login").then()
                .statusCode(415).contentType(PROBLEM).body("type", equalTo(TYPES + "unsupported-media-type"));
    }

    @Test
    void oversizedBodyIs413() {
        given().contentType(ContentType.JSON).body("{\"email\":\"" + "a".repeat(2_000_000) + "\"}").post("/api/v1/auth/login").then()
                .statusCode(413).contentType(PROBLEM).body("type", equalTo(TYPES + "payload-too-large"));
    }

    @Test
    void duplicateEmailIs409() {
        UUID team = Api.team("dup", null);
        Api.TestUser rep = Api.user("REP", team);
        asAdmin().body(Map.of("email", rep.email().toUpperCase(), "displayName", "Twin", "password", "a-long-password",
                        "role", "REP", "teamId", team.toString()))
                .post("/api/v1/users").then()
                .statusCode(409).contentType(PROBLEM).body("type", equalTo(TYPES + "conflict"));
    }

    @Test
    void staleIfMatchIs412() {
        UUID team = Api.team("stale", null);
        Api.TestUser rep = Api.user("REP", team);
        String etag = asAdmin().get("/api/v1/users/" + rep.id()).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", etag).body(Map.of("displayName", "First edit")).patch("/api/v1/users/" + rep.id())
                .then().statusCode(200);
        asAdmin().header("If-Match", etag).body(Map.of("displayName", "Second edit")).patch("/api/v1/users/" + rep.id())
                .then().statusCode(412).contentType(PROBLEM).body("type", equalTo(TYPES + "stale-version"));
        asAdmin().get("/api/v1/users/" + rep.id()).then().body("displayName", equalTo("First edit"));
    }

    @Test
    void unauthorizedAndForbiddenAreProblems() {
        given().get("/api/v1/me").then().statusCode(401).contentType(PROBLEM).body("type", equalTo(TYPES + "unauthorized"));
        Api.user("REP", Api.team("forbidden", null)).as().body(Map.of("name", unique("t"))).post("/api/v1/teams")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(TYPES + "forbidden"));
    }
}
