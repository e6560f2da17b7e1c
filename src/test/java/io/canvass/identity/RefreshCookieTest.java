package io.canvass.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.canvass.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The browser app's refresh token lives in an HttpOnly cookie that page scripts cannot read; API clients
 * keep the token in the body.
 */
@QuarkusTest
class RefreshCookieTest {

    static final String COOKIE = "__Secure-canvass-refresh";
    static final String DELIVERY = "X-Refresh-Token-Delivery";

    static Response cookieLogin(Api.TestUser user) {
        return given().contentType(ContentType.JSON).header(DELIVERY, "cookie")
                .body(Map.of("email", user.email(), "password", user.password()))
                .post("/api/v1/auth/login");
    }

    static Response cookieRefresh(String cookie) {
        return given().contentType(ContentType.JSON).header(DELIVERY, "cookie").cookie(COOKIE, cookie).body("{}")
                .post("/api/v1/auth/refresh");
    }

    /** The Set-Cookie of the refresh cookie, asserted to carry every attribute that keeps it out of reach. */
    static String refreshCookieOf(Response response) {
        List<String> setCookies = response.headers().getValues("Set-Cookie");
        assertEquals(1, setCookies.size(), "one Set-Cookie: " + setCookies);
        String header = setCookies.get(0);
        assertTrue(header.startsWith(COOKIE + "="), header);
        List<String> attributes = List.of(header.split(";\\s*"));
        assertTrue(attributes.contains("HttpOnly"), "HttpOnly: " + header);
        assertTrue(attributes.contains("Secure"), "Secure: " + header);
        assertTrue(attributes.contains("SameSite=Strict"), "SameSite=Strict: " + header);
        assertTrue(attributes.contains("Path=/api/v1/auth"), "scoped to the auth endpoints: " + header);
        assertTrue(attributes.contains("Max-Age=2592000"), "lives as long as the refresh token: " + header);
        return attributes.get(0).substring(COOKIE.length() + 1);
    }

    static Api.TestUser rep() {
        return Api.user("REP", Api.team("cookie", null));
    }

    @Test
    void cookieSignInSetsAnHttpOnlyStrictCookieAndKeepsTheTokenOutOfTheBody() {
        Api.TestUser rep = rep();
        Response login = cookieLogin(rep);
        login.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("accessToken", notNullValue())
                .body("expiresIn", equalTo(900))
                .body("$", not(hasKey("refreshToken")));
        String cookie = refreshCookieOf(login);
        assertTrue(cookie.length() >= 40, "the cookie carries the refresh token");
        assertTrue(!login.asString().contains(cookie), "the refresh token appears nowhere in the body");
        Api.as(login.path("accessToken")).get("/api/v1/me").then().statusCode(200).body("email", equalTo(rep.email()));
    }

    @Test
    void refreshWithTheCookieRotatesItAndASpentCookieRevokesTheChain() {
        Api.TestUser rep = rep();
        String first = refreshCookieOf(cookieLogin(rep));

        Response rotated = cookieRefresh(first);
        rotated.then().statusCode(200).header("Cache-Control", "no-store")
                .body("accessToken", notNullValue()).body("$", not(hasKey("refreshToken")));
        String second = refreshCookieOf(rotated);
        assertNotEquals(first, second, "each refresh sets a new cookie");
        Api.as(rotated.path("accessToken")).get("/api/v1/me").then().statusCode(200);

        cookieRefresh(first).then().statusCode(401).contentType("application/problem+json");
        cookieRefresh(second).then().statusCode(401);
    }

