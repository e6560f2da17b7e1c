package io.canvass.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Problem responses for what never reaches a resource: unknown paths under /api and /q, and
 * failures raised by the HTTP layer itself (such as a body over the size limit, see {@link HttpLimits}).
 */
@ApplicationScoped
public class FallbackRoutes {

    private static final Logger LOG = Logger.getLogger(FallbackRoutes.class);

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
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

    private void failure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        ProblemKind kind = switch (status) {
            case 413 -> ProblemKind.PAYLOAD_TOO_LARGE;
            case 414 -> ProblemKind.URI_TOO_LONG;
            case 431 -> ProblemKind.HEADERS_TOO_LARGE;
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
        if (status == 413 || status == 414 || status == 431) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close"); // the rest of what is being sent is not read
        }
        if (kind == ProblemKind.PAYLOAD_TOO_LARGE && ctx.get(HttpLimits.BODY_LIMIT) instanceof Long limit) {
            send(ctx, HttpLimits.tooLarge(limit));
            return;
        }
        String detail = kind == ProblemKind.PAYLOAD_TOO_LARGE ? "The request body is larger than allowed" : kind.title();
        send(ctx, Problem.of(kind, detail));
    }

    private void send(RoutingContext ctx, Problem problem) {
        send(ctx, json, problem);
    }

    /** Ends the response with {@code problem} as its application/problem+json body. */
    static void send(RoutingContext ctx, ObjectMapper json, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
