package io.canvass.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client for tests that drive packaged apps as processes (several at once, under load). */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpRequest.Builder post(URI uri, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends and insists on {@code status}; returns the body as JSON. */
    public static JsonNode expect(int status, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        if (response.statusCode() != status) {
            throw new AssertionError(request.method() + " " + request.uri() + ": expected " + status + ", got "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The admin signs in on {@code app}, creates a team and a rep in it, and returns the rep's access token. */
    public static String newRep(PackagedApp app) throws IOException, InterruptedException {
        String admin = expect(200, post(app.uri("/api/v1/auth/login"), null,
                Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD)).build()).get("accessToken").asText();
        String team = expect(201, post(app.uri("/api/v1/teams"), admin, Map.of("name", Api.unique("team"))).build())
                .get("id").asText();
        String email = Api.unique("rep") + "@example.com";
        expect(201, post(app.uri("/api/v1/users"), admin, Map.of("email", email, "displayName", "Load Rep",
                "password", Api.PASSWORD, "role", "REP", "teamId", team, "locale", "en")).build());
        return expect(200, post(app.uri("/api/v1/auth/login"), null, Map.of("email", email, "password", Api.PASSWORD)).build())
                .get("accessToken").asText();
    }
}
