package io.canvass.webhook;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.ETags;
import io.canvass.platform.Items;
import io.canvass.platform.Page;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed event notifications (Standard Webhooks); the event schemas are under webhooks in this document")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.INTEGRATION_NAME })
public class WebhookResource {

    private final WebhookEndpointService service;

    public WebhookResource(WebhookEndpointService service) {
        this.service = service;
    }

    @GET
    @Path("/event-types")
    @Operation(summary = "The event types an endpoint can subscribe to", description = "Each with the name of its data schema; the full message schemas are under webhooks in this document.")
    @APIResponse(responseCode = "200", description = "Event types",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = WebhookViews.EventType.class)),
                    examples = @ExampleObject(name = "types", value = """
                    {"items":[{"type":"checkin.created","description":"A rep checked in at a customer","schema":"CheckInCreatedData"}]}""")))
    public Items<WebhookViews.EventType> eventTypes() {
        return Items.of(Arrays.stream(WebhookEventType.values())
                .map(t -> new WebhookViews.EventType(t.type(), t.description(), t.schemaName()))
                .toList());
    }

    @POST
    @Path("/endpoints")
    @Operation(summary = "Register a webhook endpoint",
            description = "Admins, and integration accounts for themselves (an integration limited to a team receives only that team subtree's events). The URL must be https on a public address. The signing secret is in the response and never shown again.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "ERP", value = """
            {"url":"https://erp.example.com/hooks/canvass","description":"ERP customer sync",
             "eventTypes":["customer.created","customer.stage_changed","checkin.created"]}""")))
    @APIResponse(responseCode = "201", description = "Registered; the secret is shown this once", content = @Content(schema = @Schema(implementation = WebhookViews.WithSecret.class)), headers = @Header(name = "ETag", ref = "#/components/headers/ETag"))
    public Uni<Response> create(@Valid @NotNull WebhookRequests.Create request) {
        return service.create(request).map(created -> Response
                .created(URI.create("/api/v1/webhooks/endpoints/" + created.endpoint().id()))
                .tag(ETags.of(created.endpoint().version())).entity(created).build());
    }

    @GET
    @Path("/endpoints")
    @Operation(summary = "List webhook endpoints", description = "Admins see all; an integration account its own.")
    @APIResponse(responseCode = "200", description = "A page of endpoints")
    public Uni<Page<WebhookViews.Endpoint>> list(@RestQuery String cursor,
                                                 @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(cursor, limit);
    }

    @GET
    @Path("/endpoints/{id}")
    @Operation(summary = "Get a webhook endpoint", description = "Shows whether it is failing and, when Canvass disabled it, the notice saying why.")
    @APIResponse(responseCode = "200", description = "The endpoint", content = @Content(schema = @Schema(implementation = WebhookViews.Endpoint.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(e -> Response.ok(e).tag(ETags.of(e.version())).build());
    }

    @PATCH
    @Path("/endpoints/{id}")
    @Operation(summary = "Change a webhook endpoint", description = "URL, description, event types, active. Send If-Match to detect concurrent edits.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "re-enable", value = "{\"active\":true}")))
    @APIResponse(responseCode = "200", description = "The changed endpoint", content = @Content(schema = @Schema(implementation = WebhookViews.Endpoint.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull WebhookRequests.Update request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch))
                .map(e -> Response.ok(e).tag(ETags.of(e.version())).build());
    }

    @DELETE
    @Path("/endpoints/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Remove a webhook endpoint", description = "Its pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Void> delete(@RestPath UUID id) {
        return service.delete(id);
    }

    @POST
    @Path("/endpoints/{id}/rotate-secret")
    @Operation(summary = "Rotate the signing secret",
            description = "Returns the new secret once. During the overlap every message carries two signatures (new and previous), so receivers can switch without losing a message.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one day", value = "{\"overlap\":\"PT24H\"}")))
    @APIResponse(responseCode = "200", description = "The new secret, shown this once")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<WebhookViews.WithSecret> rotate(@RestPath UUID id, @Valid WebhookRequests.Rotate request) {
        return service.rotate(id, request);
    }

    @GET
    @Path("/endpoints/{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first", description = "Status, attempts, last HTTP status, error and latency of each message.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Page<WebhookViews.Delivery>> deliveries(@RestPath UUID id,
                                                       @RestQuery @Pattern(regexp = "PENDING|DELIVERED|FAILED", message = "must be PENDING, DELIVERED or FAILED") String status,
                                                       @RestQuery String cursor,
                                                       @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.deliveries(id, status, cursor, limit);
    }

    @POST
    @Path("/endpoints/{id}/redeliveries")
    @ResponseStatus(202)
    @Operation(summary = "Send a message again", description = "Queues a delivered or failed message for another attempt, with the same event id.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "again", value = "{\"deliveryId\":\"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a6b\"}")))
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Void> redeliver(@RestPath UUID id, @Valid @NotNull WebhookRequests.Redeliver request) {
        return service.redeliver(id, request.deliveryId());
    }
}
