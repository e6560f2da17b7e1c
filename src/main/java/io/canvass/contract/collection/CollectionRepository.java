package io.canvass.contract.collection;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Instalments of collection plans. */
@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<Instalment, UUID> {

    public Uni<List<Instalment>> of(UUID contractId) {
        return list("#Instalment.of", Parameters.with("contractId", contractId));
    }

    public Uni<Long> deleteOf(UUID contractId) {
        return delete("#Instalment.deleteOf", Parameters.with("contractId", contractId));
    }

    /** Payments received. */
    @ApplicationScoped
    public static class Payments implements PanacheRepositoryBase<Payment, UUID> {

        public Uni<List<Payment>> of(UUID contractId) {
            return list("#Payment.of", Parameters.with("contractId", contractId));
        }

        public Uni<Long> countOf(UUID contractId) {
            return count("#Payment.countOf", Parameters.with("contractId", contractId));
        }
    }
}
