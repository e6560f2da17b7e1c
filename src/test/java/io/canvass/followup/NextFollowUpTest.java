package io.canvass.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.customer.FollowUpTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules both ways of recording a touch share: when the next follow-up is due, and which cadence applies. */
class NextFollowUpTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final CadenceService.Policy POLICY = new CadenceService.Policy(Map.of(
            new CadencePolicy.Key(CadencePolicy.Kind.GRADE, "A"), new CadenceService.Rule(7, 2),
            new CadencePolicy.Key(CadencePolicy.Kind.GRADE, "B"), new CadenceService.Rule(14, 3),
            new CadencePolicy.Key(CadencePolicy.Kind.STAGE, "KEY_ACCOUNT"), new CadenceService.Rule(5, 4)));

    static FollowUpTarget target(String grade, String stage, Integer override) {
        return new FollowUpTarget(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), SHANGHAI, grade, stage, override,
                null, Instant.parse("2026-01-01T00:00:00Z"), true);
    }

    @Test
    void theAgreedNextActionWinsOverTheCadence() {
        LocalDate agreed = LocalDate.of(2026, 12, 1);
        FollowUpService.Next next = FollowUpService.nextAfterTouch(target("A", "HIGH_INTENT", null), new CadenceService.Rule(7, 2),
                Instant.parse("2026-11-23T02:00:00Z"), agreed, Instant.parse("2026-11-23T02:00:00Z"));
        assertEquals(agreed, next.dueOn());
        assertEquals(FollowUp.ScheduledBy.NEXT_ACTION, next.scheduledBy());
        assertEquals(Instant.parse("2026-12-01T16:00:00Z"), next.dueAt(), "due until the day ends in the owner's zone");
    }

    @Test
    void theCadenceCountsFromTheTouchsDayInTheOwnersZone() {
        // 20:00 UTC on the 23rd is already the 24th in Shanghai
        FollowUpService.Next next = FollowUpService.nextAfterTouch(target("A", "HIGH_INTENT", null), new CadenceService.Rule(7, 2),
                Instant.parse("2026-11-23T20:00:00Z"), null, Instant.parse("2026-11-23T20:05:00Z"));
        assertEquals(LocalDate.of(2026, 12, 1), next.dueOn());
        assertEquals(FollowUp.ScheduledBy.CADENCE, next.scheduledBy());
    }

    @Test
    void aTouchRecordedLateIsNeverDueBeforeToday() {
        FollowUpService.Next next = FollowUpService.nextAfterTouch(target("A", "HIGH_INTENT", null), new CadenceService.Rule(1, 2),
                Instant.parse("2026-11-18T02:00:00Z"), null, Instant.parse("2026-11-23T02:00:00Z"));
        assertEquals(LocalDate.of(2026, 11, 23), next.dueOn());
    }

    @Test
    void theTighterRuleAppliesUnlessTheCustomerOverridesIt() {
        assertEquals(new CadenceService.Rule(5, 2), POLICY.ruleOf(target("A", "KEY_ACCOUNT", null)));
        assertEquals(new CadenceService.Rule(14, 3), POLICY.ruleOf(target("B", "HIGH_INTENT", null)));
        assertEquals(new CadenceService.Rule(30, 3), POLICY.ruleOf(target("B", "HIGH_INTENT", 30)));
        assertEquals(new CadenceService.Rule(10, 4), POLICY.ruleOf(target("C", "KEY_ACCOUNT", 10)), "the stage's grace when the grade has none");
        assertEquals(new CadenceService.Rule(20, 3), POLICY.ruleOf(target("C", "WON", 20)), "three days' grace when no rule gives one");
    }
}
