package io.canvass.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** Contacts of a customer, in their order. */
    @ApplicationScoped
    public static class Contacts implements PanacheRepositoryBase<CustomerContact, UUID> {

        public Uni<List<CustomerContact>> of(UUID customerId) {
            return list("#CustomerContact.of", Parameters.with("customerId", customerId));
        }

        public Uni<Long> deleteOf(UUID customerId) {
            return delete("#CustomerContact.deleteOf", Parameters.with("customerId", customerId));
        }
    }

    /** Grade, stage and owner changes. */
    @ApplicationScoped
    public static class Changes implements PanacheRepositoryBase<CustomerChange, UUID> {
    }
}
