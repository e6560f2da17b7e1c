package io.canvass.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import io.canvass.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * How the built web app's files travel: compressed when the browser accepts it, hashed files cached for a
 * year, everything else (the shell, the service worker, the manifest, icons) revalidated on every use so
 * that a deploy is picked up at once. Raw HTTP, so that nothing decompresses behind the test's back.
 */
@QuarkusTest
class StaticAssetsTest {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).GET();
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String encoding(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Encoding").orElse("identity");
    }

    /** The files index.html loads first: the entry script, its preloaded modules and the stylesheet. */
    List<String> initialFiles() throws Exception {
        String html = new String(get("/").body(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> files = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"").matcher(html);
        while (m.find()) files.add(m.group(1));
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".js")) && files.stream().anyMatch(f -> f.endsWith(".css")), files.toString());
        return files;
    }

    @Test
    void scriptsAndStylesAreSentWithBrotliOrGzipWhenAccepted() throws Exception {
        Brotli4jLoader.ensureAvailability();
        for (String file : initialFiles()) {
            HttpResponse<byte[]> identity = get(file);
            assertEquals(200, identity.statusCode(), file);
            assertEquals("identity", encoding(identity), file + " without Accept-Encoding is sent as is");
            byte[] plain = identity.body();

            HttpResponse<byte[]> br = get(file, "Accept-Encoding", "br");
            assertEquals("br", br.headers().firstValue("Content-Encoding").orElse(null), file);
            // a file of a few hundred bytes is mostly names and hashes: only larger ones must halve
            boolean large = plain.length >= 1024;
            assertTrue(!large || br.body().length < plain.length / 2, file + ": " + br.body().length + " brotli bytes of " + plain.length);
            assertArrayEquals(plain, Decoder.decompress(br.body()).getDecompressedData(), file);

            HttpResponse<byte[]> gzip = get(file, "Accept-Encoding", "gzip");
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null), file);
            assertTrue(!large || gzip.body().length < plain.length / 2, file + ": " + gzip.body().length + " gzip bytes of " + plain.length);
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
                assertArrayEquals(plain, in.readAllBytes(), file);
            }

            System.out.printf("first-load file %s: %d bytes, %d brotli, %d gzip on the wire%n", file, plain.length, br.body().length, gzip.body().length);
            HttpResponse<byte[]> browser = get(file, "Accept-Encoding", "gzip, deflate, br, zstd");
            assertEquals("br", browser.headers().firstValue("Content-Encoding").orElse(null), file + ": a browser gets brotli");
        }
    }

    @Test
    void theShellTheWorkerAndApiJsonAreCompressedToo() throws Exception {
        for (String path : new String[] { "/", "/today", "/index.html", "/sw.js", "/icons/icon.svg" }) {
            HttpResponse<byte[]> response = get(path, "Accept-Encoding", "gzip");
            assertEquals("gzip", encoding(response), path);
        }
        HttpResponse<byte[]> json = get("/api/v1/agenda", "Accept-Encoding", "br, gzip", "Authorization", "Bearer " + Api.adminToken());
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("br", encoding(json), "API JSON");
    }

    @Test
    void imagesAreNeverCompressedAgain() throws Exception {
        HttpResponse<byte[]> png = get("/icons/icon-192.png", "Accept-Encoding", "gzip, deflate, br");
        assertEquals(200, png.statusCode());
        assertEquals("identity", encoding(png), "a PNG is compressed already");
    }

    @Test
    void hashedFilesAreCachedForAYear() throws Exception {
        for (String file : initialFiles()) {
            HttpResponse<byte[]> response = get(file);
            assertEquals(IMMUTABLE, response.headers().firstValue("Cache-Control").orElse(null), file);
        }
    }

    @Test
    void theShellTheWorkerTheManifestAndIconsAreRevalidated() throws Exception {
        for (String path : new String[] { "/", "/index.html", "/today", "/customers/0190b7e2-0000-7000-8000-000000000001", "/sw.js",
                "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon.svg" }) {
            HttpResponse<byte[]> response = get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null), path);
            String validator = response.headers().firstValue("ETag").orElse(null);
            String conditional = "If-None-Match";
            if (validator == null) {
                validator = response.headers().firstValue("Last-Modified").orElse(null);
                conditional = "If-Modified-Since";
            }
            assertFalse(validator == null, path + " has an ETag or Last-Modified, so revalidating is cheap");
            HttpResponse<byte[]> again = get(path, conditional, validator);
            assertEquals(304, again.statusCode(), path + " unchanged answers 304");
            assertEquals(0, again.body().length, path);
        }
    }
}
