package io.canvass.contract;

import io.canvass.platform.Items;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/renewals")
@Tag(name = "Contracts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
public class RenewalResource {

    private final ContractService service;

    private final RenewalConfig config;

    public RenewalResource(ContractService service, RenewalConfig config) {
        this.service = service;
        this.config = config;
    }

    @GET
    @Operation(summary = "The renewal radar",
            description = "Active contracts in your scope ending within the horizon (within=90d, up to 366d), and ended ones still without a renewal decision, by days to expiry (in the owner's time zone), each with its radar band (7/30/60/90), renewal state and the customer's health.")
    @APIResponse(responseCode = "200", description = "Contracts by days to expiry",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = RenewalItem.class)),
                    examples = @ExampleObject(name = "radar", value = RADAR_EXAMPLE)))
    public Uni<Items<RenewalItem>> radar(@RestQuery @DefaultValue("90d") String within,
                                        @RestQuery @DefaultValue("200") @Min(1) @Max(500) int limit) {
        return service.renewals(days(within), limit).map(Items::of);
    }

    @GET
    @Path("/undecided")
    @Operation(summary = "Renewals of your team still to decide, ended ones first",
            description = "Active contracts whose renewal is not decided (UPCOMING or IN_EVALUATION) ending within the horizon "
                    + "(within, default the widest renewal window, up to 366d) in the owner's time zone, and ended ones still "
                    + "without a decision, by last day (ended first), each with its days left, radar band, renewal state and the "
                    + "customer's health. A decided renewal (RENEWED or CHURNED) leaves the list. Scope: a manager sees the subtrees "
                    + "of the teams they manage, a director or admin everything, a rep their own customers'. ownerId, teamId (with its "
                    + "sub-teams) and currency narrow the list; total counts every match, not only this page. "
                    + "GET /api/v1/renewals (the radar) answers the whole list, without paging.")
    @APIResponse(responseCode = "200", description = "A page of undecided renewals and how many there are",
            content = @Content(schema = @Schema(implementation = UndecidedRenewals.class), examples = @ExampleObject(name = "team", value = EXAMPLE)))
    public Uni<UndecidedRenewals> undecided(@RestQuery @Parameter(description = "one rep's customers") UUID ownerId,
                                            @RestQuery @Parameter(description = "a team and its sub-teams") UUID teamId,
                                            @RestQuery @Parameter(description = "ISO 4217 code", example = "CNY") String currency,
                                            @RestQuery @Parameter(description = "days ahead, like 90d; default: the widest renewal window") String within,
                                            @RestQuery String cursor,
                                            @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        int days = within == null ? config.widestWindow() : days(within);
        return service.undecided(new UndecidedRenewals.Filter(ownerId, teamId, currency, days), cursor, limit);
    }

    static final String RADAR_EXAMPLE = """
            {"items":[{"contractId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a73","number":"HT-2025-0101","customerId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a74",
                       "customerName":"杭州博远自动化","ownerId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a66","ownerName":"王强",
                       "endsOn":"2026-12-20","daysToEnd":13,"radar":30,"value":"120000.00","currency":"CNY","status":"ACTIVE",
                       "renewalState":"UPCOMING","expiredUndecided":false,"health":{"score":72,"components":[]}}]}""";

    static final String EXAMPLE = """
            {"asOf":"2026-12-07T01:30:00Z","total":2,
             "items":[{"contractId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a71","number":"HT-2025-0088","customerId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a72",
                       "customerName":"宁波海天塑机","ownerId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a64","ownerName":"李娜",
                       "endsOn":"2026-11-30","daysToEnd":-7,"radar":null,"value":"80000.00","currency":"CNY","status":"EXPIRED",
                       "renewalState":"IN_EVALUATION","expiredUndecided":true,"health":{"score":48,"components":[{"name":"commercial","points":10,"max":30,"detail":"contract ended without a renewal decision"}]}},
                      {"contractId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a73","number":"HT-2025-0101","customerId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a74",
                       "customerName":"杭州博远自动化","ownerId":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5a66","ownerName":"王强",
                       "endsOn":"2026-12-20","daysToEnd":13,"radar":30,"value":"120000.00","currency":"CNY","status":"ACTIVE",
                       "renewalState":"UPCOMING","expiredUndecided":false,"health":{"score":72,"components":[]}}]}""";

    static int days(String within) {
        String value = within.trim().toLowerCase();
        if (value.endsWith("d")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 0 && days <= 366) {
                return days;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ProblemException.invalid("within", "must be a number of days from 0 to 366, like 90d");
    }
}
