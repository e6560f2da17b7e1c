package io.canvass.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem responses for what never reaches a resource: unknown paths under /api and /q, and
 * failures raised by the HTTP layer itself (such as a body over the size limit).
 */
@ApplicationScoped
public class FallbackRoutes {

    private static final Logger LOG = Logger.getLogger(FallbackRoutes.class);

    @Inject
    ObjectMapper json;

    /** Largest body of an ordinary (JSON, CSV) request. */
    @ConfigProperty(name = "canvass.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    /** Largest image upload (photos, receipts); the HTTP layer's own limit must be at least this. */
    @ConfigProperty(name = "canvass.http.max-upload-size", defaultValue = "6M")
    MemorySize maxUploadSize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::refuseOversizedBody); // after RequestIds
        router.get().order(APP_PAGES_ORDER).handler(this::appPage);
        router.route("/api/*").order(Integer.MAX_VALUE - 10).handler(ctx -> send(ctx,
                Problem.of(ProblemKind.NOT_FOUND, "No resource at this address")));
        router.route("/q/*").order(Integer.MAX_VALUE - 10).handler(ctx -> send(ctx,
                Problem.of(ProblemKind.NOT_FOUND, "No resource at this address")));
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    /** Before REST (order 10500) so that an unknown path is never its 404. */
    static final int APP_PAGES_ORDER = 1000;

    /**
     * The web app's own pages (/today, /customers/…) are routes of the client: they get the app's
     * index, which the client then routes. Never under /api or /q, never for files, and never for the
     * dev server's modules (/@vite/client, /@id/…), which must reach Vite in dev mode.
     */
    private void appPage(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (path.equals("/") || path.startsWith("/api/") || path.startsWith("/q/") || path.equals("/api") || path.equals("/q")
                || path.startsWith("/@") || last.contains(".")) {
            ctx.next();
            return;
        }
        ctx.reroute("/");
    }

    /** Answers 413 as a problem before the HTTP layer would with an empty body. */
    private void refuseOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String type = String.valueOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        long limit = type.startsWith("image/") ? maxUploadSize.asLongValue() : maxBodySize.asLongValue();
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > limit) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(ctx, Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The request body is larger than the limit of " + limit + " bytes"));
            return;
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        ProblemKind kind = switch (status) {
            case 413 -> ProblemKind.PAYLOAD_TOO_LARGE;
            case 400 -> ProblemKind.BAD_REQUEST;
            case 401 -> ProblemKind.UNAUTHORIZED;
            case 403 -> ProblemKind.FORBIDDEN;
            case 404 -> ProblemKind.NOT_FOUND;
            case 405 -> ProblemKind.METHOD_NOT_ALLOWED;
            case 415 -> ProblemKind.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemKind.INTERNAL;
        };
        if (kind == ProblemKind.INTERNAL && ctx.failure() != null) {
            LOG.error("Unhandled failure in the HTTP layer", ctx.failure());
        }
        String detail = kind == ProblemKind.PAYLOAD_TOO_LARGE ? "The request body is larger than allowed" : kind.title();
        send(ctx, Problem.of(kind, detail));
    }

    private void send(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
