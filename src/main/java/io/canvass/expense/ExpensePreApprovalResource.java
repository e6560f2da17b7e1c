package io.canvass.expense;

import io.canvass.platform.ReplaySafe;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@ReplaySafe.AnswerAfterCommit
@Path("/api/v1/expense-pre-approvals")
@Tag(name = "Expenses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class ExpensePreApprovalResource {

    private final PreApprovalService service;

    public ExpensePreApprovalResource(PreApprovalService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Ask to spend beyond a budget",
            description = "For your own team, or a team you manage. Decided by a director or an admin; once approved its amount adds to the headroom of the team's budget for that category, month and currency.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "trade fair", value = """
            {"teamId":"01a2089c-dbe9-7325-bb07-3f6f590ce315","category":"MARKETING_EVENTS","month":"2026-12","amount":"8000.00",
             "currency":"CNY","reason":"上海工博会展位费，预计带来20条有效线索"}""")))
    @APIResponse(responseCode = "201", description = "The pending pre-approval", content = @Content(schema = @Schema(implementation = ExpenseViews.PreApproval.class)))
    public Uni<Response> create(@Valid @NotNull ExpenseRequests.PreApprovalCreate request) {
        return service.create(request).map(view -> Response.created(URI.create("/api/v1/expense-pre-approvals/" + view.id()))
                .entity(view).build());
    }

    @GET
    @Operation(summary = "Pre-approvals you may see, newest first", description = "Your own, your teams', or all for directors and admins.")
    @APIResponse(responseCode = "200", description = "A page of pre-approvals")
    public Uni<Page<ExpenseViews.PreApproval>> list(@RestQuery ExpensePreApproval.Status status, @RestQuery UUID teamId,
                                                    @RestQuery String cursor,
                                                    @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(status, teamId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A pre-approval")
    @APIResponse(responseCode = "200", description = "The pre-approval")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ExpenseViews.PreApproval> get(@RestPath UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a pending pre-approval", description = "Directors and admins, never their own request.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approve", value = """
            {"comment":"同意，会后提交线索清单"}""")))
    @APIResponse(responseCode = "200", description = "The approved pre-approval")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<ExpenseViews.PreApproval> approve(@RestPath UUID id, @Valid ExpenseRequests.Decision request) {
        return service.decide(id, true, request == null ? null : request.comment());
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject a pending pre-approval with a comment", description = "Directors and admins, never their own request.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = """
            {"comment":"本月市场预算已用于年会，请并入一月计划"}""")))
    @APIResponse(responseCode = "200", description = "The rejected pre-approval")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<ExpenseViews.PreApproval> reject(@RestPath UUID id, @Valid @NotNull ExpenseRequests.Decision request) {
        return service.decide(id, false, request.comment());
    }
}
