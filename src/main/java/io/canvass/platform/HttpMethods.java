package io.canvass.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which methods each address of the API serves, read once (when first asked) from the REST resources
 * themselves (class and method {@code @Path}, the HTTP method annotations), so the {@code Allow}
 * header of a 405 lists exactly the methods of that path and can never drift from the routes.
 * <p>
 * Also the answer to {@code OPTIONS}: a CORS preflight is answered by Quarkus's CORS filter when
 * {@code quarkus.http.cors.*} admits its origin (it runs before this route and ends the response);
 * any other {@code OPTIONS} is a method no address serves, so it gets the same 405 problem with
 * {@code Allow} (or 404 where nothing is served), with or without a token. The web app's pages and
 * files (everything outside /api and /q) serve GET and HEAD only.
 */
@ApplicationScoped
public class HttpMethods {

    /** The order methods are listed in {@code Allow}. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /** The web app's pages and files. */
    static final String STATIC = "GET, HEAD";

    private static final Comparator<String> LISTED = Comparator.<String>comparingInt(HttpMethods::rank).thenComparing(Comparator.naturalOrder());

    /** After Quarkus's filters (CORS among them, negative orders), before the web app's pages and REST (order 10500). */
    static final int OPTIONS_ORDER = FallbackRoutes.APP_PAGES_ORDER - 10;

    private record Route(String template, Pattern pattern, Set<String> methods) {
    }

    @Inject
    BeanManager beans;

    @Inject
    ObjectMapper json;

    private volatile List<Route> routes;

    void install(@Observes Router router) {
        router.route().method(HttpMethod.OPTIONS).order(OPTIONS_ORDER).handler(this::options);
        router.route().order(OPTIONS_ORDER + 1).handler(this::webAppMethods);
    }

    /**
     * The value of {@code Allow} for a request path ({@code GET, HEAD, POST}): every method a resource
     * serves at an address matching it, HEAD wherever GET is served; empty when no resource serves the path.
     */
    public Optional<String> allow(String path) {
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Set<String> methods = new TreeSet<>(LISTED);
        for (Route route : routes()) {
            if (route.pattern().matcher(normalised).matches()) {
                methods.addAll(route.methods());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return methods.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", methods));
    }

    private void options(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (under(path, "/q")) {
            ctx.next();
            return;
        }
        Optional<String> allow = under(path, "/api") ? allow(path) : Optional.of(STATIC);
        if (allow.isEmpty()) {
            FallbackRoutes.send(ctx, json, Problem.of(ProblemKind.NOT_FOUND, "No resource at this address"));
            return;
        }
        ctx.response().putHeader("Allow", allow.get());
        FallbackRoutes.send(ctx, json, notAllowed("OPTIONS"));
    }

    /** Outside /api and /q are the web app's pages and files: GET and HEAD only, before REST could call them unknown. */
    private void webAppMethods(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        if (under(path, "/api") || under(path, "/q") || method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Allow", STATIC);
        FallbackRoutes.send(ctx, json, notAllowed(method.name()));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The 405 problem for a method this address does not serve. */
    static Problem notAllowed(String method) {
        return Problem.of(ProblemKind.METHOD_NOT_ALLOWED, method + " is not supported here; the Allow header lists what is");
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = build();
            routes = known;
        }
        return known;
    }

    private List<Route> build() {
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String template = join(base.value(), sub == null ? "" : sub.value());
                        byTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(verb);
                    }
                }
            }
        }
        List<Route> built = new ArrayList<>();
        byTemplate.forEach((template, methods) -> built.add(new Route(template, pattern(template), Set.copyOf(methods))));
        return List.copyOf(built);
    }

    private static String verb(Method method) {
        for (Annotation a : method.getAnnotations()) {
            jakarta.ws.rs.HttpMethod http = a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code /customers/{id}} → {@code /customers/[^/]+}; {@code {name: regex}} keeps its regex. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch != '{') {
                literal.append(ch);
                i++;
                continue;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            int depth = 1;
            int end = i + 1;
            while (end < template.length() && depth > 0) {
                char c = template.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                end++;
            }
            String variable = template.substring(i + 1, end - 1);
            int colon = variable.indexOf(':');
            regex.append('(').append(colon < 0 ? "?:[^/]+" : "?:" + variable.substring(colon + 1).trim()).append(')');
            i = end;
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }

    private static int rank(String method) {
        int at = ORDER.indexOf(method);
        return at < 0 ? ORDER.size() : at;
    }
}
