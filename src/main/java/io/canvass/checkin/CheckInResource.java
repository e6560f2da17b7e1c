package io.canvass.checkin;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.ImageUpload;
import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.ScopeService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@Path("/api/v1/checkins")
@Tag(name = "Check-ins")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
public class CheckInResource {

    private static final String IMAGES = "image/jpeg,image/png,image/webp";

    private final CheckInService service;
    private final CheckInFeed feed;
    private final ScopeService scopes;

    public CheckInResource(CheckInService service, CheckInFeed feed, ScopeService scopes) {
        this.service = service;
        this.feed = feed;
        this.scopes = scopes;
    }

    @POST
    @RolesAllowed({ Role.MANAGER_NAME, Role.REP_NAME })
    @Operation(summary = "Check in at a customer",
            description = "Records the visit once: a retry with the same Idempotency-Key (or the same clientId) returns the original response; the same key with a different body is refused (422); a retry while the first is running gets 409. The position is checked against the customer's location: the check-in is never refused for being far, it is flagged with the reason. Completes the customer's pending follow-up as a visit and schedules the next one; check-ins at one customer at the same moment are all recorded, and each pending follow-up is completed by one of them.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "visit", value = """
            {"clientId":"6f1c2b1e-8a8e-4c3e-9a53-2b8f0f3f6a11","customerId":"01a2089c-dbe9-7325-bb07-3f6f590ce315",
             "clientTime":"2026-11-23T02:15:00Z","position":{"lat":31.2304,"lng":121.4737,"accuracy":18,"fixAge":5},
             "purpose":"DEMO","outcome":"演示了新款设备，客户要求报价","nextAction":"发送报价单","nextActionDue":"2026-11-26"}""")))
    @APIResponse(responseCode = "201", description = "Recorded (or the original response, replayed)", content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> create(@Valid @NotNull CheckInRequest request) {
        return service.create(request)
                .map(view -> Response.created(URI.create("/api/v1/checkins/" + request.clientId())).entity(view).build());
    }

    @GET
    @Operation(summary = "List check-ins in your scope, newest first", description = "Filter by rep, team, customer, verdict and a received-at range.")
    @APIResponse(responseCode = "200", description = "A page of check-ins")
    public Uni<Page<CheckInView>> list(@RestQuery UUID userId, @RestQuery UUID teamId, @RestQuery UUID customerId,
                                       @RestQuery CheckIn.Verdict verdict, @RestQuery Instant from, @RestQuery Instant to,
                                       @RestQuery String cursor,
                                       @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        CheckInFilter filter = new CheckInFilter(userId, teamId, customerId, verdict,
                from == null ? Instant.EPOCH : from, to == null ? Instant.parse("9999-01-01T00:00:00Z") : to);
        return service.list(filter, KeysetCursor.decode(CheckInService.CURSOR_LIST, cursor), limit);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Live feed of your teams' check-ins (server-sent events)",
            description = "Each event is a check-in with its verdict; its id is the check-in's sequence number. Reconnect with Last-Event-ID to receive what you missed, in order; check-ins that were still being written when that event was may come again, recognise them by id. A comment is sent every 15 s to keep the connection open; the stream ends when the server shuts down.")
    @APIResponse(responseCode = "200", description = "The event stream")
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @RestHeader("Last-Event-ID") String lastEventId) {
        long after = parseLastEventId(lastEventId);
        Multi<OutboundSseEvent> events = Multi.createFrom().uni(scopes.current())
                .onItem().transformToMultiAndConcatenate(scope -> feed.stream(scope, after))
                .map(item -> sse.newEventBuilder().id(Long.toString(item.seq())).name("checkin")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(item).build());
        Multi<OutboundSseEvent> keepAlive = feed.keepAlive(Duration.ofSeconds(15))
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(events, keepAlive);
    }

    @HEAD
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Whether you may open the live feed",
            description = "Answers at once with the stream's headers and no body; the stream itself is only opened by GET.")
    @APIResponse(responseCode = "200", description = "You may open the stream")
    public Response streamHead() {
        return Response.ok().build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a check-in")
    @APIResponse(responseCode = "200", description = "The check-in")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<CheckInView> get(@RestPath UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}/photo")
    @Consumes(IMAGES)
    @ResponseStatus(204)
    @RolesAllowed({ Role.MANAGER_NAME, Role.REP_NAME })
    @Operation(summary = "Attach the visit's photo", description = "JPEG, PNG or WebP up to 5 MB; the type is checked from the bytes. Replaces an earlier photo.")
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Void> putPhoto(@RestPath UUID id, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        MediaType type = MediaType.valueOf(contentType);
        return service.attachPhoto(id, type.getType() + "/" + type.getSubtype(), body);
    }

    @GET
    @Path("/{id}/photo")
    @Produces(IMAGES)
    @Operation(summary = "The visit's photo")
    @APIResponse(responseCode = "200", description = "The image")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> getPhoto(@RestPath UUID id) {
        return service.photo(id).map(photo -> ImageUpload.serve("checkin-" + id, photo.contentType, photo.bytes));
    }

    @POST
    @Path("/{id}/use-as-customer-location")
    @ResponseStatus(204)
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Set the customer's location from this visit", description = "Managers and above; the visit needs a fresh, accurate position.")
    @APIResponse(responseCode = "204", description = "The customer's location was set")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Void> useAsCustomerLocation(@RestPath UUID id) {
        return service.useAsCustomerLocation(id);
    }

    private static long parseLastEventId(String value) {
        if (value == null || value.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Last-Event-ID", "is not an event id of this stream");
        }
    }
}
