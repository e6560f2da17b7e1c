package io.canvass.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds every REST Assured call of the API tests to the served OpenAPI document, so the two cannot
 * drift. Installed once for all {@code @QuarkusTest}s ({@link OpenApiValidationCallback}); it sees
 * each exchange with {@code /api/} as it goes over the wire and fails the test when:
 * <ul>
 * <li>the operation (method and path) is not in the document, yet was not answered 404/405;</li>
 * <li>the request breaks the document (a required or ill-typed parameter, an undocumented body type,
 * a body against its schema, a missing bearer token) and the server still accepted it: a request the
 * document refuses must be refused (4xx), except the items of a batch, each answered on its own;</li>
 * <li>the response's status is not documented for the operation, its media type is not, its JSON body
 * breaks its schema, a required header is missing, or it carries a contract header ({@code ETag},
 * {@code Location}, {@code RateLimit}, {@code RateLimit-Policy}, {@code Retry-After},
 * {@code Idempotent-Replayed}) the document does not declare on that response.</li>
 * </ul>
 * One drift is listed rather than failed, until the views stop sending it: a {@code null} in a response
 * field whose schema allows none ({@code target/openapi-response-nulls.log}).
 * Tests that send invalid requests on purpose therefore still have their answers validated.
 */
public final class OpenApiValidation implements OrderedFilter {

    public static final OpenApiValidation INSTANCE = new OpenApiValidation();

    /** Response headers that are part of the contract: present only where documented. */
    static final List<String> CONTRACT_HEADERS = List.of("ETag", "Location", "RateLimit", "RateLimit-Policy", "Retry-After",
            "Idempotent-Replayed");

    private static final String BASE = "https://canvass.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private volatile Document document;

    private OpenApiValidation() {
    }

