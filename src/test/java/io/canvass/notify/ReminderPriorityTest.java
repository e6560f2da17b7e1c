package io.canvass.notify;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reminders compete for a user's daily cap by importance, through the real dispatcher: money and
 * renewal escalations, approvals and the morning digest reach a manager the day they are due
 * whatever the follow-up noise, the cap still holds the noise back, and follow-up escalations about
 * one rep due together reach the manager as one message.
 */
@QuarkusTest
class ReminderPriorityTest {

    @Inject
    Reminders reminders;

    record Team(Api.TestUser manager, Api.TestUser zhang, Api.TestUser li) {
    }

    private Team team() {
        UUID team = Api.team("priority", null);
        Api.TestUser manager = Api.user("MANAGER", null, Set.of(team), "en");
        return new Team(manager, Api.user("REP", team), Api.user("REP", team));
    }

    /** A follow-up escalation about the rep, as the scan writes it, due {@code minutesAgo}. */
    private UUID escalation(Api.TestUser manager, Api.TestUser rep, String repName, int minutesAgo) {
        return reminders.schedule(manager.id(), "FOLLOW_UP_ESCALATION",
                Map.of("customer", Api.unique("Customer"), "rep", repName, "repId", rep.id().toString(), "dueOn", "2026-12-01"),
                Instant.now().minus(minutesAgo, ChronoUnit.MINUTES), "/customers/" + UUID.randomUUID());
    }

    /** The four high ones a manager may have due on a busy morning; due after the noise, so arrival order would put them last. */
    private List<UUID> important(Api.TestUser manager) {
        Instant due = Instant.now().minus(1, ChronoUnit.MINUTES);
        return List.of(
                reminders.schedule(manager.id(), "COLLECTION_ESCALATION",
                        Map.of("customer", "Acme", "amount", "CNY 50,000.00", "contract", "C-1", "rep", "Zhang San", "dueOn", "2026-11-01"), due),
                reminders.schedule(manager.id(), "RENEWAL_ESCALATION",
                        Map.of("customer", "Globex", "contract", "C-2", "rep", "Li Si", "endsOn", "2027-01-15"), due),
                reminders.schedule(manager.id(), "EXPENSE_APPROVALS", Map.of("count", 3, "claims", 2, "preApprovals", 1), due),
                reminders.schedule(manager.id(), "MANAGER_DIGEST", Map.of("overdue", 30, "visits", 4, "unverified", 0), due));
    }

    /** As if the user had already been sent this many reminders today. */
    private void alreadySentToday(Api.TestUser user, int count) {
        reminders.execute("""
                insert into reminder (id, user_id, kind, dedupe_key, link, due_at, deliver_at, state, sent_at)
                select uuid_v7(), $1, 'PUSH_TEST', 'earlier:' || g, '/today', now(), now(), 'SENT', now()
                from generate_series(1, $2) g""", user.id(), count);
    }

