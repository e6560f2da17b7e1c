package io.canvass.customer;

import io.canvass.identity.UserService;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Statements;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What other features read of a customer: its site in the caller's scope, its name, its owner
 * and team, the view follow-up scheduling needs, and health scores. Read-only; a feature that
 * changes a customer goes through {@link CustomerService}, and one that keeps something in step
 * with customers implements {@link CustomerLifecycle}.
 */
@ApplicationScoped
public class CustomerDirectory {

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerQueries queries;

    @Inject
    CommercialSignals commercial;

    @Inject
    UserService users;

    @Inject
    ScopeService scopes;

    /** A customer's location, with the scheduling view of it. */
    public record Site(FollowUpTarget target, String name, Double lat, Double lng) {
    }

    /** For follow-ups: the customer as scheduling needs it, or null when out of the caller's scope. Inside a session. */
    public Uni<FollowUpTarget> targetInScope(UUID customerId) {
        return scopes.current().chain(scope -> customers.findById(customerId)
                .chain(c -> c == null || !scope.covers(c.ownerId, c.teamId) ? Uni.createFrom().nullItem() : targetOf(c)));
    }

    /** Where a customer is, with what scheduling needs, for a visit; null when out of the caller's scope. Inside a session. */
    public Uni<Site> siteInScope(UUID customerId) {
        return scopes.current().chain(scope -> customers.withOwnerZone(customerId).map(found -> {
            Customer c = found == null ? null : found.customer();
            if (c == null || c.deletedAt != null || !scope.covers(c.ownerId, c.teamId)) {
                return null;
            }
            return new Site(FollowUpTarget.of(c, found.ownerZone()), c.name, c.lat, c.lng);
        }));
    }

    /**
     * The same for a visit recorded in native SQL: read on {@code client}, the visit's transaction, for
     * {@code scope} (resolve it before the transaction begins).
     */
    public Uni<Site> siteInScope(Statements client, Scope scope, UUID customerId) {
        return queries.site(client, customerId)
                .map(site -> site == null || !scope.covers(site.target().ownerId(), site.target().teamId()) ? null : site);
    }

    /** Health scores of customers (no scope check: the caller lists customers it may see), by id. */
    public Uni<Map<UUID, HealthScore>> health(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return queries.healthInputs(ids).chain(inputs -> commercial.of(ids).map(signals -> {
            Map<UUID, HealthScore> scores = new HashMap<>();
            inputs.forEach((id, in) -> scores.put(id, HealthScore.of(in.daysSinceTouch(), in.intervalDays(), in.overdue(), in.missed90(),
                    signals.get(id))));
            return scores;
        }));
    }

    /** A customer's name, for views of other features' records (no scope check). Inside a session. */
    public Uni<String> nameOf(UUID customerId) {
        return customers.findById(customerId).map(c -> c == null ? null : c.name);
    }

    /** The scheduling view of a customer, with its owner's time zone. Inside a session. */
    Uni<FollowUpTarget> targetOf(Customer c) {
        return users.profile(c.ownerId).map(owner -> FollowUpTarget.of(c, owner.timeZone()));
    }
}
