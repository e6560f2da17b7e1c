package io.canvass.target;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<Target, UUID> {

    public Uni<List<Target>> children(UUID parentId) {
        return find("#Target.children", Parameters.with("parentId", parentId)).list();
    }

    /** The sum of a node's children, leaving one out (the one being changed), or all when {@code except} is null. */
    public Uni<BigDecimal> childrenSum(UUID parentId, UUID except) {
        return getSession().chain(s -> s.createNamedQuery("Target.childrenSum", BigDecimal.class)
                .setParameter("parentId", parentId)
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .getSingleResult());
    }
}
