package io.canvass.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** A customer with its owner's time zone, read in one statement (the check-in's hot path); null when unknown. */
    public Uni<Located> withOwnerZone(UUID id) {
        return getSession().chain(session -> session.createNamedQuery("Customer.withOwnerZone", Object[].class)
                        .setParameter("id", id)
                        .getSingleResultOrNull())
                .map(row -> row == null ? null : new Located((Customer) row[0], (String) row[1]));
    }

    /** A customer and the time zone of its owner. */
    public record Located(Customer customer, String ownerZone) {
    }

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
