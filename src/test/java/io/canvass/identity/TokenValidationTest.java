package io.canvass.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenValidationTest {

    private static final UUID ADMIN_LIKE = UUID.randomUUID();

    private static void rejected(String token) {
        given().auth().oauth2(token).get("/api/v1/teams").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://canvass.io/problems/unauthorized"));
    }

    @Test
    void validMintedTokenIsAccepted() {
        given().auth().oauth2(Api.mint(ADMIN_LIKE, "ADMIN", Duration.ofMinutes(5))).get("/api/v1/teams")
                .then().statusCode(200);
    }

    @Test
    void missingTokenIsRejected() {
        given().get("/api/v1/teams").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenIssuedInTheFutureIsRejected() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        rejected(Jwt.issuer("https://canvass.io").audience("canvass-api").subject(ADMIN_LIKE.toString()).groups("ADMIN")
                .issuedAt(later).expiresAt(later.plus(Duration.ofMinutes(15))).sign());
    }

    @Test
    void expiredTokenIsRejected() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        rejected(Jwt.issuer("https://canvass.io").audience("canvass-api").subject(ADMIN_LIKE.toString()).groups("ADMIN")
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(15))).sign());
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItHasExpired() throws InterruptedException {
        Instant exp = Instant.now().plusSeconds(2);
        String token = Jwt.issuer("https://canvass.io").audience("canvass-api").subject(ADMIN_LIKE.toString()).groups("ADMIN")
                .expiresAt(exp).sign();
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(200);
        // past exp and the configured clock skew (mp.jwt.verify.clock.skew=5)
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), exp.plusSeconds(6)).toMillis()));
        rejected(token);
    }

    @Test
    void tamperedTokenIsRejected() {
        String genuine = Api.mint(ADMIN_LIKE, "REP", Duration.ofMinutes(5));
        given().auth().oauth2(genuine).get("/api/v1/teams").then().statusCode(not(401)); // accepted (a rep may be refused the list)
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"REP\"", "\"ADMIN\"");
        rejected(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void wrongIssuerIsRejected() {
        rejected(Jwt.issuer("https://evil.example").audience("canvass-api").subject(ADMIN_LIKE.toString()).groups("ADMIN")
                .expiresIn(Duration.ofMinutes(5)).sign());
    }

    @Test
    void wrongAudienceIsRejected() {
        rejected(Jwt.issuer("https://canvass.io").audience("someone-else").subject(ADMIN_LIKE.toString()).groups("ADMIN")
                .expiresIn(Duration.ofMinutes(5)).sign());
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long exp = Instant.now().plusSeconds(300).getEpochSecond();
        String payload = b64("{\"iss\":\"https://canvass.io\",\"aud\":\"canvass-api\",\"sub\":\"" + ADMIN_LIKE
                + "\",\"groups\":[\"ADMIN\"],\"exp\":" + exp + "}");
        rejected(header + "." + payload + ".");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws Exception {
        String pem = Files.readString(Path.of("src/test/resources/jwt/foreign-private.pem"));
        PrivateKey foreign = KeyUtils.decodePrivateKey(pem);
        rejected(Jwt.issuer("https://canvass.io").audience("canvass-api").subject(ADMIN_LIKE.toString()).groups("ADMIN")
                .expiresIn(Duration.ofMinutes(5)).sign(foreign));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
