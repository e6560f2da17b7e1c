package io.canvass.testing;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The served OpenAPI document ({@code /q/openapi} on the management port), read as a client reads it, and its operations
 * under {@code /api/}: their parameters, request body types, first examples and schemas.
 */
public final class OpenApi {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Map<String, Object> document;

    private OpenApi(Map<String, Object> document) {
        this.document = document;
    }

    public static OpenApi served() {
        return new OpenApi(Management.openApi());
    }

    /** A parameter in the path or the query; {@code schema} is resolved. */
    public record Parameter(String name, String in, boolean required, Map<String, Object> schema) {

        public boolean isUuid() {
            return "uuid".equals(schema.get("format"));
        }
    }

    /** One operation: {@code method} upper case, {@code path} as documented. */
    public record Operation(String method, String path, Map<String, Object> spec, List<Parameter> parameters, OpenApi api) {

        public String name() {
            return method + " " + path;
        }

        public List<Parameter> inPath() {
            return parameters.stream().filter(p -> p.in().equals("path")).toList();
        }

        public List<Parameter> inQuery() {
            return parameters.stream().filter(p -> p.in().equals("query")).toList();
        }

        /** The request body's media types, in the document's order; empty when it takes none. */
        @SuppressWarnings("unchecked")
        public List<String> bodyTypes() {
            Map<String, Object> body = (Map<String, Object>) spec.get("requestBody");
            return body == null ? List.of() : List.copyOf(((Map<String, Object>) body.get("content")).keySet());
        }

        /** The first example of the body in {@code type} (a JSON value, or the text of a text body); null when none. */
        @SuppressWarnings("unchecked")
        public Object example(String type) {
            Map<String, Object> media = media(type);
            if (media == null) {
                return null;
            }
            Map<String, Map<String, Object>> examples = (Map<String, Map<String, Object>>) media.get("examples");
            if (examples != null && !examples.isEmpty()) {
                return examples.values().iterator().next().get("value");
            }
            return media.get("example");
        }

        /** The body schema in {@code type}, resolved; an empty map when there is none. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> bodySchema(String type) {
            Map<String, Object> media = media(type);
            return media == null ? Map.of() : api.resolve((Map<String, Object>) media.get("schema"));
        }

        /** Whether a successful answer is a stream of server-sent events. */
        @SuppressWarnings("unchecked")
        public boolean streams() {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) spec.get("responses");
            return responses != null && responses.values().stream()
                    .map(r -> (Map<String, Object>) r.get("content"))
                    .anyMatch(content -> content != null && content.containsKey("text/event-stream"));
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> media(String type) {
            Map<String, Object> body = (Map<String, Object>) spec.get("requestBody");
            return body == null ? null : ((Map<String, Map<String, Object>>) body.get("content")).get(type);
        }
    }

    /** Every operation under /api/, in the document's order. */
    @SuppressWarnings("unchecked")
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.forEach((verb, value) -> {
            if (!path.startsWith("/api/") || !METHODS.contains(verb)) {
                return;
            }
            Map<String, Object> spec = (Map<String, Object>) value;
            List<Parameter> parameters = new ArrayList<>();
            for (String level : List.of("item", "operation")) {
                List<Map<String, Object>> declared = (List<Map<String, Object>>) (level.equals("item") ? item : spec).get("parameters");
                if (declared != null) {
                    for (Map<String, Object> p : declared) {
                        parameters.add(new Parameter((String) p.get("name"), (String) p.get("in"), Boolean.TRUE.equals(p.get("required")),
                                resolve((Map<String, Object>) p.get("schema"))));
                    }
                }
            }
            operations.add(new Operation(verb.toUpperCase(Locale.ROOT), path, spec, parameters, this));
        }));
        return operations;
    }

    /** The schema a {@code $ref} points to (followed until it is not a reference); an empty map for null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> resolved = schema;
        while (resolved != null && resolved.get("$ref") instanceof String ref) {
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
            resolved = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return resolved == null ? Map.of() : resolved;
    }
}
