package io.canvass.web;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Creates the users a browser test signs in as, through the API as the test admin; unique per call. */
final class Accounts {

    static final String PASSWORD = "browser-test-password";

    record Account(String id, String email, String password, String displayName) {
    }

    private static String adminToken;

    private Accounts() {
    }

    static Account create(String role, String locale) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String teamId = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Browser team " + suffix))
                .post("/api/v1/teams")
                .then().statusCode(201)
                .extract().path("id");
        String email = role.toLowerCase() + "." + suffix + "@browser.test";
        String displayName = ("zh-CN".equals(locale) ? "测试" : "Tester ") + suffix;
        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", displayName, "password", PASSWORD, "role", role,
                        "teamId", teamId, "locale", locale, "timeZone", "Asia/Shanghai"))
                .post("/api/v1/users")
                .then().statusCode(201)
                .extract().path("id");
        return new Account(id, email, PASSWORD, displayName);
    }

    /** Makes the manager a manager of the rep's team, so the rep is in the manager's scope. */
    static void makeManagerOf(Account manager, Account rep) {
        String teamId = given().auth().oauth2(admin()).get("/api/v1/users/" + rep.id())
                .then().statusCode(200)
                .extract().path("teamId");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("userIds", java.util.List.of(manager.id())))
                .put("/api/v1/teams/" + teamId + "/managers")
                .then().statusCode(200);
    }

    /** A fresh access token for the account, straight from the API. */
    static String token(Account account) {
        return login(account.email(), account.password());
    }

    private static synchronized String admin() {
        if (adminToken == null) {
            adminToken = login("admin@test.canvass.io", "test-admin-password");
        }
        return adminToken;
    }

    private static String login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
    }
}
