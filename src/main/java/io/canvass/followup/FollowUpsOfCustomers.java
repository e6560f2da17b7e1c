package io.canvass.followup;

import io.canvass.customer.CustomerFollowUps;
import io.canvass.customer.CustomerLifecycle;
import io.canvass.customer.FollowUpTarget;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Follow-ups keep in step with customers: a new active customer gets its first follow-up, a
 * grade, stage or cadence change (or a restore) moves the pending one to the new rhythm, a new
 * owner takes it along, a deleted customer has nothing more due. Called by the customer service
 * inside the change's transaction. Also tells a customer's page its pending follow-up and cadence.
 */
@ApplicationScoped
public class FollowUpsOfCustomers implements CustomerLifecycle, CustomerFollowUps {

    @Inject
    FollowUpService followUps;

    @Inject
    FollowUpRepository repository;

    @Inject
    CadenceService cadence;

    @Override
    public Uni<Void> created(FollowUpTarget customer) {
        return customer.active() ? followUps.scheduleFirst(customer).replaceWithVoid() : Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> cadenceChanged(FollowUpTarget customer) {
        return followUps.reschedule(customer);
    }

    @Override
    public Uni<Void> ownerChanged(FollowUpTarget customer) {
        return followUps.reassign(customer);
    }

    @Override
    public Uni<Void> deleted(UUID customerId) {
        return followUps.cancelPending(customerId);
    }

    @Override
    public Uni<Schedule> of(FollowUpTarget customer) {
        return repository.pendingOf(customer.customerId())
                .chain(pending -> cadence.ruleFor(customer)
                        .map(rule -> new Schedule(rule.intervalDays(), pending == null ? null : FollowUpView.of(pending))));
    }
}
