package io.canvass.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-app inbox and the notification preferences, through the API. */
@QuarkusTest
class InboxTest {

    @Inject
    Reminders reminders;

    static Api.TestUser rep() {
        return Api.user("REP", Api.team("inbox", null));
    }

    private UUID delivered(Api.TestUser user, String customer) {
        UUID id = reminders.schedule(user.id(), "FOLLOW_UP_OVERDUE", Map.of("customer", customer, "dueOn", "2026-11-20"));
        reminders.dispatchAll();
        return id;
    }

    @Test
    void messagesFollowALanguageChangeWithoutANewToken() {
        Api.TestUser li = Api.user("REP", Api.team("inbox", null), java.util.Set.of(), "zh-CN");
        delivered(li, "华工机械");
        li.as().get("/api/v1/notifications").then().statusCode(200)
                .body("items.title", equalTo(List.of("已逾期：华工机械")));

        li.as().body(Map.of("locale", "en")).patch("/api/v1/me").then().statusCode(200);

        li.as().get("/api/v1/notifications").then().statusCode(200)
                .body("items.title", equalTo(List.of("Overdue: 华工机械")))
                .body("items[0].body", equalTo("The follow-up with 华工机械 was due on 2026-11-20. Record it or snooze it with a reason."));
    }

    @Test
    void unreadComeFirstThenNewestAndTheCountFollows() {
        Api.TestUser emma = rep();
        delivered(emma, "First");
        delivered(emma, "Second");
        delivered(emma, "Third");
        String first = emma.as().get("/api/v1/notifications").then().statusCode(200)
                .body("items.title", equalTo(List.of("Overdue: Third", "Overdue: Second", "Overdue: First")))
                .extract().path("items[2].id");
        emma.as().get("/api/v1/notifications/unread-count").then().statusCode(200).body("count", equalTo(3));

        emma.as().post("/api/v1/notifications/" + first + "/read").then().statusCode(204);
        emma.as().post("/api/v1/notifications/" + first + "/read").then().statusCode(204);
        delivered(emma, "Fourth");

        emma.as().get("/api/v1/notifications").then().statusCode(200)
                .body("items.title", equalTo(List.of("Overdue: Fourth", "Overdue: Third", "Overdue: Second", "Overdue: First")))
                .body("items[3].readAt", notNullValue())
                .body("items[0].readAt", nullValue());
        emma.as().get("/api/v1/notifications?unreadOnly=true").then().body("items", hasSize(3));
        emma.as().get("/api/v1/notifications/unread-count").then().body("count", equalTo(3));

        emma.as().post("/api/v1/notifications/read-all").then().statusCode(204);
        emma.as().get("/api/v1/notifications/unread-count").then().body("count", equalTo(0));
    }

    @Test
    void pagesFollowTheCursorAcrossTheReadBoundary() {
        Api.TestUser emma = rep();
        for (int i = 1; i <= 5; i++) {
            delivered(emma, "C" + i);
        }
        String oldest = emma.as().get("/api/v1/notifications").then().extract().path("items[4].id");
        emma.as().post("/api/v1/notifications/" + oldest + "/read").then().statusCode(204);

        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = emma.as().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.title"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("Overdue: C5", "Overdue: C4", "Overdue: C3", "Overdue: C2", "Overdue: C1"), seen);
    }

