package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Management;
import io.canvass.webhook.WebhookEventType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the contract: the routes the application serves (every JAX-RS resource
 * method, found by scanning the compiled classes for @Path) are exactly the documented operations,
 * and every operation says how it is secured, which problems it answers, and shows an example body.
 */
@QuarkusTest
class OpenApiContractTest {

    static Map<String, Object> document() {
        return Management.openApi();
    }

    /** "METHOD /path" of every resource method under /api/. */
    static Set<String> servedRoutes() throws IOException, ClassNotFoundException {
        Set<String> routes = new TreeSet<>();
        java.nio.file.Path root = Paths.get("target/classes");
        List<String> classes;
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("io/canvass"))) {
            classes = files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")).toList();
        }
        for (String name : classes) {
            Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = normalise(base.value() + (sub == null ? "" : "/" + sub.value()));
                if (path.startsWith("/api/")) {
                    routes.add(verb + " " + path);
                }
            }
        }
        return routes;
    }

    static String verb(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    static String normalise(String path) {
        String p = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServedRouteIsDocumentedAndNothingElse() throws Exception {
        Set<String> documented = new TreeSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document().get("paths");
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(k -> Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(k))
                .forEach(verb -> {
                    if (path.startsWith("/api/")) {
                        documented.add(verb.toUpperCase(Locale.ROOT) + " " + normalise(path));
                    }
                }));
        Set<String> served = servedRoutes();
        assertTrue(served.size() > 40, "found the resources (" + served.size() + ")");
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> phantom = new TreeSet<>(documented);
        phantom.removeAll(served);
        assertEquals(Set.of(), undocumented, "served but not documented");
        assertEquals(Set.of(), phantom, "documented but not served");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsNamedSecuredAnswersProblemsAndShowsAnExampleBody() {
        Map<String, Object> doc = document();
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) components.get("responses");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        List<String> failures = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        paths.forEach((path, item) -> item.forEach((verb, value) -> {
            if (!(value instanceof Map) || !path.startsWith("/api/")) {
                return;
            }
            Map<String, Object> op = (Map<String, Object>) value;
            String name = verb.toUpperCase(Locale.ROOT) + " " + path;
            if (!(op.get("operationId") instanceof String id) || !operationIds.add(id)) {
                failures.add(name + ": no operationId of its own (" + op.get("operationId") + ")");
            }
            List<?> security = (List<?>) op.get("security");
            if (!path.startsWith("/api/v1/auth/") && (security == null || security.isEmpty())) {
                failures.add(name + ": no security requirement");
            }
            Map<String, Map<String, Object>> answers = (Map<String, Map<String, Object>>) op.get("responses");
            for (String status : List.of("400", "414", "429", "503")) {
                if (answers == null || !answers.containsKey(status)) {
                    failures.add(name + ": no " + status + " response");
                }
            }
            if (op.get("requestBody") != null) {
                for (String status : List.of("413", "415")) {
                    if (answers == null || !answers.containsKey(status)) {
                        failures.add(name + ": takes a body but has no " + status + " response");
                    }
                }
            }
            if (answers != null) {
                answers.forEach((status, response) -> {
                    Map<String, Object> headers = (Map<String, Object>) (response.get("$ref") != null
                            ? responses.get(response.get("$ref").toString().replace("#/components/responses/", ""))
                            : response).get("headers");
                    Set<String> named = headers == null ? Set.of() : headers.keySet();
                    if (!named.containsAll(Set.of("RateLimit", "RateLimit-Policy"))) {
                        failures.add(name + ": " + status + " does not declare the RateLimit headers");
                    }
                    if (status.equals("201") && !named.contains("Location")) {
                        failures.add(name + ": 201 without Location");
                    }
                    if (Set.of("409", "429", "503").contains(status) && !named.contains("Retry-After")) {
                        failures.add(name + ": " + status + " without Retry-After");
                    }
                });
            }
            if (answers != null) {
                answers.forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        Object ref = response.get("$ref");
                        String key = ref == null ? null : ref.toString().replace("#/components/responses/", "");
                        Map<String, Object> resolved = key == null ? response : responses.get(key);
                        Map<String, Object> content = resolved == null ? null : (Map<String, Object>) resolved.get("content");
                        if (content == null || !content.containsKey(Problem.MEDIA_TYPE)) {
                            failures.add(name + ": " + status + " is not a problem+json response");
                        }
                    }
                });
                if (answers.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                    failures.add(name + ": no success response");
                }
            }
            Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
            if (body != null) {
                ((Map<String, Map<String, Object>>) body.get("content")).forEach((type, media) -> {
                    boolean binary = type.startsWith("image/");
                    if (!binary && media.get("examples") == null && media.get("example") == null) {
                        failures.add(name + ": no example for " + type);
                    }
                });
            }
        }));
        assertEquals(List.of(), failures);
    }

    @Test
    void everyApiCallOfTheTestsIsHeldToTheDocument() {
        assertTrue(io.restassured.RestAssured.filters().contains(io.canvass.testing.OpenApiValidation.INSTANCE),
                "the validating filter is installed for every @QuarkusTest");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEmittedEventIsDocumentedAsAWebhookWithItsSchema() {
        Map<String, Object> doc = document();
        Map<String, Object> webhooks = (Map<String, Object>) doc.get("webhooks");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        Set<String> expected = new TreeSet<>();
        for (WebhookEventType type : WebhookEventType.values()) {
            expected.add(type.type());
            assertTrue(schemas.containsKey(type.schemaName()), "schema " + type.schemaName() + " of " + type.type());
        }
        assertEquals(expected, new TreeSet<>(webhooks.keySet()), "webhooks: exactly the events Canvass emits");
        assertTrue(schemas.containsKey("WebhookMessage"));
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes");
        assertTrue(schemes != null && !schemes.isEmpty(), "a security scheme is declared");
    }

    /** Every list is an object with items (a paged one adds nextCursor), never a bare JSON array. */
    @Test
    @SuppressWarnings("unchecked")
    void everyListAnswerIsAnObject() {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document().get("paths");
        List<String> arrays = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((verb, value) -> {
            if (!(value instanceof Map) || !path.startsWith("/api/")) {
                return;
            }
            Map<String, Map<String, Object>> answers = (Map<String, Map<String, Object>>) ((Map<String, Object>) value).get("responses");
            if (answers == null) {
                return;
            }
            answers.forEach((status, response) -> {
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                if (status.startsWith("2") && content != null && content.get("application/json") != null) {
                    Map<String, Object> schema = resolve((Map<String, Object>) content.get("application/json").get("schema"));
                    String name = verb.toUpperCase(Locale.ROOT) + " " + path + " " + status;
                    if (schema != null && ("array".equals(schema.get("type")) || schema.get("items") != null)) {
                        arrays.add(name);
                    }
                    Map<String, Object> properties = schema == null ? null : (Map<String, Object>) schema.get("properties");
                    Map<String, Object> items = properties == null ? null : (Map<String, Object>) properties.get("items");
                    if (items != null && (!"array".equals(items.get("type")) || !(items.get("items") instanceof Map<?, ?> element) || element.isEmpty())) {
                        arrays.add(name + ": items is not an array of a described element");
                    }
                }
            });
        }));
        assertEquals(List.of(), arrays, "answers with a bare array");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema == null || !(schema.get("$ref") instanceof String ref)) {
            return schema;
        }
        Map<String, Object> components = (Map<String, Object>) document().get("components");
        return (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get(ref.replace("#/components/schemas/", ""));
    }
}
