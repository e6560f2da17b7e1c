package io.canvass.platform;

import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * How long browsers and proxies keep the web app's files (everything outside /api and /q):
 * <ul>
 * <li>files whose name carries their content hash ({@code /assets/index-BVp8mcex.js}): a year, immutable,
 * since a new build gives them new names;</li>
 * <li>everything else (the shell at / and on every client route, {@code sw.js}, {@code manifest.webmanifest},
 * icons): {@code no-cache}, revalidated on every use so that a deploy is picked up at once, with an ETag
 * that makes the revalidation a bodiless 304 while the build is unchanged.</li>
 * </ul>
 * The ETag names the build: the hash of the service worker, whose precache manifest lists the revision of
 * every file of the app, so any change of any file changes it (or, when the build is not on the class path,
 * the start of this process). Dev mode is left alone: Vite serves and caches its modules itself.
 */
@ApplicationScoped
public class StaticCaching {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /** Vite's output names: {@code name-<8 characters of base64url hash>.ext}, under /assets. */
    private static final Pattern HASHED = Pattern.compile("/assets/[^/]+-[A-Za-z0-9_-]{8}\\.[a-z0-9]+");

    private final String etag = "W/\"" + buildId() + "\"";

    void install(@Observes Router router) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            return;
        }
        router.route().order(Integer.MIN_VALUE + 3).handler(this::onRequest); // after SecurityHeaders
    }

    private void onRequest(RoutingContext ctx) {
        String path = ctx.normalizedPath() == null ? "" : ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        // a client route (/today) passes here twice: as itself, then as / once FallbackRoutes reroutes it
        if (!(method == HttpMethod.GET || method == HttpMethod.HEAD) || under(path, "/api") || under(path, "/q")) {
            ctx.next();
            return;
        }
        if (HASHED.matcher(path).matches()) {
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() == 200) {
                    ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
                }
            });
            ctx.next();
            return;
        }
        if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            ctx.response().setStatusCode(304)
                    .putHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE)
                    .putHeader(HttpHeaders.ETAG, etag)
                    .end();
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            int status = ctx.response().getStatusCode();
            if (status == 200 || status == 304) {
                ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, REVALIDATE).set(HttpHeaders.ETAG, etag);
            }
        });
        ctx.next();
    }

    private static String buildId() {
        try (InputStream worker = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources/sw.js")) {
            byte[] content = worker != null ? worker.readAllBytes() : Instant.now().toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            return Long.toHexString(System.nanoTime());
        }
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
