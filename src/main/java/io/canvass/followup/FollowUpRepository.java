package io.canvass.followup;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

    public Uni<FollowUp> pendingOf(UUID customerId) {
        return find("#FollowUp.pendingOf", Parameters.with("customerId", customerId)).firstResult();
    }

    public Uni<Long> deletePendingOf(UUID customerId) {
        return delete("#FollowUp.deletePendingOf", Parameters.with("customerId", customerId));
    }
}
