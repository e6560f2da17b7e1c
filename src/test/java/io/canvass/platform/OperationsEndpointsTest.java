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
    void metricsArePublished() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
