package io.canvass.identity;

import static io.canvass.testing.Api.asAdmin;
import static io.canvass.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Invites and password resets: one-time links, issued by whoever may manage the user, that let a
 * person choose their own password.
 */
@QuarkusTest
class AccessLinkTest {

    private static final String NEW_PASSWORD = "a-brand-new-secret";
    private static final String PROBLEMS = "https://canvass.io/problems/";

    @Inject
    Pool pool;

    /** An invited rep: the created user's id, email and invite token. */
    private record Invited(UUID id, String email, String token) {
    }

    private static Map<String, Object> repBody(UUID team) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", unique("invited") + "@example.com");
        body.put("displayName", "王芳");
        body.put("role", "REP");
        body.put("teamId", team);
        return body;
    }

    private static Invited invite(UUID team) {
        Map<String, Object> body = repBody(team);
        ValidatableResponse created = asAdmin().body(body).post("/api/v1/users").then().statusCode(201)
                .body("passwordSet", is(false))
                .body("invite.purpose", equalTo("INVITE"))
                .body("invite.path", startsWith("/welcome#token="))
                .body("invite.expiresAt", notNullValue());
        return new Invited(UUID.fromString(created.extract().path("id")), body.get("email").toString(), created.extract().path("invite.token"));
    }

    private static Response inspect(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/auth/access-links/inspect");
    }

    private static Response setPassword(String token, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "password", password))
                .post("/api/v1/auth/access-links/password");
    }

    private static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
    }

    private static void gone(Response response, String kind) {
        response.then().statusCode(410).contentType("application/problem+json").body("type", equalTo(PROBLEMS + kind));
    }

    @Test
    void anInvitedRepSetsTheirPasswordOnceAndIsSignedIn() {
        Invited rep = invite(Api.team("invite", null));
        login(rep.email(), "anything-at-all").then().statusCode(401);
        inspect(rep.token()).then().statusCode(200)
                .body("purpose", equalTo("INVITE")).body("email", equalTo(rep.email())).body("displayName", equalTo("王芳"));

        String access = setPassword(rep.token(), NEW_PASSWORD).then().statusCode(200)
                .body("accessToken", notNullValue()).body("refreshToken", notNullValue()).extract().path("accessToken");
        Api.as(access).get("/api/v1/me").then().statusCode(200).body("id", equalTo(rep.id().toString())).body("passwordSet", is(true));
        login(rep.email(), NEW_PASSWORD).then().statusCode(200);

        gone(setPassword(rep.token(), "another-long-secret"), "access-link-used");
        gone(inspect(rep.token()), "access-link-used");
        login(rep.email(), NEW_PASSWORD).then().statusCode(200);
        asAdmin().get("/api/v1/audit?entityType=user&entityId=" + rep.id()).then()
                .body("items.action", hasItems("user.created", "user.invite_issued", "user.invite_accepted"));
    }

    @Test
    void aNewInviteReplacesThePreviousLink() {
        Invited rep = invite(Api.team("reinvite", null));
        String second = asAdmin().post("/api/v1/users/" + rep.id() + "/invite").then().statusCode(201)
                .body("purpose", equalTo("INVITE")).body("userId", equalTo(rep.id().toString()))
                .extract().path("token");
        assertNotEquals(rep.token(), second);
        gone(inspect(rep.token()), "access-link-replaced");
        gone(setPassword(rep.token(), NEW_PASSWORD), "access-link-replaced");
        setPassword(second, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void anExpiredLinkIsRefused() {
        Invited rep = invite(Api.team("expired", null));
        pool.preparedQuery("update access_link set created_at = now() - interval '8 days', expires_at = now() - interval '1 day' where user_id = $1")
                .execute(Tuple.of(rep.id())).await().indefinitely();
        gone(inspect(rep.token()), "access-link-expired");
        gone(setPassword(rep.token(), NEW_PASSWORD), "access-link-expired");
        login(rep.email(), NEW_PASSWORD).then().statusCode(401);
    }

    @Test
    void unknownLinksAre404AndTheirGuessesAreThrottled() {
        inspect("no-such-token").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-found"));
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            status = given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                    .body(Map.of("token", "guess-" + i, "password", NEW_PASSWORD))
                    .post("/api/v1/auth/access-links/password").then().extract().statusCode();
        }
        assertEquals(429, status, "repeated unknown tokens from one address are paused like failed sign-ins");
    }

    @Test
    void theNewPasswordFollowsTheSameRules() {
        Invited rep = invite(Api.team("rules", null));
        setPassword(rep.token(), "short").then().statusCode(400).body("errors[0].field", equalTo("password"));
        inspect(rep.token()).then().statusCode(200);
    }

    @Test
    void aPasswordCanStillBeGivenOnCreateForIntegrators() {
        Map<String, Object> body = repBody(Api.team("with-password", null));
        body.put("password", Api.PASSWORD);
        asAdmin().body(body).post("/api/v1/users").then().statusCode(201)
                .body("passwordSet", is(true)).body("invite", nullValue());
        login(body.get("email").toString(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void someoneWithAPasswordGetsAResetLinkNotAnInvite() {
        Api.TestUser rep = Api.user("REP", Api.team("has-password", null));
        asAdmin().post("/api/v1/users/" + rep.id() + "/invite").then().statusCode(409);
    }

    @Test
    void aResetSignsTheUserOutEverywhereUntilTheLinkSetsANewPassword() {
        Api.TestUser rep = Api.user("REP", Api.team("reset", null));
        String phone = Api.login(rep.email(), rep.password()).get("accessToken").toString();
        String refresh = Api.login(rep.email(), rep.password()).get("refreshToken").toString();

        String token = asAdmin().post("/api/v1/users/" + rep.id() + "/password-reset").then().statusCode(201)
                .body("purpose", equalTo("RESET")).extract().path("token");
        Api.as(phone).get("/api/v1/me").then().statusCode(401);
        rep.as().get("/api/v1/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(401);
        login(rep.email(), rep.password()).then().statusCode(401);
        asAdmin().get("/api/v1/users/" + rep.id()).then().body("passwordSet", is(false));

        inspect(token).then().statusCode(200).body("purpose", equalTo("RESET"));
        setPassword(token, NEW_PASSWORD).then().statusCode(200);
        login(rep.email(), rep.password()).then().statusCode(401);
        login(rep.email(), NEW_PASSWORD).then().statusCode(200);
        gone(setPassword(token, "yet-another-secret"), "access-link-used");
        asAdmin().get("/api/v1/audit?entityType=user&entityId=" + rep.id()).then()
                .body("items.action", hasItems("user.password_reset_issued", "user.password_reset"));
    }

    @Test
    void aResetReplacesAPendingInvite() {
        Invited rep = invite(Api.team("invite-then-reset", null));
        String reset = asAdmin().post("/api/v1/users/" + rep.id() + "/password-reset").then().statusCode(201).extract().path("token");
        gone(inspect(rep.token()), "access-link-replaced");
        setPassword(reset, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void aDeactivatedUsersLinksStopWorking() {
        Invited rep = invite(Api.team("deactivated", null));
        asAdmin().post("/api/v1/users/" + rep.id() + "/deactivate").then().statusCode(200);
        inspect(rep.token()).then().statusCode(404);
        asAdmin().post("/api/v1/users/" + rep.id() + "/invite").then().statusCode(409);
        asAdmin().post("/api/v1/users/" + rep.id() + "/password-reset").then().statusCode(409);
    }

    @Test
    void managersResetTheRepsOfTheirTeamsOnly() {
        UUID mine = Api.team("mine", null);
        UUID theirs = Api.team("theirs", null);
        Api.TestUser manager = Api.manager(mine);
        Api.TestUser myRep = Api.user("REP", mine);
        Api.TestUser otherRep = Api.user("REP", theirs);
        Api.TestUser peer = Api.user("MANAGER", mine);

        manager.as().post("/api/v1/users/" + myRep.id() + "/password-reset").then().statusCode(201);
        manager.as().post("/api/v1/users/" + otherRep.id() + "/password-reset").then().statusCode(404);
        manager.as().post("/api/v1/users/" + peer.id() + "/password-reset").then().statusCode(403);
        manager.as().post("/api/v1/users/" + manager.id() + "/password-reset").then().statusCode(403);
        login(otherRep.email(), otherRep.password()).then().statusCode(200);
    }

    @Test
    void repsCannotIssueLinksAndDirectorsCannotTouchAdmins() {
        UUID team = Api.team("nobody", null);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser colleague = Api.user("REP", team);
        Api.TestUser director = Api.user("DIRECTOR", null);
        Api.TestUser admin = Api.user("ADMIN", null);

        rep.as().post("/api/v1/users/" + colleague.id() + "/password-reset").then().statusCode(403);
        rep.as().post("/api/v1/users/" + colleague.id() + "/invite").then().statusCode(403);
        director.as().post("/api/v1/users/" + admin.id() + "/password-reset").then().statusCode(403);
        director.as().post("/api/v1/users/" + colleague.id() + "/password-reset").then().statusCode(201);
        asAdmin().post("/api/v1/users/" + admin.id() + "/password-reset").then().statusCode(201);
        given().contentType(ContentType.JSON).post("/api/v1/users/" + colleague.id() + "/password-reset").then().statusCode(401);
        login(admin.email(), admin.password()).then().statusCode(401);
    }

    @Test
    void aRetriedResetWithTheSameKeyIssuesOneLinkAndShowsItOnce() {
        Api.TestUser rep = Api.user("REP", Api.team("idempotent", null));
        String key = UUID.randomUUID().toString();
        ValidatableResponse first = asAdmin().header("Idempotency-Key", key).post("/api/v1/users/" + rep.id() + "/password-reset")
                .then().statusCode(201).body("token", notNullValue());
        ValidatableResponse replay = asAdmin().header("Idempotency-Key", key).post("/api/v1/users/" + rep.id() + "/password-reset")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("token", nullValue()).body("path", nullValue());
        assertEquals(first.extract().<String>path("expiresAt"), replay.extract().<String>path("expiresAt"));
        inspect(first.extract().path("token")).then().statusCode(200);
        Api.TestUser other = Api.user("REP", rep.teamId());
        asAdmin().header("Idempotency-Key", key).post("/api/v1/users/" + other.id() + "/password-reset").then().statusCode(422);
    }

    @Test
    void aRetriedInviteWithTheSameKeyCreatesOneUser() {
        UUID team = Api.team("idempotent-create", null);
        Map<String, Object> body = repBody(team);
        String key = UUID.randomUUID().toString();
        String token = asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/users").then().statusCode(201)
                .header("Location", notNullValue()).extract().path("invite.token");
        asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/users").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("invite.token", nullValue()).body("invite.expiresAt", notNullValue());
        asAdmin().get("/api/v1/users?teamId=" + team).then().body("items.size()", equalTo(1));
        inspect(token).then().statusCode(200);
        asAdmin().body(body).post("/api/v1/users").then().statusCode(409);
    }
}
