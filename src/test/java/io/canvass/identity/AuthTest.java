package io.canvass.identity;

import static io.canvass.testing.Api.asAdmin;
import static io.canvass.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthTest {

    private static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login");
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh");
    }

    @Test
    void loginReturnsShortLivedAccessTokenAndRefreshToken() {
        Api.TestUser rep = Api.user("REP", Api.team("auth", null));
        login(rep.email(), rep.password()).then()
                .statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("accessToken", notNullValue())
                .body("refreshToken", notNullValue());
        Api.as(rep.token()).get("/api/v1/me").then().statusCode(200)
                .body("email", equalTo(rep.email()))
                .body("role", equalTo("REP"));
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        Api.TestUser rep = Api.user("REP", Api.team("auth", null));
        String wrongPassword = login(rep.email(), "not-the-password").then()
                .statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://canvass.io/problems/unauthorized"))
                .extract().path("detail");
        String unknownAccount = login(unique("nobody") + "@example.com", "not-the-password").then()
                .statusCode(401).extract().path("detail");
        assertEquals(wrongPassword, unknownAccount, "the answer must not reveal whether the account exists");
    }

    @Test
    void refreshRotatesAndReusingASpentTokenRevokesTheChain() {
        Api.TestUser rep = Api.user("REP", Api.team("auth", null));
        String first = login(rep.email(), rep.password()).path("refreshToken");

        Response rotated = refresh(first);
        rotated.then().statusCode(200).body("accessToken", notNullValue());
        String second = rotated.path("refreshToken");
        assertNotEquals(first, second, "each refresh issues a new refresh token");

        refresh(first).then().statusCode(401).contentType("application/problem+json");
        refresh(second).then().statusCode(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Api.TestUser rep = Api.user("REP", Api.team("auth", null));
        String refreshToken = login(rep.email(), rep.password()).path("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/logout").then().statusCode(204);
        refresh(refreshToken).then().statusCode(401);
    }

    @Test
    void deactivatedUserCannotLogInOrRefresh() {
        Api.TestUser rep = Api.user("REP", Api.team("auth", null));
        String refreshToken = login(rep.email(), rep.password()).path("refreshToken");
        asAdmin().post("/api/v1/users/" + rep.id() + "/deactivate").then().statusCode(200).body("active", is(false));

        login(rep.email(), rep.password()).then().statusCode(401);
        refresh(refreshToken).then().statusCode(401);

        asAdmin().post("/api/v1/users/" + rep.id() + "/reactivate").then().statusCode(200).body("active", is(true));
        login(rep.email(), rep.password()).then().statusCode(200);
    }

    /** A sign-in from a client at {@code address}, as the ingress forwards it (the test profile trusts the loopback proxy). */
    private static Response loginFrom(String address, String email, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
    }

    private static Response tokenFrom(String address, String clientId, String clientSecret) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", clientId, "clientSecret", clientSecret))
                .post("/api/v1/auth/token");
    }

    private static void assertPaused(Response response, String detail) {
        response.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://canvass.io/problems/rate-limited"))
                .body("detail", containsString(detail));
    }

    @Test
    void anAttackersFailuresFromOneAddressPauseThatAddressButNotTheOwnerAtAnother() {
        Api.TestUser rep = Api.user("REP", Api.team("auth", null));
        String attacker = "198.51.100.7";
        for (int i = 0; i < 5; i++) {
            loginFrom(attacker, rep.email(), "wrong-" + i).then().statusCode(401);
        }
        // the owner, elsewhere, is heard: a typo is a 401, the password signs in
        String owner = "203.0.113.20";
        loginFrom(owner, rep.email(), "typo").then().statusCode(401);
        loginFrom(owner, rep.email(), rep.password()).then().statusCode(200).body("accessToken", notNullValue());

        // the attacker's address waits, even with the right password, and learns nothing from it
        assertPaused(loginFrom(attacker, rep.email(), rep.password()), "from your address");
        assertPaused(loginFrom(attacker, rep.email(), "wrong-again"), "from your address");
        // and other accounts from the attacker's address are not affected
        Api.TestUser other = Api.user("REP", rep.teamId());
        loginFrom(attacker, other.email(), other.password()).then().statusCode(200);
    }

    @Test
    void aGuessSpreadOverManyAddressesHitsTheAccountCeilingWhichNeverRefusesAnAddressThatHasNotFailed() {
        Api.TestUser rep = Api.user("REP", Api.team("auth", null));
        // 20 failures (the account's ceiling), 4 per address: no address reaches its own limit of 5
        for (int address = 1; address <= 5; address++) {
            for (int i = 0; i < 4; i++) {
                loginFrom("198.51.100." + address, rep.email(), "guess-" + address + "-" + i).then().statusCode(401);
            }
        }
        // the addresses that guessed now wait for the account, whatever they send
        assertPaused(loginFrom("198.51.100.1", rep.email(), rep.password()), "after a failure from your address");
        int retryAfter = Integer.parseInt(loginFrom("198.51.100.2", rep.email(), "guess").header("Retry-After"));
        assertEquals(60, retryAfter, 2, "the account's first pause");

        // an address with no failures is heard: the owner signs in, a new guesser gets one try, then waits
        loginFrom("203.0.113.20", rep.email(), rep.password()).then().statusCode(200);
        loginFrom("203.0.113.99", rep.email(), "one-more-guess").then().statusCode(401);
        assertPaused(loginFrom("203.0.113.99", rep.email(), rep.password()), "after a failure from your address");
    }

    @Test
    void aSuccessfulSignInForgetsTheFailuresFromItsAddress() {
        Api.TestUser rep = Api.user("REP", Api.team("auth", null));
        String address = "203.0.113.30";
        for (int i = 0; i < 4; i++) {
            loginFrom(address, rep.email(), "typo-" + i).then().statusCode(401);
        }
        loginFrom(address, rep.email(), rep.password()).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            loginFrom(address, rep.email(), "typo-again-" + i).then().statusCode(401);
        }
        loginFrom(address, rep.email(), rep.password()).then().statusCode(200);
    }

    @Test
    void serviceAccountTokensArePausedPerAddressToo() {
        Response created = asAdmin().body(Map.of("name", unique("ERP sync"))).post("/api/v1/service-accounts");
        String clientId = created.path("clientId");
        String secret = created.path("clientSecret");
        String attacker = "198.51.100.8";
        for (int i = 0; i < 5; i++) {
            tokenFrom(attacker, clientId, "wrong-" + i).then().statusCode(401);
        }
        tokenFrom("203.0.113.40", clientId, secret).then().statusCode(200).body("accessToken", notNullValue());
        assertPaused(tokenFrom(attacker, clientId, secret), "from your address");
    }

    @Test
    void serviceAccountGetsTokenWithClientCredentials() {
        Response created = asAdmin().body(Map.of("name", unique("ERP sync"))).post("/api/v1/service-accounts");
        created.then().statusCode(201).body("clientSecret", notNullValue());
        String clientId = created.path("clientId");
        String secret = created.path("clientSecret");
        String id = created.path("id");

        String token = given().contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", clientId, "clientSecret", secret))
                .post("/api/v1/auth/token").then().statusCode(200)
                .body("refreshToken", equalTo(null))
                .extract().path("accessToken");
        Api.as(token).get("/api/v1/users").then().statusCode(200).body("items.size()", greaterThanOrEqualTo(1));
        Api.as(token).get("/api/v1/me").then().statusCode(200).body("role", equalTo("INTEGRATION"));

        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/api/v1/auth/token").then().statusCode(200).body("accessToken", notNullValue());

        given().contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", clientId, "clientSecret", "wrong"))
                .post("/api/v1/auth/token").then().statusCode(401);

        String rotated = asAdmin().post("/api/v1/service-accounts/" + id + "/secret").then().statusCode(200)
                .body("clientSecret", not(equalTo(secret))).extract().path("clientSecret");
        given().contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", clientId, "clientSecret", secret))
                .post("/api/v1/auth/token").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", clientId, "clientSecret", rotated))
                .post("/api/v1/auth/token").then().statusCode(200);
    }

    @Test
    void serviceAccountWithTeamGrantSeesOnlyThatSubtree() {
        UUID granted = Api.team("granted", null);
        UUID child = Api.team("granted-child", granted);
        UUID other = Api.team("other", null);
        Api.TestUser inside = Api.user("REP", child);
        Api.TestUser outside = Api.user("REP", other);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", unique("HR feed")));
        body.put("teamId", granted);
        Response created = asAdmin().body(body).post("/api/v1/service-accounts");
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", created.path("clientId"), "clientSecret", created.path("clientSecret")))
                .post("/api/v1/auth/token").path("accessToken");

        Api.as(token).get("/api/v1/users/" + inside.id()).then().statusCode(200);
        Api.as(token).get("/api/v1/users/" + outside.id()).then().statusCode(404);
    }

    @Test
    void changingPasswordSignsOutOtherSessions() {
        Api.TestUser rep = Api.user("REP", Api.team("auth", null));
        String refreshToken = login(rep.email(), rep.password()).path("refreshToken");
        rep.as().body(Map.of("currentPassword", "wrong-password", "newPassword", "a-new-long-password"))
                .put("/api/v1/me/password").then().statusCode(400).body("errors[0].field", equalTo("currentPassword"));
        rep.as().body(Map.of("currentPassword", rep.password(), "newPassword", "a-new-long-password"))
                .put("/api/v1/me/password").then().statusCode(204);
        refresh(refreshToken).then().statusCode(401);
        login(rep.email(), "a-new-long-password").then().statusCode(200);
    }
}
