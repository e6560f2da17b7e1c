package io.canvass.contract;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/renewals")
@Tag(name = "Contracts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME, Role.INTEGRATION_NAME })
public class RenewalResource {

    private final ContractService service;

    public RenewalResource(ContractService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The renewal radar",
            description = "Active contracts in your scope ending within the horizon (within=90d, up to 366d), and ended ones still without a renewal decision, by days to expiry (in the owner's time zone), each with its radar band (7/30/60/90), renewal state and the customer's health.")
    @APIResponse(responseCode = "200", description = "Contracts by days to expiry")
    public Uni<List<RenewalItem>> radar(@RestQuery @DefaultValue("90d") String within,
                                        @RestQuery @DefaultValue("200") @Min(1) @Max(500) int limit) {
        return service.renewals(days(within), limit);
    }

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
