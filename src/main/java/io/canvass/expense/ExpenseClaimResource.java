package io.canvass.expense;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.ETags;
import io.canvass.platform.ImageUpload;
import io.canvass.platform.Page;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
@ReplaySafe.AnswerAfterCommit
@Path("/api/v1/expense-claims")
@Tag(name = "Expenses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class ExpenseClaimResource {

    private static final String IMAGES = "image/jpeg,image/png,image/webp";

    private static final String COMMENT = """
            {"comment":"请补充招待对象与人数"}""";

    private final ClaimService service;

    public ExpenseClaimResource(ClaimService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "File an expense claim (as a draft)",
            description = "Amount and currency are a decimal and an ISO 4217 code (more decimals than the currency has are refused). The customer or deal it served must be one of yours. Charged to your own team unless teamId names another team of yours. Attach receipts, then submit.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "client dinner", value = """
            {"spentOn":"2026-12-03","category":"CLIENT_ENTERTAINMENT","amount":"386.50","currency":"CNY",
             "customerId":"01a2089c-dbe9-7325-bb07-3f6f590ce315","description":"与采购部王经理晚餐，沟通二期需求"}""")))
    @APIResponse(responseCode = "201", description = "The draft claim", content = @Content(schema = @Schema(implementation = ExpenseViews.Claim.class)))
    public Uni<Response> create(@Valid @NotNull ExpenseRequests.ClaimCreate request) {
        return service.create(request).map(view -> Response.created(URI.create("/api/v1/expense-claims/" + view.id()))
                .tag(ETags.of(view.version())).entity(view).build());
    }

    @GET
    @Operation(summary = "Expense claims you may see, newest first",
            description = "Your own (drafts included); for managers their teams' submitted claims; for directors, admins and finance approvers everyone's. Filter by person, team and status.")
    @APIResponse(responseCode = "200", description = "A page of claims")
    public Uni<Page<ExpenseViews.Claim>> list(@RestQuery UUID userId, @RestQuery UUID teamId, @RestQuery ExpenseClaim.Status status,
                                              @RestQuery String cursor,
                                              @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(new ExpenseQueries.ClaimFilter(userId, teamId, status), cursor, limit);
    }

    @GET
    @Path("/approvals")
    @Operation(summary = "What waits for your decision",
            description = "Claims at your step (submitted claims of your teams for managers; approved by the manager, or to pay, for finance approvers and admins; submitted claims of managers, and of reps whose team no active manager reaches, for directors and admins) and pending pre-approvals for directors and admins, oldest first, at most 200 of each.")
    @APIResponse(responseCode = "200", description = "The claims and pre-approvals waiting for you")
    public Uni<ExpenseViews.Approvals> approvals() {
        return service.waiting();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A claim with its receipts, its history and what you may do with it")
    @APIResponse(responseCode = "200", description = "The claim", content = @Content(schema = @Schema(implementation = ExpenseViews.Claim.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(view -> Response.ok(view).tag(ETags.of(view.version())).build());
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a draft or returned claim", description = "Yours only; send If-Match with the ETag.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "amount", value = """
            {"amount":"356.00","description":"与采购部王经理晚餐（3人），沟通二期需求"}""")))
    @APIResponse(responseCode = "200", description = "The changed claim", content = @Content(schema = @Schema(implementation = ExpenseViews.Claim.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ExpenseRequests.ClaimUpdate request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch))
                .map(view -> Response.ok(view).tag(ETags.of(view.version())).build());
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Delete a draft or returned claim", description = "Yours only.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Void> delete(@RestPath UUID id) {
        return service.delete(id);
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit a draft or returned claim for approval",
            description = "Needs at least one receipt, and room in the team's budget for the category, month and currency: spent + committed + this claim may not exceed the budget plus approved pre-approvals. Otherwise 422 names the budget and by how much it would be exceeded; request a pre-approval. With no budget the budget counts as 0.")
    @APIResponse(responseCode = "200", description = "The submitted claim")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<ExpenseViews.Claim> submit(@RestPath UUID id) {
        return service.submit(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(summary = "Take a submitted claim back to draft", description = "Yours only, while it waits for the manager.")
    @APIResponse(responseCode = "200", description = "The claim, a draft again")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<ExpenseViews.Claim> withdraw(@RestPath UUID id) {
        return service.withdraw(id);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve the claim at its current step",
            description = "SUBMITTED → MANAGER_APPROVED by a manager of the claimant's team (or a director or admin); MANAGER_APPROVED → FINANCE_APPROVED by a finance approver or an admin. Nobody approves their own claim. The comment is optional.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approve", value = """
            {"comment":"同意"}""")))
    @APIResponse(responseCode = "200", description = "The approved claim")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<ExpenseViews.Claim> approve(@RestPath UUID id, @Valid ExpenseRequests.Decision request) {
        return service.approve(id, request == null ? null : request.comment());
    }

    @POST
    @Path("/{id}/return")
    @Operation(summary = "Return the claim to the rep with a comment",
            description = "By whoever may act at the claim's step (manager for SUBMITTED, finance for MANAGER_APPROVED and FINANCE_APPROVED). The comment is required. The rep can change it and submit it again.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "return", value = COMMENT)))
    @APIResponse(responseCode = "200", description = "The returned claim")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<ExpenseViews.Claim> sendBack(@RestPath UUID id, @Valid @NotNull ExpenseRequests.Decision request) {
        return service.sendBack(id, request.comment());
    }

    @POST
    @Path("/{id}/pay")
    @Operation(summary = "Mark a finance-approved claim paid", description = "By a finance approver or an admin.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "paid", value = """
            {"comment":"已随12月工资发放"}""")))
    @APIResponse(responseCode = "200", description = "The paid claim")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<ExpenseViews.Claim> pay(@RestPath UUID id, @Valid ExpenseRequests.Decision request) {
        return service.pay(id, request == null ? null : request.comment());
    }

    @POST
    @Path("/{id}/receipts")
    @Consumes(IMAGES)
    @Operation(summary = "Attach a receipt image", description = "JPEG, PNG or WebP up to 5 MB, at most 10 per claim; the type is checked from the bytes. Yours only, while the claim is a draft or returned.")
    @APIResponse(responseCode = "201", description = "The receipt", content = @Content(schema = @Schema(implementation = ExpenseViews.Receipt.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Uni<Response> addReceipt(@RestPath UUID id, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return service.addReceipt(id, ImageUpload.mediaType(contentType), body)
                .map(receipt -> Response.created(URI.create("/api/v1/expense-claims/" + id + "/receipts/" + receipt.id()))
                        .type(MediaType.APPLICATION_JSON).entity(receipt).build());
    }

    @GET
    @Path("/{id}/receipts/{receiptId}")
    @Produces(IMAGES)
    @Operation(summary = "A receipt image", description = "To those who may see the claim.")
    @APIResponse(responseCode = "200", description = "The image")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> receipt(@RestPath UUID id, @RestPath UUID receiptId) {
        return service.receipt(id, receiptId).map(r -> ImageUpload.serve("receipt-" + receiptId, r.contentType, r.bytes));
    }

    @DELETE
    @Path("/{id}/receipts/{receiptId}")
    @ResponseStatus(204)
    @Operation(summary = "Remove a receipt", description = "Yours only, while the claim is a draft or returned.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Void> deleteReceipt(@RestPath UUID id, @RestPath UUID receiptId) {
        return service.deleteReceipt(id, receiptId);
    }
}
