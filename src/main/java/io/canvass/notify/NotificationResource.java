package io.canvass.notify;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.Caller;
import io.canvass.platform.Page;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@Path("/api/v1/notifications")
@Tag(name = "Notifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class NotificationResource {

    private final NotificationService service;
    private final Caller caller;

    public NotificationResource(NotificationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Your inbox: unread first, then newest first")
    @APIResponse(responseCode = "200", description = "A page of notifications")
    public Uni<Page<NotificationView>> inbox(@RestQuery String cursor, @RestQuery @DefaultValue("false") boolean unreadOnly,
                                             @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.inbox(caller.id(), cursor, limit, unreadOnly);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of your notifications are unread (the app's badge)")
    @APIResponse(responseCode = "200", description = "The count, as {\"count\": n}")
    public Uni<Map<String, Long>> unreadCount() {
        return service.unreadCount(caller.id()).map(count -> Map.of("count", count));
    }

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(204)
    @Operation(summary = "Mark one notification read", description = "Safe to repeat.")
    @APIResponse(responseCode = "204", description = "Read")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Void> markRead(@RestPath UUID id) {
        return service.markRead(caller.id(), id);
    }

    @POST
    @Path("/read-all")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(204)
    @Operation(summary = "Mark all your notifications read")
    @APIResponse(responseCode = "204", description = "All read")
    public Uni<Void> markAllRead() {
        return service.markAllRead(caller.id()).replaceWithVoid();
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "Your notification preferences", description = "Channels, quiet hours, daily cap and the kinds you receive.")
    @APIResponse(responseCode = "200", description = "Your preferences")
    public Uni<Preferences.View> preferences() {
        return service.preferences(caller.id());
    }

    @PUT
    @Path("/preferences")
    @Operation(summary = "Change your notification preferences",
            description = "A reminder due in your quiet hours waits for their end; beyond the daily cap, reminders wait for the next day (your time zone).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "quiet nights", value = """
            {"push":true,"inApp":true,"quietStart":"22:00","quietEnd":"07:30","dailyCap":20,"mutedKinds":["MANAGER_DIGEST"]}""")))
    @APIResponse(responseCode = "200", description = "Your changed preferences")
    public Uni<Preferences.View> savePreferences(@Valid @NotNull Preferences.Change change) {
        return service.savePreferences(caller.id(), change);
    }
}
