package io.canvass.platform;

import io.vertx.core.http.HttpServerResponse;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The security headers of every response, set in one place just before the headers are written, so
 * resources, the web app's files (Quinoa), the client-route fallback and the error pages all carry them:
 * <ul>
 * <li>every response: {@code X-Content-Type-Options: nosniff} (an image or JSON is never sniffed into a page)
 * and {@code Referrer-Policy: no-referrer};</li>
 * <li>the web app (everything outside /api and /q: the index served for client routes, scripts, the service
 * worker): the Content-Security-Policy of {@link SecurityHeadersConfig}, {@code X-Frame-Options: DENY},
 * {@code Cross-Origin-Opener-Policy: same-origin} and a Permissions-Policy that gives the app itself
 * geolocation and the camera and nothing else;</li>
 * <li>the API: {@code X-Frame-Options: DENY} and a policy under which a response opened as a page runs
 * nothing; the token endpoints (/api/v1/auth/…) also {@code Cache-Control: no-store}.</li>
 * </ul>
 * /q (OpenAPI, Swagger UI, health, Dev UI) keeps its own pages' needs and gets the first two only.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Only geolocation (check-ins) and the camera (photos, receipts), for the app's own origin. */
    static final String PERMISSIONS_POLICY = "geolocation=(self), camera=(self), microphone=(), accelerometer=(), gyroscope=(), "
            + "magnetometer=(), payment=(), usb=(), midi=(), display-capture=(), fullscreen=(), autoplay=(), "
            + "encrypted-media=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), "
            + "xr-spatial-tracking=()";

    /** An API response opened as a document (a receipt image, a problem) may run, embed or load nothing. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    @Inject
    SecurityHeadersConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::onRequest); // after RequestIds and the body-size check
    }

    /** Health, metrics, the OpenAPI document and Swagger UI on the management port are not sniffed either. */
    void installOnManagement(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext ctx) {
        String path = ctx.normalizedPath() == null ? "" : ctx.normalizedPath();
        ctx.addHeadersEndHandler(v -> decorate(path, ctx.response()));
        ctx.next();
    }

    void decorate(String path, HttpServerResponse response) {
        var headers = response.headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (under(path, "/q")) {
            return;
        }
        headers.set("X-Frame-Options", "DENY");
        if (under(path, "/api")) {
            headers.set("Content-Security-Policy", API_POLICY);
            if (under(path, "/api/v1/auth")) {
                headers.set("Cache-Control", "no-store");
                headers.set("Pragma", "no-cache");
            }
            return;
        }
        headers.set("Content-Security-Policy", config.contentSecurityPolicy());
        headers.set("Permissions-Policy", PERMISSIONS_POLICY);
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
