package io.canvass.incentive;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.Csv;
import io.canvass.platform.Cursor;
import io.canvass.platform.Items;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
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
import java.util.Arrays;
import java.util.List;
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
import org.jboss.resteasy.reactive.RestQuery;

@ReplaySafe
@Path("/api/v1/commission")
@Tag(name = "Commission")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class CommissionResource {

    static final String CSV = "text/csv";

    /** The columns of the CSV export, one row per statement. */
    static final List<String> EXPORT_COLUMNS = List.of("period", "status", "statement_id", "rep_id", "rep_name", "team_id", "plan",
            "base", "currency", "actual", "target", "achievement_percent", "tier_from", "tier_rate", "tier_extra_rate", "tier_commission",
            "one_off_rewards", "cap_cut", "adjustments", "total");

    private final StatementService service;

    public CommissionResource(StatementService service) {
        this.service = service;
    }

    @GET
    @Path("/statements")
    @Operation(summary = "Commission statements of a period",
            description = "Live (computed from the records now) while the period is open, frozen once it is closed. A rep sees their own, a manager their teams' reps', directors and admins everyone's; rep narrows to one person (404 when out of scope).")
    @APIResponse(responseCode = "200", description = "A page of statements, by rep")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Page<StatementView>> list(@RestQuery @NotNull String period, @RestQuery UUID rep, @RestQuery String cursor,
                                         @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(rep, period, Cursor.decode(cursor), limit);
    }

    @GET
    @Path("/statements/{id}")
    @Operation(summary = "A frozen commission statement with its adjustments")
    @APIResponse(responseCode = "200", description = "The statement")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<StatementView> get(@RestPath UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/periods/{period}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
    @Operation(summary = "Close a period and freeze its statements",
            description = "A month (2026-11) or quarter (2026-Q4) whose last day is over. Every rep with a plan of that kind gets a frozen statement; later changes to the records no longer change it. Emits commission.period_closed. 409 when still running or already closed.")
    @APIResponse(responseCode = "200", description = "How many statements were frozen and their totals per currency")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<StatementService.Closed> close(@RestPath String period) {
        return service.close(period);
    }

    @POST
    @Path("/statements/{id}/adjustments")
    @ResponseStatus(201)
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
    @Operation(summary = "Adjust a frozen statement",
            description = "A new line with a signed amount in the statement's currency, the reason and you as the approver; the frozen lines stay as they were.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "correction", value = """
            {"amount":"-1200.00","reason":"合同HT-2026-118客户退货，冲减提成"}""")))
    @APIResponse(responseCode = "201", description = "The statement with the adjustment", content = @Content(schema = @Schema(implementation = StatementView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @ReplaySafe.AnswerAfterCommit
    public Uni<StatementView> adjust(@RestPath UUID id, @Valid @NotNull StatementService.AdjustmentRequest request) {
        return service.adjust(id, request);
    }

    @GET
    @Path("/export")
    @Produces({ MediaType.APPLICATION_JSON, CSV + ";charset=UTF-8" })
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.INTEGRATION_NAME })
    @Operation(summary = "Export a period's statements for payroll",
            description = "Admins, directors, and service accounts holding the PAYROLL grant (within their team when they have one). format=json gives the statements with their lines; format=csv one row per statement (UTF-8 with a byte order mark, cells a spreadsheet would run as formulas neutralised).")
    @APIResponse(responseCode = "200", description = "The statements", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = StatementView.class)),
                    examples = @ExampleObject(name = "statements", value = """
                            {"items":[{"id":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5ab1","status":"FROZEN","repId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a64",
                                       "repName":"李娜","period":"2026-11","base":"REVENUE_WON","currency":"CNY","actual":"1056000.00",
                                       "achievement":"105.60","total":"28800.00"}]}""")),
            @Content(mediaType = CSV + ";charset=UTF-8") })
    public Uni<Response> export(@RestQuery @NotNull String period, @RestQuery @DefaultValue("json") String format) {
        if (!"json".equals(format) && !"csv".equals(format)) {
            throw ProblemException.invalid("format", "must be csv or json");
        }
        return service.export(period).map(statements -> "csv".equals(format)
                ? Response.ok(csv(statements), CSV + ";charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"commission-" + period + ".csv\"").build()
                : Response.ok(Items.of(statements), MediaType.APPLICATION_JSON).build());
    }

    static String csv(List<StatementView> statements) {
        StringBuilder out = new StringBuilder(Csv.BOM).append(Csv.line(EXPORT_COLUMNS));
        for (StatementView s : statements) {
            String tierCommission = null;
            java.math.BigDecimal oneOffs = java.math.BigDecimal.ZERO;
            String capCut = null;
            for (StatementView.Line line : s.lines()) {
                switch (line.kind()) {
                    case "TIER" -> tierCommission = line.commission();
                    case "DEAL_WON_ABOVE", "KEY_ACCOUNT_WON" -> oneOffs = oneOffs.add(new java.math.BigDecimal(line.commission()));
                    case "CAP" -> capCut = line.commission();
                    default -> {
                    }
                }
            }
            String scaledOneOffs = io.canvass.platform.Money.scaled(oneOffs, java.util.Currency.getInstance(s.currency())).toPlainString();
            out.append(Csv.line(Arrays.asList(s.period(), s.status(), s.id(), s.repId(), s.repName(), s.teamId(), s.planName(), s.base(),
                    s.currency(), s.actual(), s.target() == null ? null : s.target().value(), s.achievement(),
                    s.tier() == null ? null : s.tier().from(), s.tier() == null ? null : s.tier().rate(),
                    s.tier() == null ? null : s.tier().extraRate(), tierCommission, scaledOneOffs, capCut,
                    s.adjustments(), s.total())));
        }
        return out.toString();
    }
}
