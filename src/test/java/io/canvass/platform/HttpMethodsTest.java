package io.canvass.platform;

import static io.canvass.testing.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A method an address does not serve is a 405 problem whose Allow header lists exactly the methods
 * it does serve, and OPTIONS answers nothing but what CORS needs (here: CORS is not configured, so
 * it is one more method no address serves).
 */
@QuarkusTest
class HttpMethodsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_ALLOWED = "https://canvass.io/problems/method-not-allowed";
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    @Test
    void aMethodTheAddressDoesNotServeIs405ListingTheOnesItDoes() {
        asAdmin().delete("/api/v1/me").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo(NOT_ALLOWED))
                .header("Allow", "GET, HEAD, PATCH");
        asAdmin().put("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(405).contentType(PROBLEM)
                .header("Allow", "GET, HEAD, PATCH, DELETE");
        given().get("/api/v1/auth/login").then().statusCode(405).contentType(PROBLEM)
                .header("Allow", "POST");
    }

    @Test
    void optionsIsNotAnsweredWithTheRoutesOfAClass() {
        given().options("/api/v1/customers").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo(NOT_ALLOWED))
                .header("Allow", "GET, HEAD, POST")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
        asAdmin().options("/api/v1/me").then().statusCode(405).contentType(PROBLEM).header("Allow", "GET, HEAD, PATCH");
        given().options("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM).header("Allow", nullValue());
        given().options("/today").then().statusCode(405).contentType(PROBLEM).header("Allow", "GET, HEAD");
    }

    @Test
    void theWebAppsPagesAndFilesServeOnlyGetAndHead() {
        for (String path : new String[] { "/", "/today", "/sw.js" }) {
            given().contentType("application/json").body("{}").post(path).then().statusCode(405).contentType(PROBLEM)
                    .body("type", equalTo(NOT_ALLOWED))
                    .header("Allow", "GET, HEAD");
            given().delete(path).then().statusCode(405).contentType(PROBLEM).header("Allow", "GET, HEAD");
        }
    }

    @Test
    void aPreflightFromAnotherOriginIsNotAdmittedWhileCorsIsNotConfigured() {
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/customers/" + UUID.randomUUID())
                .then().statusCode(405).contentType(PROBLEM)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
    }

    /** For every documented address: Allow lists the documented methods of every address the request path matches. */
    @Test
    @SuppressWarnings("unchecked")
    void allowAgreesWithTheDocumentEverywhere() {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) Management.openApi().get("paths");
        Map<Pattern, Set<String>> documented = new java.util.LinkedHashMap<>();
        paths.forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                Set<String> verbs = new TreeSet<>();
                item.keySet().stream().filter(k -> ORDER.contains(k.toUpperCase(Locale.ROOT)))
                        .forEach(k -> verbs.add(k.toUpperCase(Locale.ROOT)));
                documented.put(Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")), verbs);
            }
        });
        List<String> failures = new ArrayList<>();
        paths.keySet().stream().filter(p -> p.startsWith("/api/")).forEach(path -> {
            String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Set<String> expected = new TreeSet<>();
            documented.forEach((pattern, verbs) -> {
                if (pattern.matcher(concrete).matches()) {
                    expected.addAll(verbs);
                }
            });
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            String allow = asAdmin().options(concrete).then().statusCode(405).extract().header("Allow");
            String wanted = String.join(", ", expected.stream().sorted(java.util.Comparator.comparingInt(ORDER::indexOf)).toList());
            if (!wanted.equals(allow)) {
                failures.add(path + ": Allow " + allow + ", documented " + wanted);
            }
        });
        assertEquals(List.of(), failures);
    }
}
