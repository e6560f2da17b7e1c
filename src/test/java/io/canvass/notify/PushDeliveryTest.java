package io.canvass.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.platform.outbound.HostResolver;
import io.canvass.platform.outbound.RebindingResolver;
import io.canvass.testing.Api;
import io.canvass.testing.Management;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reminders pushed to a push service inside the test, which decrypts each message with the
 * device's private key and checks the VAPID token: real encryption end to end, and each way a
 * push service can answer.
 */
@QuarkusTest
class PushDeliveryTest {

    static final Map<String, String> ACME = Map.of("customer", "Acme Robotics", "dueOn", "2026-11-20");

    @Inject
    Reminders reminders;

    static Api.TestUser rep(String locale) {
        return Api.user("REP", Api.team("push", null), java.util.Set.of(), locale);
    }

    @Test
    void aReminderArrivesEncryptedAndSignedInTheUsersLanguageAndInTheInbox() {
        Api.TestUser emma = rep("en");
        TestPushService.Device phone = Reminders.subscribe(emma, "Pixel · Chrome");

        UUID id = reminders.schedule(emma.id(), "FOLLOW_UP_OVERDUE", ACME);
        reminders.dispatchAll();

        List<TestPushService.Received> received = Reminders.receivedFor(phone, id);
        assertEquals(1, received.size(), "one push for the reminder");
        TestPushService.Received push = received.get(0);
        assertEquals("Overdue: Acme Robotics", push.payload().get("title"));
        assertEquals("FOLLOW_UP_OVERDUE", push.payload().get("kind"));
        assertEquals("/today", push.payload().get("link"));
        assertEquals("high", push.headers().get("urgency"));
        assertEquals("86400", push.headers().get("ttl"));
        assertEquals(22, push.headers().get("topic").length());
        assertTrue(push.body().length <= 4096);
        assertEquals("SENT", reminders.state(id));

        emma.as().get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].title", equalTo("Overdue: Acme Robotics"))
                .body("items[0].body", equalTo("The follow-up with Acme Robotics was due on 2026-11-20. Record it or snooze it with a reason."))
                .body("items[0].readAt", equalTo(null));
        emma.as().get("/api/v1/push/subscriptions").then().statusCode(200).body("items[0].lastUsedAt", not(equalTo(null)));
    }

    @Test
    void aPushGoesToTheAddressThatWasCheckedWhateverTheNameResolvesToLater() {
        // one lookup when the device subscribes, one before the push; any later one would answer an address nobody listens on
        RebindingResolver dns = new RebindingResolver("push.rebind.test", 2, "127.0.0.1", "192.0.2.1");
        QuarkusMock.installMockForType(dns, HostResolver.class);
        Api.TestUser emma = rep("en");
        TestPushService.Device phone = TestPushService.get().expectingKey(emma.as().get("/api/v1/push/vapid-public-key").then()
                .statusCode(200).extract().path("publicKey")).device().at("push.rebind.test");
        emma.as().body(phone.subscription("phone")).post("/api/v1/push/subscriptions").then().statusCode(201)
                .body("service", equalTo("push.rebind.test"));

        UUID id = reminders.schedule(emma.id(), "PUSH_TEST", Map.of());
        reminders.dispatchAll();

        List<TestPushService.Received> received = Reminders.receivedFor(phone, id);
        assertEquals(1, received.size(), "the push reached the checked address");
        assertEquals("push.rebind.test:" + TestPushService.PORT, received.get(0).headers().get("host"), "the Host header keeps the name");
        assertEquals(2, dns.lookups(), "the name was looked up by the guard only");
        assertEquals("SENT", reminders.state(id));
    }

    @Test
    void aChineseSpeakerGetsItInChinese() {
        Api.TestUser li = rep("zh-CN");
        TestPushService.Device phone = Reminders.subscribe(li, "华为 · Chrome");

        UUID id = reminders.schedule(li.id(), "FOLLOW_UP_OVERDUE", Map.of("customer", "上海机电", "dueOn", "2026-11-20"));
        reminders.dispatchAll();

        assertEquals("已逾期：上海机电", Reminders.receivedFor(phone, id).get(0).payload().get("title"));
    }

    @Test
    void everyDeviceOfTheUserGetsItOnce() {
        Api.TestUser emma = rep("en");
        TestPushService.Device phone = Reminders.subscribe(emma, "phone");
        TestPushService.Device laptop = Reminders.subscribe(emma, "laptop");

        UUID id = reminders.schedule(emma.id(), "PUSH_TEST", Map.of());
        reminders.dispatchAll();
        reminders.dispatchAll();

        assertEquals(1, Reminders.receivedFor(phone, id).size());
        assertEquals(1, Reminders.receivedFor(laptop, id).size());
        assertEquals(2, reminders.count("select count(*) from push_delivery where reminder_id = $1", id));
    }

    @Test
    void aDeviceThePushServiceNoLongerKnowsIsForgotten() {
        Api.TestUser emma = rep("en");
        TestPushService.Device gone = Reminders.subscribe(emma, "old phone").answer(410);
        TestPushService.Device unknown = Reminders.subscribe(emma, "old tablet").answer(404);
        TestPushService.Device phone = Reminders.subscribe(emma, "new phone");

        UUID id = reminders.schedule(emma.id(), "PUSH_TEST", Map.of());
        reminders.dispatchAll();

        assertEquals(List.of(410), gone.refused);
        assertEquals(List.of(404), unknown.refused);
        assertEquals(1, Reminders.receivedFor(phone, id).size());
        assertEquals("SENT", reminders.state(id));
        emma.as().get("/api/v1/push/subscriptions").then().statusCode(200)
                .body("items.label", equalTo(List.of("new phone")));
    }

    @Test
    void tooLargeIsRetriedOnceShrunkThenDroppedWithALog() {
        Api.TestUser emma = rep("en");
        TestPushService.Device shrinks = Reminders.subscribe(emma, "takes it shrunk").answer(413);
        TestPushService.Device refuses = Reminders.subscribe(emma, "refuses");
        refuses.answerAlways(413);

        UUID id = reminders.schedule(emma.id(), "FOLLOW_UP_OVERDUE", ACME);
        reminders.dispatchAll();

        TestPushService.Received shrunk = Reminders.receivedFor(shrinks, id).get(0);
        assertEquals("Overdue: Acme Robotics", shrunk.payload().get("title"));
        assertEquals("", shrunk.payload().get("body"));
        assertEquals(List.of(413, 413), refuses.refused, "the full payload, then the shrunk one, then no more");
        assertEquals("SENT", reminders.state(id));
        refuses.reset();
        emma.as().get("/api/v1/push/subscriptions").then().body("items.label", hasItem("refuses"));
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
        Api.TestUser emma = rep("en");
        TestPushService.Device phone = Reminders.subscribe(emma, "busy").answer(429, "120");

        UUID id = reminders.schedule(emma.id(), "PUSH_TEST", Map.of());
        reminders.dispatchAll();

        Row waiting = reminders.reminder(id);
        assertEquals("PENDING", waiting.getString("state"));
        assertTrue(waiting.getOffsetDateTime("deliver_at").toInstant().isAfter(Instant.now().plus(Duration.ofSeconds(100))),
                "retried no sooner than Retry-After: " + waiting.getOffsetDateTime("deliver_at"));
        assertEquals(1, reminders.count("select count(*) from notification where reminder_id = $1", id), "the inbox has it already");

        reminders.makeDue(id);
        reminders.dispatchAll();

        assertEquals(1, Reminders.receivedFor(phone, id).size());
        assertEquals("SENT", reminders.state(id));
        assertEquals(1, reminders.count("select count(*) from notification where reminder_id = $1", id), "still once in the inbox");
    }

    @Test
    void aServerErrorIsRetriedWithBackoffAndOnlyTheDevicesNotYetReached() {
        Api.TestUser emma = rep("en");
        TestPushService.Device flaky = Reminders.subscribe(emma, "flaky").answer(500).answer(503);
        TestPushService.Device fine = Reminders.subscribe(emma, "fine");

        UUID id = reminders.schedule(emma.id(), "PUSH_TEST", Map.of());
        reminders.dispatchAll();
        Instant first = reminders.reminder(id).getOffsetDateTime("deliver_at").toInstant();
        assertTrue(first.isAfter(Instant.now().plus(Duration.ofSeconds(20))), "backs off: " + first);

        reminders.makeDue(id);
        reminders.dispatchAll();
        Row second = reminders.reminder(id);
        assertEquals("PENDING", second.getString("state"));
        assertTrue(second.getOffsetDateTime("deliver_at").toInstant().isAfter(Instant.now().plus(Duration.ofSeconds(50))),
                "backs off longer the second time: " + second.getOffsetDateTime("deliver_at"));

        reminders.makeDue(id);
        reminders.dispatchAll();

        assertEquals(List.of(500, 503), flaky.refused);
        assertEquals(1, Reminders.receivedFor(flaky, id).size());
        assertEquals(1, Reminders.receivedFor(fine, id).size(), "the device reached at once is not pushed again");
        assertEquals("SENT", reminders.state(id));
        assertEquals(3, reminders.reminder(id).getInteger("attempts"));
    }

    @Test
    void aTestNotificationReachesEveryDevice() {
        Api.TestUser emma = rep("en");
        TestPushService.Device phone = Reminders.subscribe(emma, "phone");

        emma.as().post("/api/v1/push/test").then().statusCode(202);
        emma.as().post("/api/v1/push/test").then().statusCode(202);
        reminders.dispatchAll();

        List<TestPushService.Received> tests = phone.received.stream().filter(r -> "PUSH_TEST".equals(r.payload().get("kind"))).toList();
        assertTrue(tests.size() == 1 || tests.size() == 2, "one per minute at most");
        assertEquals("Canvass notifications work", tests.get(0).payload().get("title"));
        assertEquals("/notifications", tests.get(0).payload().get("link"));
    }

    @Test
    void mutedKindsAndAChannelSwitchedOffAreHonoured() {
        Api.TestUser emma = rep("en");
        TestPushService.Device phone = Reminders.subscribe(emma, "phone");
        emma.as().body(Map.of("push", false, "inApp", true, "dailyCap", 20, "mutedKinds", List.of("MANAGER_DIGEST")))
                .put("/api/v1/notifications/preferences").then().statusCode(200);

        UUID muted = reminders.schedule(emma.id(), "MANAGER_DIGEST", Map.of("overdue", 1, "visits", 2, "unverified", 0));
        UUID inboxOnly = reminders.schedule(emma.id(), "PUSH_TEST", Map.of());
        reminders.dispatchAll();

        assertEquals("SKIPPED", reminders.state(muted));
        assertEquals("SENT", reminders.state(inboxOnly));
        assertEquals(0, phone.received.size());
        emma.as().get("/api/v1/notifications").then().body("items", hasSize(1)).body("items[0].kind", equalTo("PUSH_TEST"));
    }

    @Test
    void pushMetricsAreExported() {
        Api.TestUser emma = rep("en");
        Reminders.subscribe(emma, "phone");
        reminders.schedule(emma.id(), "PUSH_TEST", Map.of(), Instant.now().minusSeconds(5));
        reminders.dispatchAll();

        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("canvass_reminders_created_total{kind=\"PUSH_TEST\"", "canvass_reminders_sent_total{channel=\"push\",kind=\"PUSH_TEST\"",
                "canvass_reminders_sent_total{channel=\"in-app\",kind=\"PUSH_TEST\"", "canvass_reminders_lateness_seconds_bucket{kind=\"PUSH_TEST\"",
                "canvass_reminders_late_total{kind=\"PUSH_TEST\"")) {
            assertTrue(metrics.contains(name), "metrics has " + name);
        }
    }
}
