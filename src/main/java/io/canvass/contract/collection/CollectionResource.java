package io.canvass.contract.collection;

import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import io.canvass.platform.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/collections")
@Tag(name = "Contracts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
public class CollectionResource {

    private final CollectionService service;

    public CollectionResource(CollectionService service) {
        this.service = service;
    }

    @GET
    @Path("/kpis")
    @Operation(summary = "Collection rate and collection cycle per rep, team or overall, per currency",
            description = "Rate: of the instalments due in the period, collected so far ÷ due (4 decimals). Cycle: for payments received in the period, days from the instalment's due day to receipt, weighted by amount (early = 0). The period defaults to the current month in your time zone; your scope, or one rep (ownerId) or team (teamId) within it.")
    @APIResponse(responseCode = "200", description = "One row per group and currency")
    public Uni<CollectionKpis.Report> kpis(@RestQuery LocalDate from, @RestQuery LocalDate to, @RestQuery CollectionKpis.GroupBy groupBy,
                                           @RestQuery UUID ownerId, @RestQuery UUID teamId) {
        return service.kpis(from, to, groupBy, ownerId, teamId);
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Overdue instalments of your team, most overdue first",
            description = "Unpaid instalments past their due day (in the owner's time zone) of active or ended contracts, oldest due day first, "
                    + "with the customer, contract, rep, outstanding amount, days overdue, when the rep was reminded and the managers were "
                    + "escalated to, and the contract's latest payment. Scope: a manager sees the subtrees of the teams they manage, "
                    + "a director or admin everything, a rep their own customers'. ownerId, teamId (with its sub-teams), currency and "
                    + "minDays/maxDays (days overdue, e.g. 1-30, 31-90, 91-) narrow the list. totals counts and sums every matching "
                    + "instalment per currency, not only this page; amounts of different currencies are never added together.")
    @APIResponse(responseCode = "200", description = "A page of overdue instalments and the totals per currency",
            content = @Content(schema = @Schema(implementation = OverdueCollections.class), examples = @ExampleObject(name = "team", value = EXAMPLE)))
    public Uni<OverdueCollections> overdue(@RestQuery @Parameter(description = "one rep's customers") UUID ownerId,
                                           @RestQuery @Parameter(description = "a team and its sub-teams") UUID teamId,
                                           @RestQuery @Parameter(description = "ISO 4217 code", example = "CNY") String currency,
                                           @RestQuery @Parameter(description = "at least this many days overdue", example = "31") @Min(1) @Max(36600) Integer minDays,
                                           @RestQuery @Parameter(description = "at most this many days overdue", example = "90") @Min(1) @Max(36600) Integer maxDays,
                                           @RestQuery String cursor,
                                           @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.overdue(new OverdueCollections.Filter(ownerId, teamId, currency, minDays, maxDays), cursor, limit);
    }

    static final String EXAMPLE = """
            {"asOf":"2026-12-07T01:30:00Z",
             "totals":[{"currency":"CNY","count":3,"outstanding":"185000.00"},{"currency":"USD","count":1,"outstanding":"12000.00"}],
             "items":[{"instalmentId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a61","position":2,"contractId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a62",
                       "contractNumber":"HT-2026-0142","customerId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a63","customerName":"苏州精工机械",
                       "ownerId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a64","ownerName":"李娜","teamId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a65",
                       "teamName":"华东一组","dueOn":"2026-09-30","daysOverdue":68,"amount":"100000.00","outstanding":"60000.00",
                       "currency":"CNY","remindedAt":"2026-10-01T01:00:00Z","escalatedAt":"2026-10-15T01:00:00Z",
                       "lastPaymentOn":"2026-10-20","lastPaymentAmount":"40000.00"}],
             "nextCursor":"Y29sbGVjdGlvbnMvb3ZlcmR1ZQoyMDI2LTA5LTMwCjAxOWE0ZjJjLTZhMWItN2QyZS04ZjAwLTFjMmQzZTRmNWE2MQ"}""";
}
