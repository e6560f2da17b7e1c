package io.canvass.contract;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.ETags;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
@Path("/api/v1/contracts")
@Tag(name = "Contracts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
public class ContractResource {

    private final ContractService service;
    private final CollectionPlans collections;

    public ContractResource(ContractService service, CollectionPlans collections) {
        this.service = service;
        this.collections = collections;
    }

    @POST
    @Operation(summary = "Create a contract", description = "As a DRAFT (default) or ACTIVE; optionally from a won deal (one contract per deal) and with its collection plan. The number is unique.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "contract", value = """
            {"customerId":"01a2089c-dbe9-7325-bb07-3f6f590ce315","number":"HT-2026-0042","value":"860000.00","currency":"CNY",
             "productLines":["自动化设备"],"startsOn":"2026-12-01","endsOn":"2027-11-30","status":"ACTIVE",
             "documents":[{"name":"合同正本.pdf","kind":"SIGNED_CONTRACT","signedOn":"2026-11-20"}],
             "plan":{"split":{"count":4,"firstDueOn":"2026-12-31","everyMonths":3}}}""")))
    @APIResponse(responseCode = "201", description = "The contract with its plan", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> create(@Valid @NotNull ContractRequests.Create request) {
        return service.create(request).map(view -> Response.created(URI.create("/api/v1/contracts/" + view.id()))
                .tag(ETags.of(view.version())).entity(view).build());
    }

    @GET
    @Operation(summary = "Contracts in your scope, newest first", description = "Filter by customer, owner, team, status and renewal state.")
    @APIResponse(responseCode = "200", description = "A page of contracts (without plan, payments, events)")
    public Uni<Page<ContractView>> list(@RestQuery UUID customerId, @RestQuery UUID ownerId, @RestQuery UUID teamId,
                                        @RestQuery Contract.Status status, @RestQuery Contract.RenewalState renewalState,
                                        @RestQuery String cursor,
                                        @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(new ContractQueries.Filter(customerId, ownerId, teamId, status, renewalState), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A contract with its collection plan, payments, events and the alerts that fired")
    @APIResponse(responseCode = "200", description = "The contract", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(ContractResource::ok);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a draft or active contract", description = "A new end date restarts the renewal windows from it. Send If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "extend", value = """
            {"endsOn":"2027-12-31","value":"960000.00"}""")))
    @APIResponse(responseCode = "200", description = "The changed contract", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ContractRequests.Update request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch)).map(ContractResource::ok);
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Activate a draft", description = "Its renewal becomes UPCOMING and is watched from now on.")
    @APIResponse(responseCode = "200", description = "The active contract", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> activate(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.activate(id, ETags.expectedVersion(ifMatch)).map(ContractResource::ok);
    }

    @POST
    @Path("/{id}/terminate")
    @Operation(summary = "Terminate a draft or active contract early", description = "Needs a reason.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "terminate", value = """
            {"reason":"客户业务调整，双方协商提前终止"}""")))
    @APIResponse(responseCode = "200", description = "The terminated contract", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> terminate(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull ContractRequests.Terminate request) {
        return service.terminate(id, request, ETags.expectedVersion(ifMatch)).map(ContractResource::ok);
    }

    @PUT
    @Path("/{id}/collection-plan")
    @Operation(summary = "Set the collection plan (回款计划)",
            description = "Explicit instalments in the contract's currency, or an even split of the value (rounded half-even to the currency's minor units, the last instalment takes the remainder). The plan's sum may differ from the value: the difference is shown. Refused (409) once payments were recorded.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "split", value = """
                    {"split":{"count":3,"firstDueOn":"2026-12-31","everyMonths":1}}"""),
            @ExampleObject(name = "explicit", value = """
                    {"instalments":[{"dueOn":"2026-12-31","amount":"300000.00"},{"dueOn":"2027-03-31","amount":"560000.00"}]}""") }))
    @APIResponse(responseCode = "200", description = "The contract with its new plan", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> setPlan(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull ContractRequests.Plan request) {
        return service.setPlan(id, request, ETags.expectedVersion(ifMatch)).map(ContractResource::ok);
    }

    @POST
    @Path("/{id}/payments")
    @Operation(summary = "Record a payment received against an instalment",
            description = "Partial payments are allowed; the instalment is paid when they add up to its amount. Over-payment is refused (400 naming amount): record the surplus against the next instalment.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "payment", value = """
            {"instalmentId":"01a2089c-dbe9-7325-bb07-3f6f590ce316","amount":"100000.00","receivedOn":"2026-11-20","reference":"招行回单 88231"}""")))
    @APIResponse(responseCode = "201", description = "The contract with the payment recorded", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @ResponseStatus(201)
    public Uni<ContractView> pay(@RestPath UUID id, @Valid @NotNull ContractRequests.Payment request) {
        return collections.record(id, request);
    }

    @POST
    @Path("/{id}/renewal/notes")
    @Operation(summary = "Record progress on the renewal evaluation", description = "Counts as the owner acting: no escalation to the manager follows.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "note", value = """
            {"note":"已与采购确认续约意向，下周提交续约报价"}""")))
    @APIResponse(responseCode = "200", description = "The contract", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> note(@RestPath UUID id, @Valid @NotNull ContractRequests.Note request) {
        return service.note(id, request).map(ContractResource::ok);
    }

    @POST
    @Path("/{id}/renewal/decision")
    @Operation(summary = "Decide the renewal", description = "RENEW creates the successor contract (active, linked both ways); CHURN needs the reason. Accepted after the end too; once decided, final (409).")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "renew", value = """
                    {"decision":"RENEW","successor":{"number":"HT-2027-0042","value":"900000.00","endsOn":"2028-11-30"}}"""),
            @ExampleObject(name = "churn", value = """
                    {"decision":"CHURN","reason":"预算削减，转向自建团队"}""") }))
    @APIResponse(responseCode = "200", description = "The contract with its decision", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> decide(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ContractRequests.Decide request) {
        return service.decide(id, request, ETags.expectedVersion(ifMatch)).map(ContractResource::ok);
    }

    private static Response ok(ContractView view) {
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}
