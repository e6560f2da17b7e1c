package io.canvass.notify;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The organisation's reminder defaults: admins set quiet hours and the daily cap for everyone who
 * has not chosen their own, with ETag/If-Match and Idempotency-Key, audited; the dispatcher holds
 * reminders to them, and a user's own preferences win.
 */
@QuarkusTest
class ReminderSettingsTest {

    @Inject
    Reminders reminders;

    /** Other tests rely on the configured defaults: put them back. */
    @AfterEach
    void restoreDefaults() {
        reminders.execute("update reminder_settings set quiet_start = null, quiet_end = null, daily_cap = null where id = 1");
    }

    private static Map<String, Object> change(String start, String end, Integer cap) {
        Map<String, Object> body = new HashMap<>();
        body.put("quietStart", start);
        body.put("quietEnd", end);
        body.put("dailyCap", cap);
        return body;
    }

    private static String etag() {
        return Api.asAdmin().get("/api/v1/reminder-settings").then().statusCode(200).extract().header("ETag");
    }

    @Test
    void anAdminReadsTheConfiguredDefaultsAndChangesThemWithTheEtag() {
        Api.asAdmin().get("/api/v1/reminder-settings").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("dailyCap", equalTo(20))
                .body("quietStart", nullValue());
        String etag = etag();

        Response changed = Api.asAdmin().header("If-Match", etag).body(change("21:30", "07:30", 12)).put("/api/v1/reminder-settings");
        changed.then().statusCode(200)
                .body("quietStart", equalTo("21:30:00"))
                .body("quietEnd", equalTo("07:30:00"))
                .body("dailyCap", equalTo(12));
        String next = changed.header("ETag");
        assertEquals(next, etag(), "the new ETag is the one a read answers");

        Api.asAdmin().header("If-Match", etag).body(change(null, null, 30)).put("/api/v1/reminder-settings").then().statusCode(412)
                .contentType("application/problem+json");
        Api.asAdmin().get("/api/v1/reminder-settings").then().body("dailyCap", equalTo(12));
    }

    @Test
    void everyChangeIsAuditedWithBeforeAndAfter() {
        Instant before = Instant.now().minusSeconds(1);
        Api.asAdmin().header("If-Match", etag()).body(change("22:00", "06:00", 9)).put("/api/v1/reminder-settings").then().statusCode(200);
        Api.asAdmin().queryParam("entityType", "reminder_settings").queryParam("from", before.toString()).get("/api/v1/audit")
                .then().statusCode(200)
                .body("items[-1].action", equalTo("reminder_settings.updated"))
                .body("items[-1].entityId", equalTo("organisation"))
                .body("items[-1].before.dailyCap", equalTo(20))
                .body("items[-1].after.dailyCap", equalTo(9))
                .body("items[-1].after.quietStart", equalTo("22:00"));
    }

    @Test
    void aRetriedChangeWithTheSameKeyAnswersTheSameInsteadOfAStaleVersion() {
        String etag = etag();
        String key = UUID.randomUUID().toString();
        Response first = Api.asAdmin().header("If-Match", etag).header("Idempotency-Key", key).body(change(null, null, 17))
                .put("/api/v1/reminder-settings");
        first.then().statusCode(200);
        Api.asAdmin().header("If-Match", etag).header("Idempotency-Key", key).body(change(null, null, 17))
                .put("/api/v1/reminder-settings").then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .header("ETag", first.header("ETag"))
                .body("dailyCap", equalTo(17));
        Api.asAdmin().header("If-Match", etag).header("Idempotency-Key", key).body(change(null, null, 18))
                .put("/api/v1/reminder-settings").then().statusCode(422);
    }

