package io.canvass.platform;

import static org.hamcrest.Matchers.matchesPattern;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every API response says which limit applies and what is left (the 429s across two replicas are in RateLimitIT). */
@QuarkusTest
class RateLimitHeadersTest {

    @Test
    void responsesCarryRateLimitAndPolicyHeadersPerClass() {
        Api.asAdmin().get("/api/v1/me").then().statusCode(200)
                .header("RateLimit-Policy", "\"reads\";q=100000;w=60")
                .header("RateLimit", matchesPattern("\"reads\";r=\\d+;t=\\d+"));
        Api.asAdmin().body(Map.of("name", Api.unique("t"))).post("/api/v1/teams").then().statusCode(201)
                .header("RateLimit-Policy", "\"writes\";q=100000;w=60");
        Api.asAdmin().body(Map.of()).post("/api/v1/teams").then().statusCode(400)
                .header("RateLimit", matchesPattern("\"writes\";r=\\d+;t=\\d+"));
        io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("email", "nobody@example.com", "password", "wrong-password"))
                .post("/api/v1/auth/login").then().statusCode(401)
                .header("RateLimit-Policy", "\"auth\";q=100000;w=60");
    }

    @Test
    void refusedRequestsAreCountedAndSaySoToo() {
        io.restassured.RestAssured.given().get("/api/v1/customers").then().statusCode(401)
                .header("RateLimit-Policy", "\"reads\";q=100000;w=60")
                .header("RateLimit", matchesPattern("\"reads\";r=\\d+;t=\\d+"));
        io.restassured.RestAssured.given().auth().oauth2("not-a-token").contentType("application/json").body(Map.of("name", "x"))
                .post("/api/v1/teams").then().statusCode(401)
                .header("RateLimit-Policy", "\"writes\";q=100000;w=60");
        Api.user("REP", Api.team(Api.unique("t"), null)).as().body(Map.of("name", Api.unique("t"))).post("/api/v1/teams").then()
                .statusCode(403)
                .header("RateLimit-Policy", "\"writes\";q=100000;w=60")
                .header("RateLimit", matchesPattern("\"writes\";r=\\d+;t=\\d+"));
    }
}
