package io.canvass.customer;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * What happens to a customer, for the features that keep something in step with it (follow-ups
 * keep one pending follow-up per active customer). Implemented by those features; the customer
 * service calls every implementation, one after the other, inside the change's own transaction and
 * session, once the customer is changed in it: a failure rolls the change back. See
 * {@code src/docs/customers.md}, "Lifecycle".
 */
public interface CustomerLifecycle {

    /** A customer was created (active or not). */
    Uni<Void> created(FollowUpTarget customer);

    /** Its grade, stage or cadence override changed, or it was restored: the rhythm may differ. */
    Uni<Void> cadenceChanged(FollowUpTarget customer);

    /** It changed hands (owner, and with them team and time zone). */
    Uni<Void> ownerChanged(FollowUpTarget customer);

    /** It was deleted. */
    Uni<Void> deleted(UUID customerId);
}