    @Test
    void anotherUsersNotificationIsNotFoundAndNotListed() {
        Api.TestUser emma = rep();
        Api.TestUser other = rep();
        delivered(emma, "Mine");
        String id = emma.as().get("/api/v1/notifications").then().extract().path("items[0].id");

        other.as().post("/api/v1/notifications/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://canvass.io/problems/not-found"));
        other.as().get("/api/v1/notifications").then().statusCode(200).body("items", hasSize(0));
        emma.as().get("/api/v1/notifications/unread-count").then().body("count", equalTo(1));
    }

    @Test
    void withoutATokenNothingIsShown() {
        given().get("/api/v1/notifications").then().statusCode(401);
        given().get("/api/v1/notifications/unread-count").then().statusCode(401);
        given().post("/api/v1/notifications/read-all").then().statusCode(401);
        given().get("/api/v1/notifications/preferences").then().statusCode(401);
        given().post("/api/v1/notifications/" + UUID.randomUUID() + "/read").then().statusCode(401);
    }

    @Test
    void badInputNamesTheField() {
        Api.TestUser emma = rep();
        emma.as().get("/api/v1/notifications?limit=0").then().statusCode(400).contentType("application/problem+json");
        emma.as().get("/api/v1/notifications?cursor=%%%").then().statusCode(400).body("errors.field", hasItem("cursor"));
        emma.as().post("/api/v1/notifications/not-a-uuid/read").then().statusCode(404);
    }

    @Test
    void preferencesDefaultThenChangeAndValidate() {
        Api.TestUser emma = rep();
        emma.as().get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("push", equalTo(true)).body("inApp", equalTo(true)).body("dailyCap", equalTo(20))
                .body("quietStart", nullValue()).body("timeZone", equalTo("Asia/Shanghai"))
                .body("kinds.code", hasItem("FOLLOW_UP_OVERDUE"))
                .body("kinds.find { it.code == 'FOLLOW_UP_OVERDUE' }.label", equalTo("Overdue follow-ups"));

        Map<String, Object> change = preferences("22:00", "07:30", 5, List.of("MANAGER_DIGEST"));
        emma.as().body(change).put("/api/v1/notifications/preferences").then().statusCode(200)
                .body("quietStart", equalTo("22:00:00")).body("quietEnd", equalTo("07:30:00")).body("dailyCap", equalTo(5))
                .body("kinds.find { it.code == 'MANAGER_DIGEST' }.enabled", equalTo(false))
                .body("kinds.find { it.code == 'FOLLOW_UP_OVERDUE' }.enabled", equalTo(true));

        emma.as().body(preferences("22:00", null, 5, List.of())).put("/api/v1/notifications/preferences")
                .then().statusCode(400).body("errors.field", hasItem("quietEnd"));
        emma.as().body(preferences("22:00", "22:00", 5, List.of())).put("/api/v1/notifications/preferences")
                .then().statusCode(400).body("errors.field", hasItem("quietEnd"));
        emma.as().body(preferences(null, null, 0, List.of())).put("/api/v1/notifications/preferences")
                .then().statusCode(400).body("errors.field", hasItem("dailyCap"));
        emma.as().body(preferences(null, null, 5, List.of("NO_SUCH_KIND"))).put("/api/v1/notifications/preferences")
                .then().statusCode(400).body("errors.field", hasItem("mutedKinds"));
        emma.as().get("/api/v1/notifications/preferences").then().body("dailyCap", equalTo(5));
    }

    static Map<String, Object> preferences(String start, String end, int cap, List<String> muted) {
        Map<String, Object> body = new HashMap<>();
        body.put("push", true);
        body.put("inApp", true);
        body.put("quietStart", start);
        body.put("quietEnd", end);
        body.put("dailyCap", cap);
        body.put("mutedKinds", muted);
        return body;
    }

    @Test
    void aReminderDueInQuietHoursWaitsForTheirEndInTheUsersZone() {
        Api.TestUser emma = rep();
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        emma.as().body(Map.of("timeZone", zone.getId())).patch("/api/v1/me").then().statusCode(200);
        ZonedDateTime local = ZonedDateTime.now(zone);
        LocalTime start = local.toLocalTime().minusHours(1).withSecond(0).withNano(0);
        LocalTime end = local.toLocalTime().plusHours(1).withSecond(0).withNano(0);
        emma.as().body(preferences(start.toString(), end.toString(), 20, List.of())).put("/api/v1/notifications/preferences")
                .then().statusCode(200);

        UUID id = reminders.schedule(emma.id(), "PUSH_TEST", Map.of());
        reminders.dispatchAll();

        var row = reminders.reminder(id);
        assertEquals("PENDING", row.getString("state"));
        ZonedDateTime waitsUntil = row.getOffsetDateTime("deliver_at").toInstant().atZone(zone);
        assertEquals(end, waitsUntil.toLocalTime(), "waits for the end of quiet hours in Los Angeles");
        assertEquals(0, row.getInteger("attempts"), "waiting is not an attempt");
        emma.as().get("/api/v1/notifications").then().body("items", hasSize(0));

        reminders.makeDue(id); // the quiet hours are over... but the test cannot wait; clear them instead
        emma.as().body(preferences(null, null, 20, List.of())).put("/api/v1/notifications/preferences").then().statusCode(200);
        reminders.dispatchAll();
        assertEquals("SENT", reminders.state(id));
    }

    @Test
    void beyondTheDailyCapRemindersWaitForTheUsersNextDay() {
        Api.TestUser emma = rep();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        emma.as().body(preferences(null, null, 2, List.of())).put("/api/v1/notifications/preferences").then().statusCode(200);

        UUID a = reminders.schedule(emma.id(), "PUSH_TEST", Map.of(), Instant.now().minusSeconds(3));
        UUID b = reminders.schedule(emma.id(), "FOLLOW_UP_OVERDUE", Map.of("customer", "B", "dueOn", "2026-11-20"), Instant.now().minusSeconds(2));
        UUID c = reminders.schedule(emma.id(), "FOLLOW_UP_OVERDUE", Map.of("customer", "C", "dueOn", "2026-11-20"), Instant.now().minusSeconds(1));
        reminders.dispatchAll();

        assertEquals("SENT", reminders.state(a));
        assertEquals("SENT", reminders.state(b));
        var third = reminders.reminder(c);
        assertEquals("PENDING", third.getString("state"));
        assertEquals(LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant(), third.getOffsetDateTime("deliver_at").toInstant());
    }
}
