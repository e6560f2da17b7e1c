package io.canvass.notify.push;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.Caller;
import io.canvass.platform.Items;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

@ReplaySafe
@Path("/api/v1/push")
@Tag(name = "Notifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class PushResource {

    private final PushSubscriptionService service;
    private final VapidKeys keys;
    private final PushConfig config;
    private final Caller caller;

    public PushResource(PushSubscriptionService service, VapidKeys keys, PushConfig config, Caller caller) {
        this.service = service;
        this.keys = keys;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("/vapid-public-key")
    @Operation(summary = "The VAPID public key", description = "Pass it as applicationServerKey to PushManager.subscribe. enabled is false when the server does not push.")
    @APIResponse(responseCode = "200", description = "The key")
    public PushSubscriptions.PublicKey publicKey() {
        return new PushSubscriptions.PublicKey(config.enabled(), config.enabled() ? keys.publicKey() : null);
    }

    @POST
    @Path("/subscriptions")
    @Operation(summary = "Receive reminders on this device",
            description = "Registers the browser's push subscription. The endpoint must be https on a public host. Subscribing the same endpoint again replaces it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Chrome on Android", value = """
            {"endpoint":"https://fcm.googleapis.com/fcm/send/dY1...","keys":{"p256dh":"BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4","auth":"BTBZMqHH6r4Tts7J_aSIgg"},"label":"Pixel 8 · Chrome"}""")))
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(schema = @Schema(implementation = PushSubscriptions.View.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> subscribe(@Valid @NotNull PushSubscriptions.Request request) {
        return service.subscribe(caller.id(), request)
                .map(view -> Response.created(URI.create("/api/v1/push/subscriptions/" + view.id())).entity(view).build());
    }

    @GET
    @Path("/subscriptions")
    @Operation(summary = "Your devices that receive reminders")
    @APIResponse(responseCode = "200", description = "Your devices",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = PushSubscriptions.View.class)),
                    examples = @ExampleObject(name = "devices", value = """
                    {"items":[{"id":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a80","label":"Pixel 8","service":"fcm.googleapis.com",
                               "createdAt":"2026-11-02T01:00:00Z","lastUsedAt":"2026-12-07T00:30:00Z"}]}""")))
    public Uni<Items<PushSubscriptions.View>> mine() {
        return service.mine(caller.id()).map(Items::of);
    }

    @DELETE
    @Path("/subscriptions/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Stop reminders on a device")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Void> remove(@RestPath UUID id) {
        return service.remove(caller.id(), id);
    }

    @POST
    @Path("/test")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(202)
    @Operation(summary = "Send yourself a test notification", description = "To every device you enabled and your inbox, within seconds; at most one a minute.")
    @APIResponse(responseCode = "202", description = "Queued")
    public Uni<Void> test() {
        return service.sendTest(caller.id()).replaceWithVoid();
    }
}
