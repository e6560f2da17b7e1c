package io.canvass.webhook;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The webhook messages Canvass sends, in the OpenAPI document (3.1 {@code webhooks}): one per
 * declared {@link WebhookEventType}, a POST whose body is the message with that type's data.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class WebhookDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (WebhookEventType type : WebhookEventType.values()) {
            var message = OASFactory.createSchema()
                    .allOf(List.of(
                            OASFactory.createSchema().ref("#/components/schemas/WebhookMessage"),
                            OASFactory.createSchema()
                                    .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
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
}
