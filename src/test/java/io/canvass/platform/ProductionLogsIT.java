package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.canvass.testing.Api;
import io.canvass.testing.Http;
import io.canvass.testing.PackagedApp;
import io.canvass.testing.ThrowawayPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged app logs one JSON object per line, and lines written during a request carry its id. */
class ProductionLogsIT {

    @Test
    void logsAreJsonWithTheRequestId() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start().createDatabase("canvass");
                PackagedApp app = PackagedApp.start("production-logs", PackagedApp.environment(postgres, "canvass"))) {
            app.awaitReady();
            // presenting a spent refresh token is logged (and signs out the chain)
            JsonNode tokens = Http.expect(200, Http.post(app.uri("/api/v1/auth/login"), null,
                    Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD)).build());
            Map<String, String> spent = Map.of("refreshToken", tokens.get("refreshToken").asText());
            Http.expect(200, Http.post(app.uri("/api/v1/auth/refresh"), null, spent).build());
            var replay = Http.send(Http.post(app.uri("/api/v1/auth/refresh"), null, spent)
                    .header("X-Request-Id", "replay-7c1e").build());
            assertEquals(401, replay.statusCode());
            assertEquals("replay-7c1e", replay.headers().firstValue("X-Request-Id").orElse(null));

            List<JsonNode> lines = new ArrayList<>();
            for (String line : app.logLines()) {
                JsonNode json = line.startsWith("{") ? Http.JSON.readTree(line) : null;
                assertTrue(json != null && json.has("timestamp") && json.has("level") && json.has("loggerName")
                        && json.has("message"), "a JSON log record: " + line);
                lines.add(json);
            }
            assertTrue(lines.stream().anyMatch(l -> l.get("message").asText().contains("Listening on")), app.tail());
            JsonNode reuse = lines.stream().filter(l -> l.get("message").asText().contains("presented again")).findFirst()
                    .orElseThrow(() -> new AssertionError("the reuse was logged:\n" + app.tail()));
            assertEquals("WARN", reuse.get("level").asText());
            assertEquals("replay-7c1e", reuse.path("mdc").path("requestId").asText(), reuse.toString());
        }
    }
}
