package io.canvass.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufInputStream;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The size limits of a request, each answered with a problem body: 414 for a request line over
 * {@code quarkus.http.limits.max-initial-line-length}, 431 for headers over
 * {@code quarkus.http.limits.max-header-size}, 413 for a body over {@code canvass.http.max-body-size}
 * (image uploads: {@code canvass.http.max-upload-size}), whether the body announces its length or
 * arrives chunked.
 * <p>
 * The HTTP decoder answers oversized request lines and headers itself, before any route and with
 * an empty body. So the decoder is given {@value #DECODER_HEADROOM} times the configured limits,
 * and the configured limits are enforced here, first of all routes, where the answer can be a
 * problem. Only a request beyond the headroom still gets the decoder's bare answer.
 */
@ApplicationScoped
public class HttpLimits implements HttpServerOptionsCustomizer {

    static final int DECODER_HEADROOM = 4;

    /** The body limit that applies to this request (routing context data), for the 413 answer. */
    static final String BODY_LIMIT = "canvass.body-limit";

    @Inject
    ObjectMapper json;

    /** Largest body of an ordinary (JSON, CSV) request. */
    @ConfigProperty(name = "canvass.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    /** Largest image upload (photos, receipts); the HTTP layer's own limit must be at least this. */
    @ConfigProperty(name = "canvass.http.max-upload-size", defaultValue = "6M")
    MemorySize maxUploadSize;

    @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096")
    int maxRequestLine;

    @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    private static final Set<HttpMethod> WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final List<String> FORMS = List.of("application/x-www-form-urlencoded", "multipart/");

    private BodyHandler ordinaryBodies;
    private BodyHandler uploadBodies;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        headroom(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        headroom(options);
    }

    private void headroom(HttpServerOptions options) {
        options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), maxRequestLine * DECODER_HEADROOM));
        options.setMaxHeaderSize((int) Math.min(Integer.MAX_VALUE,
                Math.max(options.getMaxHeaderSize(), maxHeaderSize.asLongValue() * DECODER_HEADROOM)));
    }

    void install(@Observes Router router) {
        ordinaryBodies = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
        uploadBodies = BodyHandler.create(false).setBodyLimit(maxUploadSize.asLongValue());
        router.route().order(Integer.MIN_VALUE + 1).handler(this::limit); // right after RequestIds
    }

    private void limit(RoutingContext ctx) {
        var request = ctx.request();
        int line = request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1;
        if (line > maxRequestLine) {
            refuse(ctx, Problem.of(ProblemKind.URI_TOO_LONG, "The request line is longer than the limit of " + maxRequestLine
                    + " characters; send long filters in fewer or shorter parameters"));
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + 2 + header.getValue().length();
        }
        if (headers > maxHeaderSize.asLongValue()) {
            refuse(ctx, Problem.of(ProblemKind.HEADERS_TOO_LARGE, "The request headers are larger than the limit of "
                    + maxHeaderSize.asLongValue() + " bytes"));
            return;
        }
        boolean upload = String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE)).startsWith("image/");
        long limit = upload ? maxUploadSize.asLongValue() : maxBodySize.asLongValue();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (length.chars().allMatch(Character::isDigit) && (length.length() >= 19 || Long.parseLong(length) > limit)) {
                refuse(ctx, tooLarge(limit));
                return;
            }
            ctx.next();
        } else if (WITHOUT_BODY.contains(request.method())
                || FORMS.stream().anyMatch(String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE))::startsWith)) {
            // forms are read by the REST layer's form parser, which bounds each field and the number of fields
            ctx.next();
        } else if (request.version() == HttpVersion.HTTP_2) {
            // An HTTP/2 stream that was read here could not be handed on: the REST layer pauses the request
            // before reading it, which an ended HTTP/2 stream refuses. Such a body is bounded by the HTTP
            // layer's own limit (quarkus.http.limits.max-body-size); behind the ingress requests are HTTP/1.1.
            ctx.next();
        } else {
            // a body without a length (chunked): counted as it arrives; over the limit is ctx.fail(413)
            ctx.put(BODY_LIMIT, limit);
            (upload ? uploadBodies : ordinaryBodies).handle(ctx);
        }
    }

    /**
     * Gives the REST layer the body counted here. It reads a request's body itself unless a filter
     * has supplied it, and by now the request has ended.
     */
    @ServerRequestFilter(preMatching = true)
    public void countedBody(ContainerRequestContext request, RoutingContext ctx) {
        if (ctx.get(BODY_LIMIT) != null && ctx.body().buffer() != null) {
            request.setEntityStream(new ByteBufInputStream(ctx.body().buffer().getByteBuf()));
        }
    }

    static Problem tooLarge(long limit) {
        return Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The request body is larger than the limit of " + limit + " bytes");
    }

    /** Answers and closes the connection: what the client is still sending is not read. */
    private void refuse(RoutingContext ctx, Problem problem) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        FallbackRoutes.send(ctx, json, problem);
    }
}
