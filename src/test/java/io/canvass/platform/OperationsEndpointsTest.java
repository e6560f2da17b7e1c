package io.canvass.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    /** What the management interface serves, and the app's port (the one the Ingress routes) must not. */
    static final List<String> MANAGEMENT_PATHS = List.of("/q/health", "/q/health/ready", "/q/health/live",
            "/q/health/started", "/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/");

    @Test
    void managementEndpointsAreServedOnlyOnTheManagementPort() {
        for (String path : MANAGEMENT_PATHS) {
            given().redirects().follow(false).get(path).then()
                    .statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("https://canvass.io/problems/not-found"));
            int status = Management.given().redirects().follow(false).get(path).statusCode();
            assertTrue(status == 200 || status == 302,
                    path + " on the management port: expected 200 (or Swagger UI's redirect to its index), got " + status);
        }
    }

    @Test
    void readinessIncludesTheDatabase() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentsEveryOperationWithProblemResponses() {
        Management.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/auth/login"))
                .body("paths", hasKey("/api/v1/users/{id}"))
                .body("paths", hasKey("/api/v1/teams/{id}/managers"))
                .body("paths.'/api/v1/users/{id}'.patch.responses", hasKey("412"))
                .body("paths.'/api/v1/users'.get.responses", hasKey("401"))
                .body("components.securitySchemes", hasKey("bearer"));
        Management.given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void theBuildWritesTheDocumentThatIntegratorsAreGiven() throws IOException {
        Path published = Path.of("target/openapi/openapi.json");
        assertTrue(Files.isRegularFile(published), "the build writes " + published);
        Map<String, Object> served = Management.openApi();
        Map<?, ?> stored = new ObjectMapper().readValue(published.toFile(), Map.class);
        List<Object> differing = Stream.concat(served.keySet().stream(), stored.keySet().stream()).distinct()
                .filter(part -> !Objects.equals(served.get(part), stored.get(part))).toList();
        assertEquals(List.of(), differing, "parts of the published document that differ from the one the management port serves");
        assertFalse(served.containsKey("servers"), "no server of the build machine is named: " + served.get("servers"));
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsASensibleOneFromTheCaller() {
        String fresh = given().get("/api/v1/me").then().statusCode(401).extract().header(RequestIds.HEADER);
        assertTrue(fresh.matches("[0-9a-f-]{36}"), "a new UUID, got " + fresh);
        given().header(RequestIds.HEADER, "ingress-7f3a.42").get("/api/v1/me").then().statusCode(401)
                .header(RequestIds.HEADER, equalTo("ingress-7f3a.42"));
        String replaced = given().header(RequestIds.HEADER, "no spaces\nor newlines").get("/api/v1/me")
                .then().statusCode(401).extract().header(RequestIds.HEADER);
        assertTrue(replaced.matches("[0-9a-f-]{36}"), "replaced by a UUID, got " + replaced);
    }

    @Test
    void metricsArePublished() {
        given().get("/api/v1/me").then().statusCode(401); // at least one request has been served, whatever ran before
        Management.given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