    @Test
    void theCookieIsNeverReadWithoutTheHeaderNorFromAFormPost() {
        Api.TestUser rep = rep();
        String cookie = refreshCookieOf(cookieLogin(rep));

        // what a cross-site form or a plain request with only the cookie can send
        given().contentType(ContentType.JSON).cookie(COOKIE, cookie).body("{}").post("/api/v1/auth/refresh").then()
                .statusCode(400).body("errors.field", equalTo(List.of("refreshToken")));
        given().contentType(ContentType.URLENC).header(DELIVERY, "cookie").cookie(COOKIE, cookie).formParam("a", "b")
                .post("/api/v1/auth/refresh").then().statusCode(415);
        given().contentType(ContentType.TEXT).header(DELIVERY, "cookie").cookie(COOKIE, cookie).body("{}")
                .post("/api/v1/auth/refresh").then().statusCode(415);
        given().contentType(ContentType.JSON).header(DELIVERY, "smoke-signal").cookie(COOKIE, cookie).body("{}")
                .post("/api/v1/auth/refresh").then().statusCode(400).body("errors.field", equalTo(List.of(DELIVERY)));
        given().contentType(ContentType.JSON).header(DELIVERY, "cookie").body("{}")
                .post("/api/v1/auth/refresh").then().statusCode(401);

        // none of those spent it
        cookieRefresh(cookie).then().statusCode(200);
    }

    @Test
    void signOutRevokesTheCookiesChainAndClearsIt() {
        Api.TestUser rep = rep();
        String first = refreshCookieOf(cookieLogin(rep));
        Response rotated = cookieRefresh(first);
        String second = refreshCookieOf(rotated);

        Response logout = given().contentType(ContentType.JSON).header(DELIVERY, "cookie").cookie(COOKIE, second).body("{}")
                .post("/api/v1/auth/logout");
        logout.then().statusCode(204);
        String cleared = logout.header("Set-Cookie");
        assertTrue(cleared.startsWith(COOKIE + "=;"), cleared);
        assertTrue(cleared.contains("Max-Age=0") && cleared.contains("Path=/api/v1/auth"), cleared);

        cookieRefresh(second).then().statusCode(401);
        // signing out with no cookie left still answers and clears
        given().contentType(ContentType.JSON).header(DELIVERY, "cookie").body("{}").post("/api/v1/auth/logout").then()
                .statusCode(204).header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void aTokenFromTheBodyMovesIntoTheCookie() {
        // a browser that signed in before the cookie existed still has its token: it trades it for a cookie once
        Api.TestUser rep = rep();
        String inBody = Api.login(rep.email(), rep.password()).get("refreshToken").toString();
        Response moved = given().contentType(ContentType.JSON).header(DELIVERY, "cookie").body(Map.of("refreshToken", inBody))
                .post("/api/v1/auth/refresh");
        moved.then().statusCode(200).body("$", not(hasKey("refreshToken")));
        cookieRefresh(refreshCookieOf(moved)).then().statusCode(200);
    }

    @Test
    void apiClientsKeepTheBodyFlowWithoutACookie() {
        Api.TestUser rep = rep();
        for (String delivery : new String[] { null, "body" }) {
            var request = given().contentType(ContentType.JSON).body(Map.of("email", rep.email(), "password", rep.password()));
            Response login = (delivery == null ? request : request.header(DELIVERY, delivery)).post("/api/v1/auth/login");
            login.then().statusCode(200).body("refreshToken", notNullValue());
            assertEquals(List.of(), login.headers().getValues("Set-Cookie"), "no cookie for an API client");
            Response refreshed = given().contentType(ContentType.JSON).body(Map.of("refreshToken", login.path("refreshToken")))
                    .post("/api/v1/auth/refresh");
            refreshed.then().statusCode(200).body("refreshToken", notNullValue());
            assertEquals(List.of(), refreshed.headers().getValues("Set-Cookie"));
            given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshed.path("refreshToken")))
                    .post("/api/v1/auth/logout").then().statusCode(204).header("Set-Cookie", nullValue());
        }
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/refresh").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("refreshToken")));
    }

    @Test
    void theApiDocumentSaysHowToAskForTheCookie() {
        for (String operation : new String[] { "login", "refresh", "logout" }) {
            String path = "paths.'/api/v1/auth/" + operation + "'.post";
            var post = Management.given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200);
            post.body(path + ".parameters.find { it.name == '" + DELIVERY + "' }.in", equalTo("header"))
                    .body(path + ".description", containsString(COOKIE))
                    .body(path + ".responses.'" + (operation.equals("logout") ? "204" : "200") + "'.headers.'Set-Cookie'.description",
                            containsString("HttpOnly"));
        }
    }
}