    private Instant startOfTomorrow(Api.TestUser user) {
        ZoneId zone = ZoneId.of(reminders.one("select time_zone from app_user where id = $1", user.id()).getString(0));
        return LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Test
    void moneyRenewalsApprovalsAndTheDigestReachTheManagerTodayAndThirtyEscalationsBecomeOneMessagePerRep() {
        Team t = team();
        List<UUID> escalations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            escalations.add(i < 18 ? escalation(t.manager(), t.zhang(), "Zhang San", 120 + i) : escalation(t.manager(), t.li(), "Li Si", 120 + i));
        }
        List<UUID> important = important(t.manager());

        reminders.dispatchAll();

        for (UUID id : important) {
            assertEquals("SENT", reminders.state(id), () -> "high importance goes today; outcome: " + reminders.reminder(id).getString("outcome"));
        }
        for (UUID id : escalations) {
            assertEquals("GROUPED", reminders.state(id), "each escalation is told within its rep's message");
        }
        String zhangList = "/customers?ownerId=" + t.zhang().id() + "&overdue=true&sort=NEXT_DUE";
        String liList = "/customers?ownerId=" + t.li().id() + "&overdue=true&sort=NEXT_DUE";
        t.manager().as().get("/api/v1/notifications?limit=50").then().statusCode(200)
                .body("items", hasSize(6))
                .body("items.findAll { it.kind == 'FOLLOW_UP_ESCALATIONS' }.title",
                        containsInAnyOrder("Zhang San has 18 overdue follow-ups", "Li Si has 12 overdue follow-ups"))
                .body("items.findAll { it.kind == 'FOLLOW_UP_ESCALATIONS' }.link", containsInAnyOrder(zhangList, liList))
                .body("items.kind", containsInAnyOrder("COLLECTION_ESCALATION", "RENEWAL_ESCALATION", "EXPENSE_APPROVALS", "MANAGER_DIGEST",
                        "FOLLOW_UP_ESCALATIONS", "FOLLOW_UP_ESCALATIONS"));
        assertEquals(6, reminders.count("select count(*) from reminder where user_id = $1 and state = 'SENT'", t.manager().id()),
                "six messages count against the cap, not thirty-four");

        t.manager().as().body(Map.of("locale", "zh-CN")).patch("/api/v1/me").then().statusCode(200);
        t.manager().as().get("/api/v1/notifications?limit=50").then().statusCode(200)
                .body("items.findAll { it.kind == 'FOLLOW_UP_ESCALATIONS' }.title",
                        containsInAnyOrder("Zhang San有18条逾期跟进", "Li Si有12条逾期跟进"));
    }

    @Test
    void onceTheCapIsReachedHighOnesStillGoAndFollowUpNoiseWaitsForTomorrow() {
        Team t = team();
        alreadySentToday(t.manager(), 20);
        List<UUID> noise = List.of(
                escalation(t.manager(), t.zhang(), "Zhang San", 90),
                escalation(t.manager(), t.zhang(), "Zhang San", 91),
                escalation(t.manager(), t.li(), "Li Si", 92),
                reminders.schedule(t.manager().id(), "FOLLOW_UP_OVERDUE", Map.of("customer", "Initech", "dueOn", "2026-12-01"),
                        Instant.now().minus(93, ChronoUnit.MINUTES)));
        List<UUID> important = important(t.manager());

        reminders.dispatchAll();

        for (UUID id : important) {
            assertEquals("SENT", reminders.state(id), () -> "not held back by the cap; outcome: " + reminders.reminder(id).getString("outcome"));
        }
        Instant tomorrow = startOfTomorrow(t.manager());
        for (UUID id : noise) {
            var row = reminders.reminder(id);
            assertEquals("PENDING", row.getString("state"), "low importance waits once the cap is reached");
            assertEquals(tomorrow, row.getOffsetDateTime("deliver_at").toInstant(), "until the manager's next day");
            assertEquals(0, row.getInteger("attempts"), "waiting is not an attempt");
        }
        assertEquals(0, reminders.count("select count(*) from reminder where user_id = $1 and kind = 'FOLLOW_UP_ESCALATIONS'", t.manager().id()));
    }

    @Test
    void theLastPlaceUnderTheCapGoesToTheImportantOneNotToEarlierNoise() {
        Team t = team();
        alreadySentToday(t.manager(), 19);
        UUID early = escalation(t.manager(), t.zhang(), "Zhang San", 300);
        UUID earlier = reminders.schedule(t.manager().id(), "FOLLOW_UP_OVERDUE", Map.of("customer", "Initech", "dueOn", "2026-12-01"),
                Instant.now().minus(301, ChronoUnit.MINUTES));
        UUID collection = reminders.schedule(t.manager().id(), "COLLECTION_ESCALATION",
                Map.of("customer", "Acme", "amount", "CNY 50,000.00", "contract", "C-1", "rep", "Zhang San", "dueOn", "2026-11-01"));

        reminders.dispatchAll();

        assertEquals("SENT", reminders.state(collection));
        assertEquals("PENDING", reminders.state(early), "the follow-up noise is deferred first");
        assertEquals("PENDING", reminders.state(earlier), "the follow-up noise is deferred first");
        assertEquals(startOfTomorrow(t.manager()), reminders.reminder(early).getOffsetDateTime("deliver_at").toInstant());
    }
}
