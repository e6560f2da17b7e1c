package io.canvass.customer;

import io.smallrye.mutiny.Uni;

/**
 * What a customer's page shows of its follow-ups, provided by the follow-up feature: the pending
 * follow-up and the effective cadence. Inside the caller's session.
 */
public interface CustomerFollowUps {

    Uni<Schedule> of(FollowUpTarget customer);

    /** The effective cadence in days, and the pending follow-up (null when there is none). */
    record Schedule(int cadenceDays, Pending pending) {
    }

    /** The pending follow-up as the follow-up feature shows it (its {@code FollowUpView}). */
    interface Pending {
        boolean overdue();
    }
}
