package io.canvass.platform;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Adds the problem responses every API operation can give (validation, authentication, role,
 * rate limit, database unavailable) so each resource only declares the ones specific to it, the
 * {@code Idempotency-Key} every write honours (see {@link Idempotency}), and
 * the webhook messages Canvass sends (OpenAPI 3.1 {@code webhooks}), one per declared event type.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        addWebhooks(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> addCommon(method, operation));
            }
        });
    }

    private static void addCommon(PathItem.HttpMethod method, Operation operation) {
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        add(operation, "400", "Validation");
        if (secured) {
            add(operation, "401", "Unauthorized");
            add(operation, "403", "Forbidden");
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

    /** One webhook per event type: a POST whose body is the message with that type's data. */
    private static void addWebhooks(OpenAPI openAPI) {
        for (io.canvass.webhook.WebhookEventType type : io.canvass.webhook.WebhookEventType.values()) {
            var message = OASFactory.createSchema()
                    .allOf(java.util.List.of(
                            OASFactory.createSchema().ref("#/components/schemas/WebhookMessage"),
                            OASFactory.createSchema()
                                    .addProperty("type", OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                                            .constValue(type.type()))
                                    .addProperty("data", OASFactory.createSchema().ref("#/components/schemas/" + type.schemaName()))));
            var operation = OASFactory.createOperation()
                    .operationId("webhook_" + type.type().replace('.', '_'))
                    .summary(type.type() + ": " + type.description())
                    .description("Sent to endpoints subscribed to " + type.type() + ", signed as described in the Webhooks tag (headers webhook-id, webhook-timestamp, webhook-signature). Answer 2xx within the timeout; anything else is retried with backoff.")
                    .addTag("Webhooks")
                    .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                            .addMediaType("application/json", OASFactory.createMediaType().schema(message))))
                    .responses(OASFactory.createAPIResponses()
                            .addAPIResponse("2XX", OASFactory.createAPIResponse().description("Received; any other answer is retried")));
            openAPI.addWebhook(type.type(), OASFactory.createPathItem().POST(operation));
        }
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
