package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.notify.Reminders;
import io.canvass.notify.TestPushService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Push in Chromium: the settings screen explains, asks for permission, subscribes with the
 * server's VAPID key and registers the device; a reminder is encrypted and pushed to the test push
 * service; its decrypted payload, delivered to the service worker as a push event, shows a
 * notification that opens the deep link, and the inbox badge follows.
 *
 * <p>Headless Chromium here cannot reach a browser vendor's push service, so the browser's
 * PushManager hands out a subscription of the test push service (its endpoint and keys), the way a
 * real browser hands out one of its vendor's; everything after that is the app's real code.
 */
@QuarkusTest
class NotificationsBrowserTest extends BrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Reminders reminders;

    @Test
    void subscribesThisDeviceReceivesAPushAndOpensItsLink() throws Exception {
        Accounts.Account emma = Accounts.create("REP", "en");
        String token = Accounts.token(emma);
        String vapidKey = given().auth().oauth2(token).get("/api/v1/push/vapid-public-key").then().statusCode(200).extract().path("publicKey");
        TestPushService.Device device = TestPushService.get().expectingKey(vapidKey).device();

        open("en-US");
        context.grantPermissions(List.of("notifications"));
        context.addInitScript("""
                (() => {
                  if (typeof PushManager === 'undefined') return;
                  const subscription = {
                    endpoint: %s,
                    options: { applicationServerKey: null, userVisibleOnly: true },
                    toJSON() { return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: %s, auth: %s } }; },
                    unsubscribe: async () => true,
                  };
                  let current = null;
                  PushManager.prototype.subscribe = async function (options) {
                    const key = new Uint8Array(options.applicationServerKey);
                    self.__applicationServerKey = btoa(String.fromCharCode(...key)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
                    current = subscription;
                    return subscription;
                  };
                  PushManager.prototype.getSubscription = async function () { return current; };
                })();
                """.formatted(JSON.writeValueAsString(device.endpoint()), JSON.writeValueAsString(device.p256dh()),
                JSON.writeValueAsString(device.auth())));
        signIn(emma);
        waitForServiceWorker();

        page.navigate("/notifications");
        assertThat(heading()).hasText("Notifications");
        assertThat(page.getByText("Canvass can remind you on this device")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on notifications on this device")).click();
        assertThat(page.getByText("Notifications are on for this device.")).isVisible();
        assertThat(page.getByText("Linux · Chrome")).isVisible();
        assertEquals(vapidKey, page.evaluate("() => self.__applicationServerKey"), "subscribed with the server's VAPID key");
        given().auth().oauth2(token).get("/api/v1/push/subscriptions").then().statusCode(200)
                .body("items.label", org.hamcrest.Matchers.equalTo(List.of("Linux · Chrome")));

        // a reminder goes out: encrypted, signed, and decrypted by the push service with the device's key
        UUID id = reminders.schedule(UUID.fromString(emma.id()), "FOLLOW_UP_OVERDUE",
                Map.of("customer", "Acme Robotics", "dueOn", "2026-11-20"), Instant.now(), "/customers");
        reminders.dispatchAll();
        List<TestPushService.Received> received = Reminders.receivedFor(device, id);
        assertEquals(1, received.size());
        String payload = JSON.writeValueAsString(received.get(0).payload());

        // the push service hands it to the service worker: a real push event, through the DevTools protocol
        CDPSession devtools = context.newCDPSession(page);
        List<JsonObject> registrations = new CopyOnWriteArrayList<>();
        devtools.on("ServiceWorker.workerRegistrationUpdated", event -> event.getAsJsonArray("registrations")
                .forEach(r -> registrations.add(r.getAsJsonObject())));
        devtools.send("ServiceWorker.enable");
        page.waitForCondition(() -> !registrations.isEmpty());
        String origin = root.toString().replaceAll("/$", "");
        JsonObject push = new JsonObject();
        push.addProperty("origin", origin);
        push.addProperty("registrationId", registrations.get(0).get("registrationId").getAsString());
        push.addProperty("data", payload);
        devtools.send("ServiceWorker.deliverPushMessage", push);
        Object shown = page.evaluate("""
                async () => {
                  const registration = await navigator.serviceWorker.ready;
                  for (let i = 0; i < 100; i++) {
                    const [n] = await registration.getNotifications();
                    if (n) return { title: n.title, body: n.body, tag: n.tag, link: n.data.link };
                    await new Promise((r) => setTimeout(r, 100));
                  }
                  return null;
                }""");
        assertEquals(Map.of("title", "Overdue: Acme Robotics",
                "body", "The follow-up with Acme Robotics was due on 2026-11-20. Record it or snooze it with a reason.",
                "tag", id.toString(), "link", "/customers"), shown);
        Page.GetByRoleOptions inbox = new Page.GetByRoleOptions().setName("Inbox, 1 unread");
        assertThat(page.getByRole(AriaRole.LINK, inbox)).isVisible();

        // tapping the notification opens its link in the app
        inServiceWorker("""
                (async () => {
                  const [n] = await self.registration.getNotifications();
                  self.dispatchEvent(new NotificationEvent('notificationclick', { notification: n }));
                })()""");
        assertThat(page).hasURL(Pattern.compile("/customers$"));

        // the inbox has it; opening it marks it read and follows the link
        page.getByRole(AriaRole.LINK, inbox).click();
        assertThat(heading()).hasText("Inbox");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Overdue: Acme Robotics"))).click();
        assertThat(page).hasURL(Pattern.compile("/customers$"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inbox").setExact(true))).isVisible();

        // the device is removed from the settings
        page.navigate("/notifications");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop reminders on Linux · Chrome")).click();
        assertThat(page.getByText("No device receives reminders yet.")).isVisible();
        given().auth().oauth2(token).get("/api/v1/push/subscriptions").then().body("items", org.hamcrest.Matchers.hasSize(0));
        Axe.assertNoViolations(page, "notification settings");
    }

    /**
     * Runs a script in the app's service worker (Java Playwright has no handle on workers): attaches
     * to its DevTools target and evaluates there.
     */
    private void inServiceWorker(String script) {
        CDPSession browserDevtools = Chromium.browser().newBrowserCDPSession();
        JsonObject targets = browserDevtools.send("Target.getTargets");
        String targetId = null;
        for (var t : targets.getAsJsonArray("targetInfos")) {
            JsonObject info = t.getAsJsonObject();
            if ("service_worker".equals(info.get("type").getAsString()) && info.get("url").getAsString().startsWith(root.toString())) {
                targetId = info.get("targetId").getAsString();
            }
        }
        assertNotNull(targetId, "the app's service worker runs");
        JsonObject attach = new JsonObject();
        attach.addProperty("targetId", targetId);
        attach.addProperty("flatten", false);
        String sessionId = browserDevtools.send("Target.attachToTarget", attach).get("sessionId").getAsString();
        JsonObject evaluate = new JsonObject();
        evaluate.addProperty("id", 1);
        evaluate.addProperty("method", "Runtime.evaluate");
        JsonObject params = new JsonObject();
        params.addProperty("expression", script);
        params.addProperty("awaitPromise", true);
        evaluate.add("params", params);
        JsonObject message = new JsonObject();
        message.addProperty("sessionId", sessionId);
        message.addProperty("message", evaluate.toString());
        browserDevtools.send("Target.sendMessageToTarget", message);
    }

    @Test
    void preferencesAndQuietHoursAreSavedInChinese() {
        Accounts.Account li = Accounts.create("REP", "zh-CN");
        open("zh-CN");
        signIn(li);
        page.navigate("/notifications");
        assertThat(heading()).hasText("通知");
        page.getByLabel("免打扰时段内暂缓提醒").check();
        page.getByLabel("开始").fill("21:30");
        page.getByLabel("结束").fill("07:00");
        page.getByLabel("每天最多提醒次数").fill("8");
        page.getByLabel("团队每日简报（经理）").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存偏好设置")).click();
        assertThat(page.getByText("已保存。")).isVisible();

        given().auth().oauth2(Accounts.token(li)).get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("quietStart", org.hamcrest.Matchers.equalTo("21:30:00"))
                .body("quietEnd", org.hamcrest.Matchers.equalTo("07:00:00"))
                .body("dailyCap", org.hamcrest.Matchers.equalTo(8))
                .body("kinds.find { it.code == 'MANAGER_DIGEST' }.enabled", org.hamcrest.Matchers.equalTo(false));
        page.navigate("/inbox");
        assertThat(heading()).hasText("收件箱");
        assertThat(page.getByText("暂无新消息")).isVisible();
    }
}
