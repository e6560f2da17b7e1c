package io.canvass.deal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DealRepository implements PanacheRepositoryBase<Deal, UUID> {

    /** Stage changes of deals. */
    @ApplicationScoped
    public static class StageChanges implements PanacheRepositoryBase<DealStageChange, UUID> {

        public Uni<List<DealStageChange>> of(UUID dealId) {
            return list("#DealStageChange.of", Parameters.with("dealId", dealId));
        }
    }
}
