package io.canvass.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.contract.Contract.RenewalState;
import io.canvass.contract.Contract.Status;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenewalRulesTest {

    static final RenewalRules.Policy POLICY = RenewalRules.Policy.of(List.of(7, 90, 30, 60), 30);
    static final LocalDate END = LocalDate.of(2027, 6, 30);

    static RenewalRules.Outcome on(int daysLeft, RenewalState state, boolean acted) {
        return RenewalRules.evaluate(Status.ACTIVE, state, END, acted, END.minusDays(daysLeft), POLICY);
    }

    @Test
    void theWindowInForceIsTheTightestOneEntered() {
        assertNull(on(91, RenewalState.UPCOMING, false).window());
        assertEquals(90, on(90, RenewalState.UPCOMING, false).window());
        assertEquals(90, on(61, RenewalState.IN_EVALUATION, false).window());
        assertEquals(60, on(60, RenewalState.IN_EVALUATION, false).window());
        assertEquals(30, on(20, RenewalState.UPCOMING, false).window());
        assertEquals(7, on(0, RenewalState.IN_EVALUATION, false).window());
        assertNull(on(-1, RenewalState.IN_EVALUATION, false).window());
    }

    @Test
    void enteringTheFirstWindowOpensTheEvaluation() {
        RenewalRules.Outcome outcome = on(90, RenewalState.UPCOMING, false);
        assertTrue(outcome.openEvaluation());
        assertEquals(RenewalState.IN_EVALUATION, outcome.state());
        assertFalse(on(60, RenewalState.IN_EVALUATION, false).openEvaluation());
        assertFalse(on(91, RenewalState.UPCOMING, false).openEvaluation());
    }

    @Test
    void theManagerHearsAtThePolicyPointUnlessTheOwnerActed() {
        assertFalse(on(31, RenewalState.IN_EVALUATION, false).escalate());
        assertTrue(on(30, RenewalState.IN_EVALUATION, false).escalate());
        assertFalse(on(30, RenewalState.IN_EVALUATION, true).escalate());
        assertFalse(on(10, RenewalState.RENEWED, false).escalate());
    }

    @Test
    void aContractEndsTheDayAfterItsLastDay() {
        RenewalRules.Outcome lastDay = on(0, RenewalState.IN_EVALUATION, false);
        assertEquals(Status.ACTIVE, lastDay.status());
        assertFalse(lastDay.expiredUndecided());
        RenewalRules.Outcome after = on(-1, RenewalState.IN_EVALUATION, true);
        assertEquals(Status.EXPIRED, after.status());
        assertTrue(after.expiredUndecided());
        assertEquals(Status.RENEWED, on(-1, RenewalState.RENEWED, true).status());
        RenewalRules.Outcome churned = on(-1, RenewalState.CHURNED, true);
        assertEquals(Status.EXPIRED, churned.status());
        assertFalse(churned.expiredUndecided());
    }

    @Test
    void overdueInstalmentsEscalateAfterTheDelay() {
        LocalDate due = LocalDate.of(2027, 1, 10);
        assertFalse(RenewalRules.overdue(due, due));
        assertTrue(RenewalRules.overdue(due, due.plusDays(1)));
        assertFalse(RenewalRules.escalateCollection(due, due.plusDays(6), 7));
        assertTrue(RenewalRules.escalateCollection(due, due.plusDays(7), 7));
    }
}
