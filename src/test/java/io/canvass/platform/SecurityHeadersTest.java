package io.canvass.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.canvass.testing.Api;
import io.canvass.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The browser security headers, as a browser receives them from the built app and the API. */
@QuarkusTest
class SecurityHeadersTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; "
            + "connect-src 'self'; worker-src 'self'; manifest-src 'self'; media-src 'none'; object-src 'none'; frame-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static ValidatableResponse appShell(ValidatableResponse response) {
        return response
                .header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("Permissions-Policy", containsString("geolocation=(self), camera=(self), microphone=()"));
    }

    @Test
    void theAppShellAndItsClientRoutesAreServedUnderTheStrictPolicy() {
        for (String page : new String[] { "/", "/index.html", "/today", "/contracts/0b6c7bd6-4a43-4a30-9a5c-6d1f4b5bbd55", "/login" }) {
            appShell(given().accept(ContentType.HTML).get(page).then().statusCode(200).contentType(containsString("text/html")));
        }
        appShell(given().get("/sw.js").then().statusCode(200));
        appShell(given().get("/manifest.webmanifest").then().statusCode(200));
    }

    @Test
    void theBuiltIndexHasNoInlineScriptOrStyle() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script\\b([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            org.junit.jupiter.api.Assertions.assertTrue(scripts.group(1).contains("src=\"/"), "every script is a file of the app: " + scripts.group());
        }
        org.junit.jupiter.api.Assertions.assertTrue(count > 0, "the index loads the app's script");
        org.junit.jupiter.api.Assertions.assertFalse(html.contains("<style") || html.contains(" style="), "no inline style in the index");
    }

    @Test
    void apiResponsesAreNeverSniffedFramedOrRunAsAPage() {
        for (ValidatableResponse response : new ValidatableResponse[] {
                given().get("/api/v1/me").then().statusCode(401),
                given().get("/api/v1/no-such-thing").then().statusCode(404),
                Api.asAdmin().get("/api/v1/me").then().statusCode(200) }) {
            response.header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
                    .header("Referrer-Policy", "no-referrer");
        }
        Api.asAdmin().get("/api/v1/me").then().header("Cache-Control", nullValue());
    }

    @Test
    void tokenResponsesAreNeverCached() {
        given().contentType(ContentType.JSON).body(Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").header("X-Content-Type-Options", "nosniff");
        given().contentType(ContentType.JSON).body(Map.of("email", Api.ADMIN_EMAIL, "password", "wrong-password"))
                .post("/api/v1/auth/login").then().statusCode(401)
                .header("Cache-Control", "no-store");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", "rt_not-a-token"))
                .post("/api/v1/auth/refresh").then().statusCode(401)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        given().contentType(ContentType.JSON).body(Map.of("grantType", "client_credentials", "clientId", "svc_nobody", "clientSecret", "x"))
                .post("/api/v1/auth/token").then().statusCode(401)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    @Test
    void quarkusOwnPagesKeepTheirNeedsButAreNotSniffed() {
        Management.given().get("/q/openapi").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", nullValue());
    }
}
