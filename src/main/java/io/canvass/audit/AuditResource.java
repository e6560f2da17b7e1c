package io.canvass.audit;

import io.canvass.platform.Cursor;
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
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME })
public class AuditResource {

    private final AuditService service;

    public AuditResource(AuditService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List audit entries, oldest first", description = "Who changed what and when, with the record before and after; filtered by entity, actor and a time range [from, to). ADMIN and DIRECTOR only.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public Uni<Page<AuditView>> list(@RestQuery String entityType, @RestQuery String entityId, @RestQuery UUID actorId,
                                     @RestQuery @Parameter(description = "Entries at or after this instant (ISO-8601)", example = "2026-12-01T00:00:00Z") Instant from,
                                     @RestQuery @Parameter(description = "Entries before this instant (ISO-8601)", example = "2026-12-08T00:00:00Z") Instant to,
                                     @RestQuery String cursor,
                                     @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return service.list(new AuditFilter(entityType, entityId, actorId, from, to), Cursor.decode(cursor), limit);
    }
}
