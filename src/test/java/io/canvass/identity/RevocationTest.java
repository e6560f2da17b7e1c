package io.canvass.identity;

import static io.canvass.testing.Api.asAdmin;
import static io.canvass.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Access tokens stop working when the account behind them is deactivated, signs out, changes its
 * password, role or team, or (for service accounts) is deactivated or gets a new secret: at once
 * on the replica that made the change, and on the others once they have read it.
 */
@QuarkusTest
class RevocationTest {

    @Inject
    Pool pool;

    private static void works(String token) {
        Api.as(token).get("/api/v1/me").then().statusCode(200);
    }

    private static void refused(String token) {
        Api.as(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://canvass.io/problems/unauthorized"));
    }

    private static Map<String, Object> signIn(Api.TestUser user) {
        return Api.login(user.email(), user.password());
    }

    @Test
    void deactivationEndsEverySessionAtOnce() {
        Api.TestUser rep = Api.user("REP", Api.team("revoke", null));
        String phone = signIn(rep).get("accessToken").toString();
        works(rep.token());
        works(phone);
        asAdmin().post("/api/v1/users/" + rep.id() + "/deactivate").then().statusCode(200);
        refused(rep.token());
        refused(phone);
        asAdmin().post("/api/v1/users/" + rep.id() + "/reactivate").then().statusCode(200);
        refused(phone);
        works(signIn(rep).get("accessToken").toString());
    }

    @Test
    void signingOutEndsThatSessionOnly() {
        Api.TestUser rep = Api.user("REP", Api.team("revoke", null));
        Map<String, Object> phone = signIn(rep);
        Map<String, Object> laptop = signIn(rep);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", phone.get("refreshToken")))
                .post("/api/v1/auth/logout").then().statusCode(204);
        refused(phone.get("accessToken").toString());
        works(laptop.get("accessToken").toString());
    }

    @Test
    void aReplayedRefreshTokenEndsItsSessionsAccessTokens() {
        Api.TestUser rep = Api.user("REP", Api.team("revoke", null));
        Map<String, Object> first = signIn(rep);
        Map<String, Object> second = refresh(first.get("refreshToken")).then().statusCode(200).extract().as(Map.class);
        works(second.get("accessToken").toString());
        refresh(first.get("refreshToken")).then().statusCode(401);
        refused(second.get("accessToken").toString());
    }

    @Test
    void aNewPasswordEndsEverySession() {
        Api.TestUser rep = Api.user("REP", Api.team("revoke", null));
        String other = signIn(rep).get("accessToken").toString();
        rep.as().body(Map.of("currentPassword", rep.password(), "newPassword", "a-brand-new-passphrase"))
                .put("/api/v1/me/password").then().statusCode(204);
        refused(rep.token());
        refused(other);
        works(Api.login(rep.email(), "a-brand-new-passphrase").get("accessToken").toString());
    }

    @Test
    void aNewRoleOrTeamEndsTheOldTokensButTheSessionRefreshesIntoTheNewOne() {
        UUID team = Api.team("revoke", null);
        UUID other = Api.team("revoke-other", null);
        Api.TestUser rep = Api.user("REP", team);
        Map<String, Object> session = signIn(rep);
        asAdmin().body(Map.of("teamId", other)).patch("/api/v1/users/" + rep.id()).then().statusCode(200);
        refused(session.get("accessToken").toString());
        String moved = refresh(session.get("refreshToken")).then().statusCode(200).extract().path("accessToken");
        Api.as(moved).get("/api/v1/me").then().statusCode(200).body("teamId", equalTo(other.toString()));

        Map<String, Object> again = signIn(rep);
        asAdmin().body(Map.of("role", "MANAGER")).patch("/api/v1/users/" + rep.id()).then().statusCode(200);
        refused(again.get("accessToken").toString());
        String promoted = refresh(again.get("refreshToken")).then().statusCode(200).extract().path("accessToken");
        Api.as(promoted).get("/api/v1/me").then().statusCode(200).body("role", equalTo("MANAGER"));

        String unchanged = signIn(rep).get("accessToken").toString();
        asAdmin().body(Map.of("displayName", "Renamed")).patch("/api/v1/users/" + rep.id()).then().statusCode(200);
        works(unchanged);
    }

    @Test
    void aServiceAccountsTokensEndWithItsSecretOrItsDeactivation() {
        Map<String, Object> created = asAdmin().body(Map.of("name", unique("ERP sync"))).post("/api/v1/service-accounts")
                .then().statusCode(201).extract().as(Map.class);
        String id = created.get("id").toString();
        String clientId = created.get("clientId").toString();
        String before = clientToken(clientId, created.get("clientSecret").toString());
        works(before);
        String rotated = asAdmin().post("/api/v1/service-accounts/" + id + "/secret").then().statusCode(200)
                .extract().path("clientSecret");
        refused(before);
        String after = clientToken(clientId, rotated);
        works(after);
        asAdmin().post("/api/v1/service-accounts/" + id + "/deactivate").then().statusCode(200);
        refused(after);
    }

    @Test
    void aRevocationCommittedByAnotherReplicaHoldsHereWithinSeconds() throws InterruptedException {
        Api.TestUser rep = Api.user("REP", Api.team("revoke", null));
        works(rep.token());
        // what another replica's deactivation leaves in the database, without this replica hearing of it
        pool.preparedQuery("update app_user set token_generation = token_generation + 1, tokens_revoked_at = now() where id = $1")
                .execute(Tuple.of(rep.id())).await().indefinitely();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Api.as(rep.token()).get("/api/v1/me").statusCode() == 200 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
        refused(rep.token());
    }

    private static io.restassured.response.Response refresh(Object refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh");
    }

    private static String clientToken(String clientId, String secret) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", clientId, "clientSecret", secret))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }
}
