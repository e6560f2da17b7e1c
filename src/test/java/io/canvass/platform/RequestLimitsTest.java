package io.canvass.platform;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.canvass.testing.Api;
import io.canvass.testing.Http;
import io.canvass.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests over a size limit are refused with a problem body, whichever layer notices: the request
 * line (414), the headers (431), the body with or without a Content-Length (413). Sent over a raw
 * socket, since ordinary clients refuse to send some of these or shape them differently.
 */
@QuarkusTest
class RequestLimitsTest {

    private static final String TYPES = "https://canvass.io/problems/";

    @TestHTTPResource("/")
    URI base;

    private static void assertProblem(RawHttp.Answer answer, int status, String type) throws Exception {
        assertEquals(status, answer.status(), () -> "status; body: " + answer.body());
        assertThat(answer.header("content-type"), startsWith(Problem.MEDIA_TYPE));
        JsonNode problem = Http.JSON.readTree(answer.body());
        assertEquals(TYPES + type, problem.path("type").asText());
        assertEquals(status, problem.path("status").asInt());
        assertThat(problem.path("title").asText(), not(""));
        assertThat(problem.path("detail").asText(), not(""));
    }

    private String host() {
        return "Host: " + base.getHost() + ":" + base.getPort();
    }

    private static byte[] filler(char ch) {
        byte[] bytes = new byte[16 * 1024];
        Arrays.fill(bytes, (byte) ch);
        return bytes;
    }

    /** A JSON login body of about {@code size} bytes: a string padded with spaces inside an object. */
    private RawHttp.Answer chunkedLogin(long size) throws Exception {
        String head = "POST /api/v1/auth/login HTTP/1.1\r\n" + host() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked";
        byte[] prefix = "{\"email\":\"a@b.c\",\"password\":\"x\"".getBytes(StandardCharsets.US_ASCII);
        // a valid JSON document whatever its length: the object, then whitespace, then the closing brace
        byte[] body = new byte[(int) size];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[body.length - 1] = '}';
        return RawHttp.send(base, head, body, body.length);
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIs413WithAProblem() throws Exception {
        RawHttp.Answer answer = chunkedLogin(1_300_000);
        assertProblem(answer, 413, "payload-too-large");
        assertThat(answer.body(), containsString("1048576"));
    }

    @Test
    void aChunkedJsonBodyUnderTheLimitIsRead() throws Exception {
        RawHttp.Answer answer = chunkedLogin(200_000);
        // read and processed: wrong credentials, not a refusal of the body
        assertProblem(answer, 401, "unauthorized");
    }

    @Test
    void aBodyWithoutALengthOverHttp2IsRead() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        // the first request upgrades the connection to HTTP/2 (h2c); the next one streams a body of unknown length
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/me")).build(), BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, first.version());
        byte[] json = "{\"email\":\"a@b.c\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)))
                .build(), BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, answer.version());
        // read and processed: wrong credentials, not a failure of the HTTP layer
        assertEquals(401, answer.statusCode(), answer.body());
    }

    @Test
    void aChunkedImageKeepsTheLargerUploadLimit() throws Exception {
        String token = Api.user("REP", Api.team("limits", null)).token();
        String head = "PUT /api/v1/checkins/" + UUID.randomUUID() + "/photo HTTP/1.1\r\n" + host()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: image/jpeg\r\nTransfer-Encoding: chunked";
        RawHttp.Answer underUploadLimit = RawHttp.send(base, head, filler('x'), 2_000_000);
        assertThat(underUploadLimit.body(), not(containsString("payload-too-large")));
        assertThat(underUploadLimit.header("content-type"), startsWith(Problem.MEDIA_TYPE));
        RawHttp.Answer overUploadLimit = RawHttp.send(base, head, filler('x'), 7_000_000);
        assertProblem(overUploadLimit, 413, "payload-too-large");
    }

    @Test
    void aRequestLineOverTheLimitIs414WithAProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(base, "GET /api/v1/customers?q=" + "x".repeat(5000) + " HTTP/1.1\r\n" + host());
        assertProblem(answer, 414, "uri-too-long");
    }

    @Test
    void headersOverTheLimitAre431WithAProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(base, "GET /api/v1/me HTTP/1.1\r\n" + host() + "\r\nX-Filler: " + "x".repeat(25_000));
        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void aRequestJustUnderTheLimitsIsServed() throws Exception {
        RawHttp.Answer answer = RawHttp.send(base, "GET /api/v1/customers?q=" + "x".repeat(4000) + " HTTP/1.1\r\n" + host()
                + "\r\nX-Filler: " + "x".repeat(15_000));
        assertProblem(answer, 401, "unauthorized");
    }

    @Test
    void aNulInAHeaderValueIsRefusedBeforeTheApplication() throws Exception {
        // the HTTP decoder validates header values itself: the request never reaches a route, so
        // this answer is the decoder's (400, no body) and nothing the request carried is processed
        Api.TestUser rep = Api.user("REP", Api.team("limits", null));
        RawHttp.Answer answer = RawHttp.send(base, "POST /api/v1/checkins HTTP/1.1\r\n" + host() + "\r\nAuthorization: Bearer "
                + rep.token() + "\r\nContent-Type: application/json\r\nIdempotency-Key: ab\u0000cd", "{}");
        assertEquals(400, answer.status(), answer::body);
    }
}
