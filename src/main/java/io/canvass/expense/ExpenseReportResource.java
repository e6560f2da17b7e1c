package io.canvass.expense;

import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/expenses")
@Tag(name = "Expenses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class ExpenseReportResource {

    private final ExpenseReportService service;

    public ExpenseReportResource(ExpenseReportService service) {
        this.service = service;
    }

    @GET
    @Path("/report")
    @Operation(summary = "Spend against budget, and return on spend",
            description = "For a team and the teams below it (or your whole scope), over whole months in your time zone (both default to this month, at most 24). Rows per team, category, month and currency: budget, approved pre-approvals, spent, committed, remaining. Return on spend per currency: spent ÷ deals won (closed in the months) and ÷ customers added, rounded half-even to the currency's minor units. Managers, directors, admins and finance approvers.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ExpenseViews.Report> report(@Parameter(description = "The team (with the teams below it)") @RestQuery UUID team,
                                           @Parameter(description = "First month, e.g. 2026-10") @RestQuery String from,
                                           @Parameter(description = "Last month, e.g. 2026-12") @RestQuery String to) {
        return service.report(team, ExpenseBudgetResource.month("from", from, null), ExpenseBudgetResource.month("to", to, null));
    }
}