    /** Adds the filter to REST Assured's global filters once. */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public int getOrder() {
        // Last before the wire and first after it: sees the request as sent and the response as received.
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/api/") || uri.getPort() == Management.port()) {
            return response;
        }
        document().check(request, uri, response);
        return response;
    }

    private Document document() {
        Document d = document;
        if (d == null) {
            synchronized (this) {
                if (document == null) {
                    document = new Document(fetch());
                }
                d = document;
            }
        }
        return d;
    }

    /** The document as the management port serves it (not through REST Assured, whose filters this is). */
    private static String fetch() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + Management.port() + "/q/openapi"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/q/openapi answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A path template of the document, as a pattern. */
    record Template(String path, Pattern pattern, List<String> names, int literals) {

        static Template of(String path) {
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(path.substring(last)));
            int literals = (int) java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty() && !s.startsWith("{")).count();
            return new Template(path, Pattern.compile(regex.toString()), names, literals);
        }
    }

    static final class Document {

        private final JsonNode root;
        private final List<Template> templates;
        private final SchemaRegistry registry;
        private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

        Document(String text) {
            try {
                root = JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Template> found = new ArrayList<>();
            root.path("paths").fieldNames().forEachRemaining(p -> {
                if (p.startsWith("/api/")) {
                    found.add(Template.of(p));
                }
            });
            // The most literal template first: /customers/nearby before /customers/{id}.
            found.sort(Comparator.comparingInt(Template::literals).reversed());
            templates = List.copyOf(found);
            registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                    .schemas(Map.of(BASE, text))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        }

        void check(FilterableRequestSpecification request, URI uri, Response response) {
            String method = request.getMethod().toLowerCase(Locale.ROOT);
            int status = response.getStatusCode();
            String rawPath = uri.getRawPath();
            Template template = null;
            Matcher matcher = null;
            for (Template t : templates) {
                Matcher m = t.pattern().matcher(rawPath);
                if (m.matches() && root.path("paths").path(t.path()).has(method)) {
                    template = t;
                    matcher = m;
                    break;
                }
            }
            String name = request.getMethod() + " " + rawPath;
            if (template == null) {
                if (status == 404 || status == 405 || method.equals("head") || method.equals("options")) {
                    return;
                }
                throw new AssertionError(name + " answered " + status + " but the document has no such operation");
            }
            String opPointer = "/paths/" + escape(template.path()) + "/" + method;
            JsonNode operation = root.at(opPointer);
            List<String> requestErrors = new ArrayList<>();
            checkParameters(request, uri, template, matcher, operation, opPointer, requestErrors);
            checkSecurity(request, operation, requestErrors);
            checkBody(request, operation, opPointer, requestErrors);
            if (status == 200 && operation.path("operationId").asText().endsWith("_batch")) {
                // A batch applies each item on its own and reports an invalid one as FAILED in its answer.
                requestErrors.removeIf(e -> e.startsWith("body: /items/"));
            }
            if (!requestErrors.isEmpty() && status < 400) {
                throw new AssertionError(name + " answered " + status + " to a request the document refuses: " + requestErrors);
            }
            List<String> responseErrors = new ArrayList<>();
            checkResponse(method, operation, opPointer, response, responseErrors);
            if (!responseErrors.isEmpty() && Boolean.getBoolean("canvass.openapi.survey")) {
                // Survey mode (-Dcanvass.openapi.survey=true): list every drift of a run instead of stopping at the first.
                note("target/openapi-drift.log", operation.path("operationId").asText() + "\t" + status + "\t" + responseErrors + "\n");
                return;
            }
            if (!responseErrors.isEmpty()) {
                String body = response.asString();
                throw new AssertionError(name + " (" + operation.path("operationId").asText() + ") answered " + status
                        + " unlike the document: " + responseErrors + "\nbody: "
                        + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
            }
            if (requestErrors.isEmpty() && status == 400) {
                noteUndocumentedRule(name, operation, response);
            }
        }

        private void checkParameters(FilterableRequestSpecification request, URI uri, Template template, Matcher matcher,
                JsonNode operation, String opPointer, List<String> errors) {
            Map<String, List<String>> query = query(uri.getRawQuery());
            Map<String, String> pathValues = new LinkedHashMap<>();
            for (int i = 0; i < template.names().size(); i++) {
                pathValues.put(template.names().get(i), URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            String itemPointer = "/paths/" + escape(template.path());
            List<String[]> declared = new ArrayList<>();
            for (String level : List.of(itemPointer, opPointer)) {
                JsonNode parameters = root.at(level + "/parameters");
                for (int i = 0; i < parameters.size(); i++) {
                    JsonNode p = resolve(parameters.get(i));
                    declared.add(new String[] {p.path("name").asText(), p.path("in").asText(), level + "/parameters/" + i,
                            String.valueOf(p.path("required").asBoolean(false))});
                }
            }
            for (String[] p : declared) {
                String pname = p[0];
                String in = p[1];
                List<String> values = switch (in) {
                    case "path" -> pathValues.containsKey(pname) ? List.of(pathValues.get(pname)) : List.of();
                    case "query" -> query.getOrDefault(pname, List.of());
                    case "header" -> request.getHeaders().getList(pname).stream().map(Header::getValue).toList();
                    default -> List.of();
                };
                if (values.isEmpty()) {
                    if (Boolean.parseBoolean(p[3])) {
                        errors.add(in + " parameter " + pname + " is required");
                    }
                    continue;
                }
                JsonNode parameter = resolve(root.at(p[2]));
                String schemaPointer = parameter.has("$ref") ? null : p[2] + "/schema";
                if (schemaPointer == null || root.at(schemaPointer).isMissingNode()) {
                    continue;
                }
                JsonNode schema = resolve(root.at(schemaPointer));
                JsonNode instance;
                if (types(schema).contains("array")) {
                    ArrayNode array = JsonNodeFactory.instance.arrayNode();
                    JsonNode items = resolve(schema.path("items"));
                    values.forEach(v -> array.add(coerce(items, v)));
                    instance = array;
                } else if (values.size() > 1) {
                    errors.add(in + " parameter " + pname + " given " + values.size() + " times");
                    continue;
                } else {
                    instance = coerce(schema, values.get(0));
                }
                validate(schemaPointer, instance).forEach(e -> errors.add(in + " parameter " + pname + ": " + e));
            }
        }

        private static void checkSecurity(FilterableRequestSpecification request, JsonNode operation, List<String> errors) {
            JsonNode security = operation.path("security");
            if (!security.isArray() || security.isEmpty()) {
                return;
            }
            for (JsonNode requirement : security) {
                if (requirement.isEmpty()) {
                    return;
                }
            }
            String auth = request.getHeaders().getValue("Authorization");
            boolean scheme = request.getAuthenticationScheme() != null
                    && !(request.getAuthenticationScheme() instanceof io.restassured.authentication.NoAuthScheme);
            if ((auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) && !scheme) {
                errors.add("no bearer token");
            }
        }

        private void checkBody(FilterableRequestSpecification request, JsonNode operation, String opPointer, List<String> errors) {
            JsonNode requestBody = resolve(operation.path("requestBody"));
            String body = body(request);
            boolean multipart = !request.getMultiPartParams().isEmpty();
            boolean form = !request.getFormParams().isEmpty();
            boolean hasBody = (body != null && !body.isEmpty()) || multipart || form;
            if (requestBody.isMissingNode()) {
                if (hasBody) {
                    errors.add("a body where the operation takes none");
                }
                return;
            }
            if (!hasBody) {
                if (requestBody.path("required").asBoolean(false)) {
                    errors.add("the body is required");
                }
                return;
            }
            String type = mediaType(request.getContentType());
            if (type == null) {
                type = multipart ? "multipart/form-data" : form ? "application/x-www-form-urlencoded" : null;
            }
            String key = match(requestBody.path("content"), type);
            if (key == null) {
                errors.add("body of type " + type + " where the document takes " + names(requestBody.path("content")));
                return;
            }
            if (isJson(key) && body != null && !multipart && !form) {
                String pointer = (operation.path("requestBody").has("$ref") ? pointerOf(operation.path("requestBody")) : opPointer + "/requestBody")
                        + "/content/" + escape(key) + "/schema";
                if (!root.at(pointer).isMissingNode()) {
                    validate(pointer, body).forEach(e -> errors.add("body: " + e));
                }
            }
        }

        private void checkResponse(String method, JsonNode operation, String opPointer, Response response, List<String> errors) {
            String status = String.valueOf(response.getStatusCode());
            JsonNode responses = operation.path("responses");
            String key = responses.has(status) ? status
                    : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                    : responses.has("default") ? "default" : null;
            if (key == null) {
                errors.add("status " + status + " is not documented (documented: " + names(responses) + ")");
                return;
            }
            JsonNode declared = responses.path(key);
            String pointer = declared.has("$ref") ? pointerOf(declared) : opPointer + "/responses/" + escape(key);
            JsonNode documented = root.at(pointer);
            JsonNode headers = documented.path("headers");
            Set<String> declaredHeaders = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            headers.fieldNames().forEachRemaining(declaredHeaders::add);
            for (String h : CONTRACT_HEADERS) {
                if (response.getHeaders().hasHeaderWithName(h) && !declaredHeaders.contains(h)) {
                    errors.add("header " + h + " is not documented on " + key);
                }
            }
            headers.fields().forEachRemaining(e -> {
                if (resolve(e.getValue()).path("required").asBoolean(false) && !response.getHeaders().hasHeaderWithName(e.getKey())) {
                    errors.add("required header " + e.getKey() + " is missing");
                }
            });
            String body = response.asString();
            JsonNode content = documented.path("content");
            if (body == null || body.isEmpty() || method.equals("head")) {
                if (!content.isMissingNode() && !content.isEmpty() && !method.equals("head") && response.getStatusCode() != 204
                        && !status.equals("304")) {
                    boolean mayBeEmpty = false;
                    Iterator<Map.Entry<String, JsonNode>> media = content.fields();
                    while (media.hasNext()) {
                        String mt = media.next().getKey();
                        mayBeEmpty |= !isJson(mt);
                    }
                    if (!mayBeEmpty) {
                        errors.add("no body where the document promises " + names(content));
                    }
                }
                return;
            }
            if (content.isMissingNode() || content.isEmpty()) {
                errors.add("a body where the document promises none");
                return;
            }
            String type = mediaType(response.getContentType());
            String mediaKey = match(content, type);
            if (mediaKey == null) {
                errors.add("content type " + type + " is not documented (documented: " + names(content) + ")");
                return;
            }
            if (isJson(mediaKey) && isJson(type)) {
                String schemaPointer = pointer + "/content/" + escape(mediaKey) + "/schema";
                if (!root.at(schemaPointer).isMissingNode()) {
                    for (String e : validate(schemaPointer, body)) {
                        if (e.contains(": null found,") || e.endsWith("(null found)")) {
                            // A null where the schema has none: known, listed for the views that still send null
                            // for "no value" (see target/openapi-response-nulls.log), not yet a failure.
                            note("target/openapi-response-nulls.log", operation.path("operationId").asText() + "\t" + e + "\n");
                        } else {
                            errors.add("body: " + e);
                        }
                    }
                }
            }
        }

        private static void note(String file, String line) {
            try {
                Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // a diagnostic only
            }
        }

        /** A 400 validation problem to a request the document admits: a rule the server enforces that the document does not state. */
        private static void noteUndocumentedRule(String name, JsonNode operation, Response response) {
            String file = System.getProperty("canvass.openapi.drift-log", "target/openapi-undocumented-rules.log");
            try {
                JsonNode problem = JSON.readTree(response.asString());
                StringBuilder line = new StringBuilder(operation.path("operationId").asText()).append('\t').append(name).append('\t');
                for (JsonNode e : problem.path("errors")) {
                    line.append(e.path("field").asText()).append(": ").append(e.path("message").asText()).append("; ");
                }
                line.append('\t').append(problem.path("detail").asText()).append('\n');
                Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException ignored) {
                // a diagnostic only
            }
        }

        private List<String> validate(String pointer, Object instance) {
            Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
            String json;
            try {
                json = instance instanceof String s ? s : JSON.writeValueAsString(instance);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return schema.validate(json, InputFormat.JSON).stream()
                        .map(e -> e.getInstanceNode() != null && e.getInstanceNode().isNull() && !e.toString().contains(": null found,")
                                ? e + " (null found)" : e.toString())
                        .toList();
            } catch (RuntimeException e) {
                return List.of("not JSON: " + e.getMessage());
            }
        }

        /** A parameter's text as the JSON value its schema reads it as. */
        private JsonNode coerce(JsonNode schema, String value) {
            Set<String> types = types(resolve(schema));
            if (types.contains("integer") || types.contains("number")) {
                try {
                    BigDecimal number = new BigDecimal(value);
                    if (types.contains("integer") && number.stripTrailingZeros().scale() <= 0 && !value.contains(".")) {
                        return JsonNodeFactory.instance.numberNode(number.toBigIntegerExact());
                    }
                    return JsonNodeFactory.instance.numberNode(number);
                } catch (NumberFormatException | ArithmeticException e) {
                    return JsonNodeFactory.instance.textNode(value);
                }
            }
            if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
                return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
            }
            return JsonNodeFactory.instance.textNode(value);
        }

        private Set<String> types(JsonNode schema) {
            Set<String> types = new java.util.HashSet<>();
            JsonNode type = schema.path("type");
            if (type.isTextual()) {
                types.add(type.asText());
            } else {
                type.forEach(t -> types.add(t.asText()));
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                schema.path(combinator).forEach(s -> types.addAll(types(resolve(s))));
            }
            return types;
        }

        private JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            for (int i = 0; i < 10 && current.has("$ref") && current.size() == 1; i++) {
                current = root.at(pointerOf(current));
            }
            return current;
        }

        private static String pointerOf(JsonNode ref) {
            String r = ref.path("$ref").asText();
            return r.startsWith("#") ? r.substring(1) : r;
        }
    }

    private static String body(FilterableRequestSpecification request) {
        Object body = request.getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The documented media type matching {@code type}: exact, then {@code type/*}, then {@code *}{@code /*}. */
    private static String match(JsonNode content, String type) {
        if (type == null) {
            return content.has("*/*") ? "*/*" : null;
        }
        Iterator<String> names = content.fieldNames();
        String wildcard = null;
        while (names.hasNext()) {
            String n = names.next();
            String lower = mediaType(n);
            if (lower.equals(type)) {
                return n;
            }
            if (lower.endsWith("/*") && type.startsWith(lower.substring(0, lower.length() - 1)) && wildcard == null) {
                wildcard = n;
            }
        }
        return wildcard != null ? wildcard : content.has("*/*") ? "*/*" : null;
    }

    private static boolean isJson(String type) {
        return type != null && (type.equals("application/json") || type.endsWith("+json"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
