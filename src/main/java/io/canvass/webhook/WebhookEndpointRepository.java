package io.canvass.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /** A page of endpoints after {@code after} (all of them, or one owner's). */
    public Uni<List<WebhookEndpoint>> page(UUID ownerId, UUID after, int limit) {
        UUID from = after == null ? new UUID(0, 0) : after;
        if (ownerId == null) {
            return find("id > :after order by id", Parameters.with("after", from)).page(0, limit).list();
        }
        return find("ownerId = :owner and id > :after order by id", Parameters.with("owner", ownerId).and("after", from))
                .page(0, limit).list();
    }
}
