package io.canvass.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The app is served at / with client-side routes, while API and management paths keep their 404s. */
@QuarkusTest
class SpaRoutingTest {

    @Test
    void rootServesTheApp() {
        given().accept("text/html")
                .get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<div id=\"app\">"), containsString("rel=\"manifest\""));
    }

    @Test
    void clientSideRouteServesTheApp() {
        for (String route : new String[] { "/today", "/me", "/sync", "/login", "/customers/0190b7e2-0000-7000-8000-000000000001" }) {
            given().accept("text/html")
                    .get(route)
                    .then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .body(containsString("<div id=\"app\">"), containsString("rel=\"manifest\""));
        }
    }

    @Test
    void devServerModulesAreNeverAnsweredWithTheApp() {
        // in dev mode Vite serves these; the index in their place is HTML where the browser wants a module
        for (String module : new String[] { "/@vite/client", "/@vite/env", "/@id/virtual:pwa-register" }) {
            String body = given().urlEncodingEnabled(false).get(module).then().extract().asString();
            org.junit.jupiter.api.Assertions.assertFalse(body.contains("<div id=\"app\">"), module + " must not be answered with the app's index");
        }
    }

    @Test
    void unknownApiPathStaysA404Problem() {
        given().accept("text/html")
                .get("/api/v1/nope")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404), "type", equalTo("https://canvass.io/problems/not-found"));
    }

    @Test
    void unknownManagementPathStaysA404Problem() {
        given().accept("text/html")
                .get("/q/nope")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void manifestAndServiceWorkerAreServed() {
        given().get("/manifest.webmanifest")
                .then().statusCode(200)
                .body(containsString("\"display\":\"standalone\""), containsString("\"start_url\":\"/today\""));
        given().get("/sw.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"));
    }
}
