package io.canvass.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Test fixtures through the public API: teams and users are created as the test admin, each
 * with unique names so tests do not depend on one another.
 */
public final class Api {

    public static final String ADMIN_EMAIL = "admin@test.canvass.io";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "correct-horse-battery";

    private static String adminToken;

    private Api() {
    }

    /** A signed-in test user. */
    public record TestUser(UUID id, String email, String password, String role, UUID teamId, String token) {
        public RequestSpecification as() {
            return Api.as(token);
        }
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD).get("accessToken").toString();
        }
        return adminToken;
    }

    public static RequestSpecification asAdmin() {
        return as(adminToken());
    }

    public static Map<String, Object> login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login")
                .then().statusCode(200)
                .extract().as(Map.class);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static UUID team(String name, UUID parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique(name));
        body.put("parentId", parentId);
        return UUID.fromString(asAdmin().body(body).post("/api/v1/teams")
                .then().statusCode(201).extract().path("id"));
    }

    public static TestUser user(String role, UUID teamId) {
        return user(role, teamId, Set.of(), "en");
    }

    public static TestUser manager(UUID... teams) {
        return user("MANAGER", null, Set.of(teams), "zh-CN");
    }

    public static TestUser user(String role, UUID teamId, Set<UUID> managedTeamIds, String locale) {
        String email = unique(role.toLowerCase()) + "@example.com";
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("displayName", "Test " + role);
        body.put("password", PASSWORD);
        body.put("role", role);
        body.put("teamId", teamId);
        body.put("locale", locale);
        if (!managedTeamIds.isEmpty()) {
            body.put("managedTeamIds", managedTeamIds);
        }
        UUID id = UUID.fromString(asAdmin().body(body).post("/api/v1/users")
                .then().statusCode(201).extract().path("id"));
        String token = login(email, PASSWORD).get("accessToken").toString();
        return new TestUser(id, email, PASSWORD, role, teamId, token);
    }

    /** A token minted directly with the dev-only test key, for claims the API would never issue. */
    public static String mint(UUID subject, String role, Duration lifetime) {
        return Jwt.issuer("https://canvass.io").audience("canvass-api")
                .subject(subject.toString()).groups(role)
                .expiresIn(lifetime).sign();
    }
}
