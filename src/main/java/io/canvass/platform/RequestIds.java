package io.canvass.platform;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sensible token (an
 * ingress controller or a client sets one), a new UUID otherwise. The id is echoed in the response
 * and put in the logging context as {@code requestId}, so every log line written while the request
 * is handled (JSON in production) carries it.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestIds::assign);
    }

    static void assign(RoutingContext ctx) {
        String id = accepted(ctx.request().getHeader(HEADER));
        ctx.request().headers().set(HEADER, id);
        ctx.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        ctx.addEndHandler(done -> MDC.remove(MDC_KEY));
        ctx.next();
    }

    /** The caller's id if it is safe to log as is, otherwise a fresh one. */
    static String accepted(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
