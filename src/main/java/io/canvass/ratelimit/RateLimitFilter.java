package io.canvass.ratelimit;

import io.canvass.platform.Problem;
import io.canvass.platform.ProblemKind;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Applies the limits to every {@code /api/} request and answers with the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers):
 * {@code RateLimit-Policy: "writes";q=600;w=60} and {@code RateLimit: "writes";r=412;t=20}, where
 * r is the estimate of requests left and t the seconds until the bucket is full again (on a 429,
 * until the next request is allowed, as Retry-After says).
 * <p>
 * reads and writes are keyed by the authenticated caller (the client address when there is none)
 * and counted in this replica's share of the limit (no database round trip); auth is keyed by the
 * client address and counted exactly in PostgreSQL (one statement per sign-in attempt).
 * <p>
 * It runs before the request is matched and its role checked, so refused requests (401, 403, 404,
 * 405) count and carry the headers too: a client guessing tokens or addresses is limited like any other.
 */
public class RateLimitFilter {

    static final String DECISION = "canvass.rate-limit";

    static final String TAKE_SHARED = """
            insert into rate_bucket as b (key, tokens, updated_at) values ($1, $2 - 1, now())
            on conflict (key) do update
                set tokens = least($2, b.tokens + extract(epoch from now() - b.updated_at) * $3) - 1, updated_at = now()
                where least($2, b.tokens + extract(epoch from now() - b.updated_at) * $3) >= 1
            returning tokens""";

    static final String PEEK_SHARED = """
            select least($2, tokens + extract(epoch from now() - updated_at) * $3) from rate_bucket where key = $1""";

    /** What the response headers say. */
    record Decision(String policy, RateLimitConfig.Limit limit, long remaining, long reset) {
    }

    @Inject
    RateLimitConfig config;

    @Inject
    TokenBuckets local;

    @Inject
    Replicas replicas;

    @Inject
    Pool pool;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    InFlight inFlight;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        if (!config.enabled() || !path.startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        if (path.startsWith("/api/v1/auth/")) {
            return shared(request, "auth", config.auth(), "auth:" + address);
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        String policy = read ? "reads" : "writes";
        RateLimitConfig.Limit limit = read ? config.reads() : config.writes();
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .chain(identity -> {
                    String caller = caller(identity, address);
                    Response refused = local(request, policy, limit, policy + ":" + caller);
                    if (refused != null) {
                        return Uni.createFrom().item(refused);
                    }
                    // an event stream stays open for hours and holds no database connection: it takes no turn
                    boolean stream = MediaType.SERVER_SENT_EVENTS.equals(request.getHeaderString(HttpHeaders.ACCEPT));
                    return stream ? Uni.createFrom().nullItem() : takeTurn(request, routing, caller);
                });
    }

    /** The caller's request runs once fewer than its concurrent limit run; it waits its turn, or is refused when too many wait. */
    private Uni<Response> takeTurn(ContainerRequestContext request, RoutingContext routing, String caller) {
        RateLimitConfig.Concurrent concurrent = config.concurrent();
        return inFlight.enter(caller, concurrent.limit(), concurrent.queue()).map(admitted -> {
            if (!admitted) {
                Problem problem = Problem.of(ProblemKind.RATE_LIMITED, "Too many requests at once: " + concurrent.limit()
                        + " run at a time per caller and " + concurrent.queue() + " wait their turn; retry in 1 s");
                return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem).header(HttpHeaders.RETRY_AFTER, 1).build();
            }
            routing.addEndHandler(ended -> inFlight.leave(caller));
            return null;
        });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision d) {
            response.getHeaders().putSingle("RateLimit-Policy", policy(d));
            response.getHeaders().putSingle("RateLimit", "\"" + d.policy() + "\";r=" + d.remaining() + ";t=" + d.reset());
        }
    }

    private Response local(ContainerRequestContext request, String policy, RateLimitConfig.Limit limit, String key) {
        int n = replicas.live();
        double capacity = (double) limit.limit() / n;
        double perSecond = limit.limit() / (double) limit.window().toMillis() * 1000 / n;
        TokenBuckets.Take take = local.take(key, capacity, perSecond);
        long remaining = Math.min(limit.limit(), (long) Math.floor(take.remaining() * n));
        if (take.allowed()) {
            request.setProperty(DECISION, new Decision(policy, limit, remaining, (long) Math.ceil(take.secondsToFull())));
            return null;
        }
        return tooMany(request, new Decision(policy, limit, 0, Math.max(1, (long) Math.ceil(take.secondsForOne()))));
    }

    private Uni<Response> shared(ContainerRequestContext request, String policy, RateLimitConfig.Limit limit, String key) {
        double perSecond = limit.limit() / (double) limit.window().toMillis() * 1000;
        Tuple args = Tuple.of(key, (double) limit.limit(), perSecond);
        return pool.preparedQuery(TAKE_SHARED).execute(args).chain(rows -> {
            if (rows.size() == 1) {
                double left = rows.iterator().next().getDouble(0);
                request.setProperty(DECISION, new Decision(policy, limit, (long) Math.floor(left),
                        (long) Math.ceil((limit.limit() - left) / perSecond)));
                return Uni.createFrom().<Response>nullItem();
            }
            return pool.preparedQuery(PEEK_SHARED).execute(args).map(peek -> {
                double tokens = peek.size() == 0 ? 0 : ((Row) peek.iterator().next()).getDouble(0);
                long wait = Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
                return tooMany(request, new Decision(policy, limit, 0, wait));
            });
        });
    }

    private static Response tooMany(ContainerRequestContext request, Decision d) {
        request.setProperty(DECISION, d);
        Problem problem = Problem.of(ProblemKind.RATE_LIMITED, "Too many " + d.policy() + " requests: at most "
                + d.limit().limit() + " per " + d.limit().window().toSeconds() + " s; retry in " + d.reset() + " s");
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, d.reset())
                .header("RateLimit-Policy", policy(d))
                .header("RateLimit", "\"" + d.policy() + "\";r=0;t=" + d.reset())
                .build();
    }

    private static String policy(Decision d) {
        return "\"" + d.policy() + "\";q=" + d.limit().limit() + ";w=" + d.limit().window().toSeconds();
    }

    private static String caller(SecurityIdentity identity, String address) {
        return identity == null || identity.isAnonymous() ? "address:" + address : "user:" + identity.getPrincipal().getName();
    }
}
