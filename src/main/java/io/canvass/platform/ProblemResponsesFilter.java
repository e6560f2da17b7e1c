package io.canvass.platform;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds what every API operation shares, so each resource only declares what is its own:
 * <ul>
 * <li>the {@code Idempotency-Key} every write honours (see {@link Idempotency});</li>
 * <li>the problem responses any operation can give (validation, authentication, role, 414, 429,
 * database unavailable) and those of any operation with a body (413, 415);</li>
 * <li>the response headers the HTTP layer sets: {@code RateLimit} and {@code RateLimit-Policy} on
 * every answer, {@code Retry-After} on 429, 503 and 409 (still in progress), {@code Location} on 201,
 * {@code ETag} on the answers of an editable record's reads and edits (a path any of whose operations
 * takes {@code If-Match}) and on every other answer that returns such a record, {@code Idempotent-Replayed}
 * on the successes of operations that take an {@code Idempotency-Key};</li>
 * <li>a request field that is not required may be null; a decimal in a request may be sent as a decimal string.</li>
 * </ul>
 * The webhook messages Canvass sends are added by the webhook package's own filter.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> records = editableRecords(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                boolean editable = item.getOperations().values().stream().anyMatch(o -> takes(o, "If-Match"));
                item.getOperations().forEach((method, operation) -> {
                    addCommon(method, operation);
                    statePeriodRules(operation);
                    addHeaders(operation, records, editable && (method == PathItem.HttpMethod.GET || takes(operation, "If-Match")));
                });
            }
        });
        addComponentHeaders(openAPI);
        optionalFieldsMayBeNull(openAPI);
    }

    /**
     * A request field that is not required may be absent or {@code null}, which the server reads as
     * absent; the schemas only requests use say so. A response field is null only where its schema says.
     */
    private static void optionalFieldsMayBeNull(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> responses = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getContent() != null) {
                        response.getContent().getMediaTypes().values().forEach(media -> collect(media.getSchema(), schemas, responses));
                    }
                });
            }
        }));
        Set<String> requests = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(media -> collect(media.getSchema(), schemas, requests));
            }
        }));
        requests.forEach(name -> decimalsAsText(schemas.get(name)));
        requests.stream().filter(name -> !responses.contains(name)).forEach(name -> optionalMayBeNull(schemas.get(name)));
    }

    /** A decimal (a number without format) in a request may also be sent as a decimal string, as amounts are answered. */
    private static void decimalsAsText(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(property -> {
            if (property.getRef() == null && property.getProperties() != null) {
                decimalsAsText(property);
            }
            if (property.getType() != null && property.getType().contains(Schema.SchemaType.NUMBER) && property.getFormat() == null
                    && !property.getType().contains(Schema.SchemaType.STRING)) {
                property.addType(Schema.SchemaType.STRING);
                boolean unsigned = property.getMinimum() != null && property.getMinimum().signum() >= 0
                        || property.getExclusiveMinimum() != null && property.getExclusiveMinimum().signum() >= 0;
                property.pattern(unsigned ? "^\\+?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?$" : "^[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?$");
            }
        });
    }

    /** The component schemas {@code schema} refers to, directly or through others. */
    private static void collect(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collect(schemas.get(name), schemas, names);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(p, schemas, names));
        }
        collect(schema.getItems(), schemas, names);
        for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(s -> collect(s, schemas, names));
            }
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            collect(schema.getAdditionalPropertiesSchema(), schemas, names);
        }
    }

    private static void optionalMayBeNull(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        Schema items = schema.getProperties().get("items");
        if (items != null && items.getType() != null && items.getType().contains(Schema.SchemaType.ARRAY)
                && (schema.getRequired() == null || !schema.getRequired().contains("items"))) {
            schema.addRequired("items"); // a list answers its items, [] when there are none, never null
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, property) -> {
            if (property.getRef() == null && property.getProperties() != null) {
                optionalMayBeNull(property);
            }
            if (property.getItems() != null && property.getItems().getRef() == null) {
                optionalMayBeNull(property.getItems());
            }
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null || property.getType() == null) {
                Schema either = OASFactory.createSchema()
                        .anyOf(List.of(property, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
                schema.addProperty(name, either);
            } else if (!property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
                if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                    property.addEnumeration(null);
                }
            }
        });
    }

    private static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    /**
     * The forms the server reads period-like text parameters in (target.Period, the commission's and
     * the weekly report's parsers, Dates.month, ISO 4217), stated as patterns so a client learns them
     * from the document rather than from a 400.
     */
    private static void statePeriodRules(Operation operation) {
        if (operation.getParameters() == null || operation.getOperationId() == null) {
            return;
        }
        boolean commission = operation.getOperationId().startsWith("CommissionResource_");
        for (Parameter parameter : operation.getParameters()) {
            Schema schema = parameter.getSchema();
            if (schema == null || schema.getRef() != null || schema.getType() == null || !schema.getType().contains(Schema.SchemaType.STRING)
                    || schema.getPattern() != null || parameter.getIn() == Parameter.In.HEADER) {
                continue;
            }
            switch (parameter.getName()) {
                case "period" -> schema.pattern(commission ? "^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$" : "^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$");
                case "month" -> schema.pattern(MONTH);
                case "from", "to" -> {
                    if (operation.getOperationId().startsWith("Expense")) {
                        schema.pattern(MONTH);
                    }
                }
                case "week" -> schema.pattern("^[0-9]{4}-(W[0-9]{2}|[0-9]{2}-[0-9]{2})$");
                case "within" -> {
                    schema.pattern("^[0-9]{1,3}d?$");
                    if (schema.getDescription() == null) {
                        schema.description("Days ahead, 0 to 366, like 90d");
                    }
                }
                case "currency" -> schema.pattern("^[A-Z]{3}$");
                case "format" -> {
                    if (commission) {
                        schema.enumeration(List.of("csv", "json"));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The schemas of editable records: what the GET of a path one of whose operations takes If-Match answers. */
    private static Set<String> editableRecords(OpenAPI openAPI) {
        Set<String> records = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getGET() != null && item.getOperations().values().stream().anyMatch(o -> takes(o, "If-Match"))) {
                String ref = schemaRef(item.getGET().getResponses().getAPIResponse("200"));
                if (ref != null) {
                    records.add(ref);
                }
            }
        });
        return records;
    }

    /** The component schema a JSON response names, or null. */
    private static String schemaRef(APIResponse response) {
        if (response == null || response.getContent() == null || response.getContent().getMediaType("application/json") == null
                || response.getContent().getMediaType("application/json").getSchema() == null) {
            return null;
        }
        return response.getContent().getMediaType("application/json").getSchema().getRef();
    }

    /** Whether the operation declares the header parameter {@code name}. */
    private static boolean takes(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void addHeaders(Operation operation, Set<String> records, boolean readsOrEditsRecord) {
        boolean replayable = takes(operation, "Idempotency-Key");
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (response.getRef() != null) {
                return;
            }
            header(response, "RateLimit");
            header(response, "RateLimit-Policy");
            if (status.equals("429") || status.equals("503") || status.equals("409")) {
                header(response, "Retry-After");
            }
            if (status.startsWith("2")) {
                if (status.equals("201")) {
                    header(response, "Location");
                }
                String ref = schemaRef(response);
                if (response.getContent() != null && (readsOrEditsRecord || ref != null && records.contains(ref))) {
                    header(response, "ETag");
                }
                if (replayable) {
                    header(response, "Idempotent-Replayed");
                }
            }
        });
    }

    /** The shared problem responses carry the rate limit headers, and those that ask for a retry say when. */
    private static void addComponentHeaders(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getResponses() == null) {
            return;
        }
        openAPI.getComponents().getResponses().forEach((name, response) -> {
            header(response, "RateLimit");
            header(response, "RateLimit-Policy");
            if (name.equals("RateLimited") || name.equals("Unavailable") || name.equals("Conflict") || name.equals("InProgress")) {
                header(response, "Retry-After");
            }
        });
    }

    private static void header(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
        }
    }

    private static void addCommon(PathItem.HttpMethod method, Operation operation) {
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        add(operation, "400", "Validation");
        if (secured) {
            add(operation, "401", "Unauthorized");
            add(operation, "403", "Forbidden");
        }
        add(operation, "414", "UriTooLong");
        if (operation.getRequestBody() != null) {
            add(operation, "413", "PayloadTooLarge");
            add(operation, "415", "UnsupportedMediaType");
        }
        add(operation, "429", "RateLimited");
        add(operation, "503", "Unavailable");
        if (secured && WRITES.contains(method)) {
            operation.addParameter(idempotencyKey());
            add(operation, "409", "InProgress");
            add(operation, "422", "Unprocessable");
        }
    }

    static final java.util.Set<PathItem.HttpMethod> WRITES = java.util.EnumSet.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    static org.eclipse.microprofile.openapi.models.parameters.Parameter idempotencyKey() {
        return OASFactory.createParameter()
            .name(Idempotency.HEADER)
            .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
            .required(false)
            .description("Your unique key for this write (1 to 200 characters), kept 7 days per caller. Sent again with the same"
                    + " request, the write is not applied again: the first answer is returned (status, Location, ETag, body) with"
                    + " Idempotent-Replayed: true. The same key with another request is 422; while the first is still running, 409"
                    + " in-progress with Retry-After.")
            .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                    .minLength(1).maxLength(200))
            .example("4b9f5c1e-2d3a-4f7b-9c8e-1a2b3c4d5e6f");
    }

    /** Adds the shared problem response, or replaces a generated one that names no problem content. */
    private static void add(Operation operation, String status, String ref) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> existing = operation.getResponses().getAPIResponses();
        var current = existing == null ? null : existing.get(status);
        if (current == null || (current.getRef() == null && (current.getContent() == null
                || current.getContent().getMediaType(Problem.MEDIA_TYPE) == null))) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(ref));
        }
    }
}
