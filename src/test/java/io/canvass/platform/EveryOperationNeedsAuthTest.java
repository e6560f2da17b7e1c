package io.canvass.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every documented operation but sign-in itself requires a token, and refuses a caller without one
 * with a 401 problem (checked by calling each operation of the OpenAPI document).
 */
@QuarkusTest
class EveryOperationNeedsAuthTest {

    @Test
    @SuppressWarnings("unchecked")
    void everySecuredOperationAnswers401WithoutAToken() {
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) Management.openApi().get("paths");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                Object security = operation.getValue().get("security");
                if (security == null || ((List<?>) security).isEmpty()) {
                    if (!path.getKey().startsWith("/api/v1/auth/")) {
                        failures.add(operation.getKey().toUpperCase() + " " + path.getKey() + " declares no security");
                    }
                    continue;
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                Map<String, Object> body = (Map<String, Object>) operation.getValue().get("requestBody");
                String contentType = body == null ? "application/json"
                        : ((Map<String, Object>) body.get("content")).keySet().iterator().next();
                Response response = given().contentType(contentType).body(contentType.contains("json") ? "{}".getBytes() : new byte[] { 1 })
                        .request(operation.getKey().toUpperCase(), url);
                checked++;
                if (response.statusCode() != 401 || !String.valueOf(response.contentType()).startsWith(Problem.MEDIA_TYPE)) {
                    failures.add(operation.getKey().toUpperCase() + " " + path.getKey() + " -> " + response.statusCode());
                }
            }
        }
        assertTrue(checked > 30, "the document lists the secured operations (found " + checked + ")");
        assertEquals(List.of(), failures, "operations reachable without a token");
    }
}