    @Test
    void quietHoursComeInPairsAndTheCapStaysWithinBounds() {
        String etag = etag();
        Api.asAdmin().header("If-Match", etag).body(change("22:00", null, 10)).put("/api/v1/reminder-settings").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("quietEnd"));
        Api.asAdmin().header("If-Match", etag).body(change("22:00", "22:00", 10)).put("/api/v1/reminder-settings").then().statusCode(400)
                .body("errors.field", hasItem("quietEnd"));
        Api.asAdmin().header("If-Match", etag).body(change(null, null, 0)).put("/api/v1/reminder-settings").then().statusCode(400)
                .body("errors.field", hasItem("dailyCap"));
        Api.asAdmin().header("If-Match", etag).body(change(null, null, null)).put("/api/v1/reminder-settings").then().statusCode(400)
                .body("errors.field", hasItem("dailyCap"));
    }

    @Test
    void onlyAdminsReadOrChangeThem() {
        UUID team = Api.team("settings", null);
        for (String role : new String[] { "DIRECTOR", "REP" }) {
            Api.TestUser user = Api.user(role, team);
            user.as().get("/api/v1/reminder-settings").then().statusCode(403).contentType("application/problem+json");
            user.as().body(change(null, null, 5)).put("/api/v1/reminder-settings").then().statusCode(403);
        }
        Api.manager(team).as().get("/api/v1/reminder-settings").then().statusCode(403);
        RestAssured.given().contentType("application/json").body(change(null, null, 5)).put("/api/v1/reminder-settings")
                .then().statusCode(401);
        Api.asAdmin().get("/api/v1/reminder-settings").then().body("dailyCap", equalTo(20));
    }

    @Test
    void usersWithoutTheirOwnPreferencesSeeAndGetTheOrganisationsQuietHours() {
        Api.TestUser plain = Api.user("REP", Api.team("quiet", null));
        Api.TestUser chooser = Api.user("REP", Api.team("quiet", null));
        chooser.as().body(Map.of("push", true, "inApp", true, "dailyCap", 20, "mutedKinds", java.util.List.of()))
                .put("/api/v1/notifications/preferences").then().statusCode(200).body("organisationDefaults", equalTo(false));

        ZoneId zone = ZoneId.of(reminders.one("select time_zone from app_user where id = $1", plain.id()).getString(0));
        LocalTime now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        LocalTime start = now.minusHours(1);
        LocalTime end = now.plusHours(1);
        Api.asAdmin().header("If-Match", etag()).body(change(start.toString(), end.toString(), 20)).put("/api/v1/reminder-settings")
                .then().statusCode(200);

        plain.as().get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("organisationDefaults", equalTo(true))
                .body("quietStart", equalTo(start + ":00"));

        Instant due = Instant.now().minus(1, ChronoUnit.MINUTES);
        UUID held = reminders.schedule(plain.id(), "COACHING_DUE_SOON", Map.of("title", "Shadow visit", "dueOn", "2026-12-09"), due);
        UUID sent = reminders.schedule(chooser.id(), "COACHING_DUE_SOON", Map.of("title", "Shadow visit", "dueOn", "2026-12-09"), due);
        reminders.dispatchAll();

        var row = reminders.reminder(held);
        assertEquals("PENDING", row.getString("state"), "inside the organisation's quiet hours it waits");
        ZonedDateTime localNow = ZonedDateTime.now(zone);
        LocalDate endDay = end.isBefore(localNow.toLocalTime().truncatedTo(ChronoUnit.MINUTES)) ? localNow.toLocalDate().plusDays(1)
                : localNow.toLocalDate();
        assertEquals(endDay.atTime(end).atZone(zone).toInstant(), row.getOffsetDateTime("deliver_at").toInstant(),
                "until the quiet hours end in the user's zone");
        assertEquals("SENT", reminders.state(sent), "a user's own preferences (no quiet hours) win");
    }

    @Test
    void theOrganisationsDailyCapHoldsNormalRemindersButNeverImportantOnes() {
        Api.TestUser rep = Api.user("REP", Api.team("cap", null));
        Api.asAdmin().header("If-Match", etag()).body(change(null, null, 2)).put("/api/v1/reminder-settings").then().statusCode(200);
        reminders.execute("""
                insert into reminder (id, user_id, kind, dedupe_key, link, due_at, deliver_at, state, sent_at)
                select uuid_v7(), $1, 'PUSH_TEST', 'earlier:' || g, '/today', now(), now(), 'SENT', now()
                from generate_series(1, 2) g""", rep.id());

        Instant due = Instant.now().minus(1, ChronoUnit.MINUTES);
        UUID normal = reminders.schedule(rep.id(), "COACHING_DUE_SOON", Map.of("title", "Shadow visit", "dueOn", "2026-12-09"), due);
        UUID important = reminders.schedule(rep.id(), "COLLECTION_ESCALATION",
                Map.of("customer", "Acme", "amount", "CNY 50,000.00", "contract", "C-1", "rep", "Zhang San", "dueOn", "2026-11-01"), due);
        reminders.dispatchAll();

        assertEquals("PENDING", reminders.state(normal), "over the organisation's cap of 2, a normal reminder waits for tomorrow");
        assertEquals("SENT", reminders.state(important), "money reminders are never held back by the cap");
        rep.as().get("/api/v1/notifications/preferences").then().body("dailyCap", equalTo(2));
    }
}
