package io.canvass.notify;

import io.canvass.platform.ETags;
import io.canvass.platform.ReplaySafe;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

@ReplaySafe
@Path("/api/v1/reminder-settings")
@Tag(name = "Notifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ReminderSettingsResource {

    private final ReminderSettingsService service;

    public ReminderSettingsResource(ReminderSettingsService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The organisation's reminder defaults (admins)",
            description = "Quiet hours and the daily cap of every user who has not saved notification preferences of their own.")
    @APIResponse(responseCode = "200", description = "The defaults; the ETag names their version",
            headers = @Header(name = "ETag", description = "The version, for If-Match"),
            content = @Content(schema = @Schema(implementation = ReminderSettingsService.View.class)))
    public Uni<Response> current() {
        return service.current().map(view -> Response.ok(view).tag(ETags.of(view.version())).build());
    }

    @PUT
    @Operation(summary = "Change the organisation's reminder defaults (admins)",
            description = "Applies to the next reminders of every user who has not saved preferences of their own; a user's own "
                    + "preferences always win. Send If-Match with the ETag you read: a change made on an older version is refused "
                    + "with 412.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "quiet nights", value = """
            {"quietStart":"21:00","quietEnd":"08:00","dailyCap":15}""")))
    @APIResponse(responseCode = "200", description = "The new defaults; the ETag names the new version",
            headers = @Header(name = "ETag", description = "The new version, for If-Match"),
            content = @Content(schema = @Schema(implementation = ReminderSettingsService.View.class)))
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> change(@RestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ReminderSettingsService.Change change) {
        return service.change(change, ETags.expectedVersion(ifMatch))
                .map(view -> Response.ok(view).tag(ETags.of(view.version())).build());
    }
}
