package io.canvass.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The follow-up kinds and the managers' digest, created by the scans from the follow-up and check-in records. */
@QuarkusTest
class ReminderScanTest {

    @Inject
    Reminders reminders;

    @Inject
    ReminderScanner scanner;

    record Field(UUID team, Api.TestUser rep, Api.TestUser manager, UUID customer, UUID followUp) {
    }

    private Field field() {
        UUID team = Api.team("scan", null);
        Api.TestUser rep = Api.user("REP", team, Set.of(), "en");
        Api.TestUser manager = Api.user("MANAGER", null, Set.of(team), "en");
        UUID customer = UUID.fromString(rep.as().body(Map.of("name", Api.unique("Acme"), "grade", "B", "stage", "HIGH_INTENT"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id"));
        UUID followUp = UUID.fromString(rep.as().get("/api/v1/customers/" + customer).then().extract().path("pendingFollowUp.id"));
        return new Field(team, rep, manager, customer, followUp);
    }

    private void due(UUID followUp, int hours) {
        reminders.execute("""
                update follow_up set due_at = now() + make_interval(hours => $2),
                       due_on = ((now() + make_interval(hours => $2)) at time zone 'Asia/Shanghai')::date
                where id = $1""", followUp, hours);
    }

    private long count(UUID user, String kind) {
        return reminders.count("select count(*) from reminder where user_id = $1 and kind = $2", user, kind);
    }

    @Test
    void aFollowUpDueTodayRemindsItsRepOnceAheadOfTime() {
        Field f = field();
        due(f.followUp(), 30);
        scanner.scan().await().atMost(Duration.ofMinutes(1));
        assertEquals(0, count(f.rep().id(), "FOLLOW_UP_DUE_SOON"), "not yet: the lead is 10 hours");

        due(f.followUp(), 3);
        scanner.scan().await().atMost(Duration.ofMinutes(1));
        scanner.scan().await().atMost(Duration.ofMinutes(1));
        assertEquals(1, count(f.rep().id(), "FOLLOW_UP_DUE_SOON"), "once, however often the scan runs");

        reminders.dispatchAll();
        f.rep().as().get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].kind", org.hamcrest.Matchers.equalTo("FOLLOW_UP_DUE_SOON"))
                .body("items[0].link", org.hamcrest.Matchers.equalTo("/customers/" + f.customer()));
    }

    @Test
    void anOverdueFollowUpRemindsTheRepAndAfterTheLimitTheManager() {
        Field f = field();
        due(f.followUp(), -2);
        scanner.scan().await().atMost(Duration.ofMinutes(1));
        assertEquals(1, count(f.rep().id(), "FOLLOW_UP_OVERDUE"));
        assertEquals(0, count(f.manager().id(), "FOLLOW_UP_ESCALATION"), "not beyond the one-day limit yet");

        due(f.followUp(), -26);
        scanner.scan().await().atMost(Duration.ofMinutes(1));
        scanner.scan().await().atMost(Duration.ofMinutes(1));
        assertEquals(1, count(f.manager().id(), "FOLLOW_UP_ESCALATION"), "the manager is told once");
        assertEquals(0, count(f.rep().id(), "FOLLOW_UP_ESCALATION"));
        assertEquals(f.rep().id().toString(), reminders.one("select args ->> 'repId' from reminder where user_id = $1 and kind = 'FOLLOW_UP_ESCALATION'",
                f.manager().id()).getString(0), "the escalation names the rep, so several about one rep can go as one message");

        reminders.dispatchAll();
        f.manager().as().get("/api/v1/notifications").then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("Test REP is behind on Acme")));
    }

    @Test
    void aFollowUpDoneBeforeItsReminderGoesCancelsIt() {
        Field f = field();
        due(f.followUp(), -1);
        scanner.scan().await().atMost(Duration.ofMinutes(1));
        UUID reminder = reminders.one("select id from reminder where user_id = $1 and kind = 'FOLLOW_UP_OVERDUE'", f.rep().id()).getUUID(0);

        f.rep().as().body(Map.of("channel", "CALL", "summary", "Called, all good"))
                .post("/api/v1/follow-ups/" + f.followUp() + "/complete").then().statusCode(200);
        reminders.dispatchAll();

        assertEquals("CANCELLED", reminders.state(reminder));
        f.rep().as().get("/api/v1/notifications").then().body("items", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void managersGetOneDigestADayAtTheirLocalTime() {
        Field f = field();
        // the rep works far east of the manager: their follow-up's due day has ended while it is still that date for the manager
        ZoneId repZone = ZoneId.of("Pacific/Kiritimati");
        LocalDate repToday = LocalDate.now(repZone);
        // a zone where the digest time (08:00) has passed today and whose date is behind the rep's, whenever the test runs
        ZoneId zone = java.util.stream.IntStream.rangeClosed(-12, 14)
                .mapToObj(h -> ZoneId.of(h >= 0 ? "Etc/GMT-" + h : "Etc/GMT+" + (-h)))
                .filter(z -> ZonedDateTime.now(z).toLocalTime().isAfter(LocalTime.of(9, 0)))
                .filter(z -> ZonedDateTime.now(z).toLocalDate().isBefore(repToday))
                .findFirst().orElseThrow();
        f.manager().as().body(Map.of("timeZone", zone.getId())).patch("/api/v1/me").then().statusCode(200);
        f.rep().as().body(Map.of("timeZone", repZone.getId())).patch("/api/v1/me").then().statusCode(200);
        reminders.execute("update follow_up set due_on = $2, due_at = $3 where id = $1",
                f.followUp(), repToday.minusDays(1), repToday.atStartOfDay(repZone).toOffsetDateTime());

        scanner.scan().await().atMost(Duration.ofMinutes(1));
        scanner.scan().await().atMost(Duration.ofMinutes(1));

        assertEquals(1, count(f.manager().id(), "MANAGER_DIGEST"));
        assertEquals(0, count(f.rep().id(), "MANAGER_DIGEST"));
        var digest = reminders.one("select args ->> 'overdue', dedupe_key, due_at from reminder where user_id = $1 and kind = 'MANAGER_DIGEST'",
                f.manager().id());
        assertEquals("1", digest.getString(0));
        assertEquals("digest:" + ZonedDateTime.now(zone).toLocalDate(), digest.getString(1));
        assertEquals(LocalTime.of(8, 0), digest.getOffsetDateTime(2).atZoneSameInstant(zone).toLocalTime());
    }
}
