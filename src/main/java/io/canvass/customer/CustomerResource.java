package io.canvass.customer;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.ETags;
import io.canvass.platform.Items;
import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.ScopeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@Path("/api/v1/customers")
@Tag(name = "Customers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
public class CustomerResource {

    static final String CSV = "text/csv";

    private final CustomerService service;
    private final CustomerQueries queries;
    private final CustomerTransfer transfer;
    private final ScopeService scopes;
    private final CommercialSignals commercial;

    public CustomerResource(CustomerService service, CustomerQueries queries, CustomerTransfer transfer, ScopeService scopes,
                            CommercialSignals commercial) {
        this.commercial = commercial;
        this.service = service;
        this.queries = queries;
        this.transfer = transfer;
        this.scopes = scopes;
    }

    @GET
    @Operation(summary = "List customers in your scope",
            description = "Filter by owner, team, grade, stage, tag, text (name, contact name or phone; Chinese works), overdue follow-up, days untouched, or neglected (untouched for more than twice the cadence, as the team agenda counts them).")
    @APIResponse(responseCode = "200", description = "A page of customers")
    public Uni<Page<CustomerSummary>> list(@RestQuery UUID ownerId, @RestQuery UUID teamId, @RestQuery Customer.Grade grade,
                                           @RestQuery Customer.Stage stage, @RestQuery @Size(max = 40) String tag,
                                           @RestQuery @Size(max = 100) String q, @RestQuery Boolean overdue,
                                           @RestQuery @Min(1) @Max(3650) Integer notTouchedDays,
                                           @RestQuery @DefaultValue("false") boolean neglected,
                                           @RestQuery @DefaultValue("false") boolean deleted,
                                           @RestQuery @DefaultValue("CREATED") CustomerFilter.Sort sort,
                                           @RestQuery String cursor,
                                           @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        CustomerFilter filter = new CustomerFilter(ownerId, teamId, grade, stage, tag, q, overdue, notTouchedDays, neglected, deleted, sort);
        KeysetCursor after = KeysetCursor.decode(CustomerQueries.cursorList(filter), cursor);
        return scopes.current()
                .invoke(scope -> {
                    if (deleted && scope.role() == Role.REP) {
                        throw ProblemException.forbidden("Only managers see deleted customers");
                    }
                })
                .chain(scope -> queries.list(scope, filter, after, limit))
                .chain(page -> commercial.of(page.items().stream().map(CustomerSummary::id).toList())
                        .map(signals -> new Page<>(page.items().stream().map(c -> c.with(signals.get(c.id()))).toList(), page.nextCursor())));
    }

    @GET
    @Path("/nearby")
    @Operation(summary = "Your customers near a position, closest first", description = "For the check-in picker; only customers with a location.")
    @APIResponse(responseCode = "200", description = "Customers within the radius",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = CustomerQueries.Nearby.class)),
                    examples = @ExampleObject(name = "nearby", value = """
                    {"items":[{"id":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a72","name":"上海华工机械有限公司","grade":"B","stage":"INITIAL_INTENT",
                               "address":"上海市浦东新区张江路 88 号","lat":31.2035,"lng":121.5914,
                               "ownerId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a64","distanceMeters":140}]}""")))
    public Uni<Items<CustomerQueries.Nearby>> nearby(@RestQuery @NotNull @jakarta.validation.constraints.DecimalMin("-90") @jakarta.validation.constraints.DecimalMax("90") Double lat,
                                                    @RestQuery @NotNull @jakarta.validation.constraints.DecimalMin("-180") @jakarta.validation.constraints.DecimalMax("180") Double lng,
                                                    @RestQuery @DefaultValue("2000") @Min(10) @Max(50_000) int radius,
                                                    @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return scopes.current().chain(scope -> queries.nearby(scope, lat, lng, radius, limit)).map(Items::of);
    }

    @GET
    @Path("/export")
    @Produces(CSV + ";charset=UTF-8")
    @Operation(summary = "Export customers as CSV", description = "What the same filters select in the list, UTF-8 with a byte order mark so spreadsheets read Chinese correctly.")
    @APIResponse(responseCode = "200", description = "The CSV file")
    public Uni<Response> export(@RestQuery UUID ownerId, @RestQuery UUID teamId, @RestQuery Customer.Grade grade,
                                @RestQuery Customer.Stage stage, @RestQuery @Size(max = 40) String tag,
                                @RestQuery @Size(max = 100) String q, @RestQuery Boolean overdue,
                                @RestQuery @Min(1) @Max(3650) Integer notTouchedDays) {
        CustomerFilter filter = new CustomerFilter(ownerId, teamId, grade, stage, tag, q, overdue, notTouchedDays, false, false,
                CustomerFilter.Sort.NAME);
        return scopes.current()
                .chain(scope -> transfer.exportCsv(scope, filter))
                .map(csv -> Response.ok(csv).header("Content-Disposition", "attachment; filename=\"customers.csv\"").build());
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Import customers from CSV",
            description = "UTF-8, first row names the columns: name and grade are required; also stage, industry, size, address, lat, lng, source, tags (separated by ;), notes, owner_email, contact_name, contact_title, contact_phone, contact_email. Valid rows are created; invalid rows and duplicates (same name and contact phone) are listed with the reason, never dropped silently.")
    @RequestBody(content = @Content(mediaType = CSV, examples = @ExampleObject(name = "two rows", value = """
            name,grade,stage,industry,owner_email,contact_name,contact_phone,tags
            苏州精密模具有限公司,A,HIGH_INTENT,模具,li.na@demo.canvass.io,王经理,13800001111,展会;华东
            Wuxi Pumps,C,,Industrial pumps,li.na@demo.canvass.io,Ms Zhou,13800002222,""")))
    @APIResponse(responseCode = "200", description = "The per-row report")
    public Uni<CustomerTransfer.ImportReport> importCsv(String body) {
        return transfer.importCsv(body);
    }

    @POST
    @Path("/batch")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.INTEGRATION_NAME })
    @Operation(summary = "Create or update customers by your external id",
            description = "Up to " + CustomerService.MAX_BATCH + " items, each upserted by externalId in its own transaction: the answer lists, in order, whether each was CREATED, UPDATED, UNCHANGED or FAILED (with a problem whose field errors name items[i].field). Failed items do not stop the others. Sending the same batch again changes nothing, so retrying after a timeout is safe. Creations and grade/stage changes emit their webhook events.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two customers", value = """
            {"items":[
              {"externalId":"erp:10042","name":"苏州精密模具有限公司","grade":"A","stage":"HIGH_INTENT","industry":"模具",
               "ownerId":"01a2089c-dbe9-7325-bb07-3f6f590ce315","contacts":[{"name":"王经理","phone":"13800001111"}]},
              {"externalId":"erp:10043","name":"Wuxi Pumps","grade":"C","ownerId":"01a2089c-dbe9-7325-bb07-3f6f590ce315"}]}""")))
    @APIResponse(responseCode = "200", description = "One result per item, in order")
    public Uni<CustomerService.BatchResult> batch(@Valid @NotNull CustomerRequests.Batch request) {
        return service.upsertBatch(request.items());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a customer", description = "With contacts, the pending follow-up, the effective cadence and an explained health score.")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(CustomerResource::withETag);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "A customer's history", description = "Follow-ups done and missed, check-ins with their verdicts (a visit that completed a follow-up appears once, as its check-in), grade, stage and owner changes, deletions and restores, newest first.")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = TimelineEntry.class)),
                    examples = @ExampleObject(name = "timeline", value = """
                    {"items":[{"at":"2026-12-03T02:15:00Z","kind":"CHECK_IN_VERIFIED","actorId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a64",
                               "channel":"VISIT","summary":"演示新机型","feedback":"对价格有顾虑","nextAction":"下周发报价"},
                              {"at":"2026-11-20T08:00:00Z","kind":"GRADE","actorId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a64","from":"C","to":"B"}]}""")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Items<TimelineEntry>> timeline(@RestPath UUID id) {
        return service.timeline(id).map(Items::of);
    }

    @POST
    @Operation(summary = "Create a customer", description = "Its first follow-up is scheduled for the next day.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "lead", value = """
            {"name":"上海华工机械有限公司","industry":"机械制造","grade":"B","stage":"INITIAL_INTENT","source":"展会",
             "address":"上海市浦东新区张江路 88 号","lat":31.2035,"lng":121.5914,"tags":["展会2026"],
             "contacts":[{"name":"刘强","title":"采购经理","phone":"13912345678","decisionRole":"DECISION_MAKER"}]}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    public Uni<Response> create(@Valid @NotNull CustomerRequests.Create request) {
        return service.create(request)
                .map(c -> Response.created(URI.create("/api/v1/customers/" + c.id())).entity(c).tag(ETags.of(c.version())).build());
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a customer",
            description = "Grade, stage and cadence changes reschedule the pending follow-up and are kept in the history. Send If-Match to detect concurrent edits.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "promote", value = "{\"grade\":\"A\",\"stage\":\"KEY_ACCOUNT\",\"tags\":[\"重点\"]}")))
    @APIResponse(responseCode = "200", description = "The changed customer", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull CustomerRequests.Update request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch)).map(CustomerResource::withETag);
    }

    @POST
    @Path("/{id}/owner")
    @Operation(summary = "Reassign a customer", description = "Managers and above; the pending follow-up moves to the new owner.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hand over", value = "{\"ownerId\":\"01a2089c-dbe9-7325-bb07-3f6f590ce315\",\"reason\":\"区域调整\"}")))
    @APIResponse(responseCode = "200", description = "The reassigned customer", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> reassign(@RestPath UUID id, @Valid @NotNull CustomerRequests.Reassign request) {
        return service.reassign(id, request).map(CustomerResource::withETag);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Delete a customer", description = "Soft delete: a manager can restore it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Void> delete(@RestPath UUID id) {
        return service.delete(id);
    }

    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore a deleted customer", description = "Managers and above.")
    @APIResponse(responseCode = "200", description = "The restored customer", content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> restore(@RestPath UUID id) {
        return service.restore(id).map(CustomerResource::withETag);
    }

    private static Response withETag(CustomerView c) {
        return Response.ok(c).tag(ETags.of(c.version())).build();
    }
}
