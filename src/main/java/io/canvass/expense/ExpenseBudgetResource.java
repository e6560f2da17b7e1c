package io.canvass.expense;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.Dates;
import io.canvass.platform.ETags;
import io.canvass.platform.Items;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@ReplaySafe.AnswerAfterCommit
@Path("/api/v1/expense-budgets")
@Tag(name = "Expenses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class ExpenseBudgetResource {

    private final BudgetService service;

    public ExpenseBudgetResource(BudgetService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
    @Operation(summary = "Set a team's budget for a category and month", description = "Directors and admins; audited. One budget per team, category, month and currency (409 for a second).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "travel", value = """
            {"teamId":"01a2089c-dbe9-7325-bb07-3f6f590ce315","category":"TRAVEL","month":"2026-12","amount":"20000.00","currency":"CNY"}""")))
    @APIResponse(responseCode = "201", description = "The budget with its usage", content = @Content(schema = @Schema(implementation = ExpenseViews.Budget.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> create(@Valid @NotNull ExpenseRequests.BudgetCreate request) {
        return service.create(request).map(view -> Response.created(URI.create("/api/v1/expense-budgets/" + view.id()))
                .tag(ETags.of(view.version())).entity(view).build());
    }

    @GET
    @Operation(summary = "Budgets with what is spent, committed and remaining",
            description = "Your teams' budgets (your own team's for reps; every team's for directors, admins and finance approvers) from one month to another (both default to this month), live from the claims: spent = finance approved and paid, committed = submitted and manager approved, remaining = amount + approved pre-approvals − spent − committed.")
    @APIResponse(responseCode = "200", description = "The budgets, newest month first",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = ExpenseViews.Budget.class)),
                    examples = @ExampleObject(name = "budgets", value = """
                    {"items":[{"id":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a90","teamId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a60","teamName":"华东一组",
                               "category":"TRAVEL","month":"2026-12","amount":"20000.00","currency":"CNY","preApproved":"3000.00",
                               "spent":"8200.00","committed":"1500.00","remaining":"13300.00","version":2}]}""")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Items<ExpenseViews.Budget>> list(@RestQuery UUID teamId,
                                               @Parameter(description = "First month, e.g. 2026-10") @RestQuery String from,
                                               @Parameter(description = "Last month, e.g. 2026-12") @RestQuery String to,
                                               @RestQuery ExpenseCategory category) {
        YearMonth now = YearMonth.now();
        YearMonth first = month("from", from, now);
        return service.list(teamId, first, month("to", to, first.isAfter(now) ? first : now), category).map(Items::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A budget with its usage")
    @APIResponse(responseCode = "200", description = "The budget", content = @Content(schema = @Schema(implementation = ExpenseViews.Budget.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@RestPath UUID id) {
        return service.get(id).map(view -> Response.ok(view).tag(ETags.of(view.version())).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
    @Operation(summary = "Change a budget's amount", description = "Directors and admins; send If-Match with the ETag; audited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "raise", value = """
            {"amount":"25000.00"}""")))
    @APIResponse(responseCode = "200", description = "The changed budget", content = @Content(schema = @Schema(implementation = ExpenseViews.Budget.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<Response> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ExpenseRequests.BudgetUpdate request) {
        return service.update(id, request, ETags.expectedVersion(ifMatch))
                .map(view -> Response.ok(view).tag(ETags.of(view.version())).build());
    }

    static YearMonth month(String field, String value, YearMonth otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        return Dates.month(field, value);
    }
}
