package io.canvass.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("Reactive PostgreSQL connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentsEveryOperationWithProblemResponses() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/auth/login"))
                .body("paths", hasKey("/api/v1/users/{id}"))
                .body("paths", hasKey("/api/v1/teams/{id}/managers"))
                .body("paths.'/api/v1/users/{id}'.patch.responses", hasKey("412"))
                .body("paths.'/api/v1/users'.get.responses", hasKey("401"))
                .body("components.securitySchemes", hasKey("bearer"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsASensibleOneFromTheCaller() {
        String fresh = given().get("/q/health/live").then().statusCode(200).extract().header(RequestIds.HEADER);
        org.junit.jupiter.api.Assertions.assertTrue(fresh.matches("[0-9a-f-]{36}"), "a new UUID, got " + fresh);
        given().header(RequestIds.HEADER, "ingress-7f3a.42").get("/api/v1/me").then().statusCode(401)
                .header(RequestIds.HEADER, equalTo("ingress-7f3a.42"));
        String replaced = given().header(RequestIds.HEADER, "no spaces\nor newlines").get("/q/health/live")
                .then().statusCode(200).extract().header(RequestIds.HEADER);
        org.junit.jupiter.api.Assertions.assertTrue(replaced.matches("[0-9a-f-]{36}"), "replaced by a UUID, got " + replaced);
    }

    @Test
    void metricsArePublished() {
        given().get("/api/v1/me").then().statusCode(401); // at least one request has been served, whatever ran before
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
