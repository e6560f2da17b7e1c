package io.canvass.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

class InFlightTest {

    final InFlight inFlight = new InFlight();

    @Test
    void aCallersRequestsBeyondTheLimitWaitTheirTurnInOrderAndOthersAreNotHeld() {
        assertTrue(now(inFlight.enter("user:a", 2, 2)));
        assertTrue(now(inFlight.enter("user:a", 2, 2)));
        UniAssertSubscriber<Boolean> third = inFlight.enter("user:a", 2, 2).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Boolean> fourth = inFlight.enter("user:a", 2, 2).subscribe().withSubscriber(UniAssertSubscriber.create());
        third.assertNotTerminated();
        fourth.assertNotTerminated();
        assertFalse(now(inFlight.enter("user:a", 2, 2)), "a third waiting request is refused at once");
        assertTrue(now(inFlight.enter("user:b", 2, 2)), "another caller goes on");

        inFlight.leave("user:a");
        third.assertCompleted().assertItem(true);
        fourth.assertNotTerminated();
        inFlight.leave("user:a");
        fourth.assertCompleted().assertItem(true);
        inFlight.leave("user:a");
        inFlight.leave("user:a");
        assertTrue(now(inFlight.enter("user:a", 2, 0)));
        assertTrue(now(inFlight.enter("user:a", 2, 0)), "every turn was given back");
    }

    private static boolean now(io.smallrye.mutiny.Uni<Boolean> turn) {
        UniAssertSubscriber<Boolean> s = turn.subscribe().withSubscriber(UniAssertSubscriber.create());
        s.assertCompleted();
        return s.getItem();
    }

    @Test
    void leavingWithNothingInFlightChangesNothing() {
        inFlight.leave("user:nobody");
        assertEquals(true, now(inFlight.enter("user:nobody", 1, 0)));
    }
}
