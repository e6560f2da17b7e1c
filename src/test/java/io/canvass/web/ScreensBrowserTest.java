package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The work screens: Today, customers, check-in and team, online and offline, and their accessibility. */
@QuarkusTest
class ScreensBrowserTest extends BrowserTest {

    private static final double LAT = 31.2304;
    private static final double LNG = 121.4737;
    /** A 1×1 PNG: the server checks an image's type from its bytes. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Inject
    Pool pool;

    @Test
    void todayShowsTheOverdueFollowUpFirstAndDoneRecordsIt() {
        Account rep = Accounts.create("REP", "en");
        String token = Accounts.token(rep);
        String dueToday = customer(token, "Due today " + suffix(), null);
        String overdue = customer(token, "Overdue " + suffix(), null);
        dueDaysAgo(dueToday, 0);
        dueDaysAgo(overdue, 3);
        String followUpId = pendingFollowUp(token, overdue);

        open("en-US");
        signIn(rep);

        Locator items = page.getByTestId("agenda-item");
        assertThat(items).hasCount(2);
        assertThat(items.first()).containsText(name(token, overdue));
        assertThat(items.first()).containsText("3 days overdue");
        assertThat(items.nth(1)).containsText(name(token, dueToday));
        items.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Done"))).click();
        page.getByLabel("What happened").fill("Confirmed the Q2 order");
        page.getByLabel("Next action", new Page.GetByLabelOptions().setExact(true)).fill("Send the quote");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save record")).click();

        eventually(() -> followUpStatus(token, followUpId), "DONE");
        assertThat(items).hasCount(1);
    }

    @Test
    void followUpRecordedOfflineSyncsOnceAndTodayOpensFromItsCache() {
        Account rep = Accounts.create("REP", "en");
        String token = Accounts.token(rep);
        String overdue = customer(token, "Offline record " + suffix(), null);
        dueDaysAgo(overdue, 2);
        String followUpId = pendingFollowUp(token, overdue);
        open("en-US");
        List<Request> completes = new CopyOnWriteArrayList<>();
        context.onRequestFinished(request -> {
            if (request.url().endsWith("/api/v1/follow-ups/" + followUpId + "/complete")) {
                completes.add(request);
            }
        });
        signIn(rep);
        assertThat(page.getByTestId("agenda-item")).hasCount(1);
        waitForServiceWorker();

        goOffline();
        page.reload();
        assertThat(page.getByTestId("as-of")).containsText("Offline: showing the agenda as of");
        assertThat(page.getByTestId("agenda-item")).containsText(name(token, overdue));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Done"))).click();
        page.getByLabel("What happened").fill("Called from the road");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save record")).click();
        assertThat(page.getByText("Recorded. It syncs when you are online.")).isVisible();
        assertThat(syncState()).hasText("1 waiting to sync");
        assertEquals("OPEN", followUpStatus(token, followUpId));

        goOnline();
        assertThat(syncState()).hasText("Online");
        eventually(() -> followUpStatus(token, followUpId), "DONE");
        page.waitForTimeout(500); // a late duplicate replay would show up here
        assertEquals(1, completes.size(), "the record was sent exactly once");
    }

    @Test
    void checkInMadeOfflineIsQueuedThenSyncsExactlyOnce() {
        Account rep = Accounts.create("REP", "en");
        String token = Accounts.token(rep);
        String customerName = "Visit here " + suffix();
        String customerId = customer(token, customerName, Map.of("lat", LAT, "lng", LNG));
        String followUpId = pendingFollowUp(token, customerId);
        open("en-US");
        context.grantPermissions(List.of("geolocation"));
        context.setGeolocation(new Geolocation(LAT + 0.0001, LNG).setAccuracy(12));
        List<Request> posts = new CopyOnWriteArrayList<>();
        context.onRequestFinished(request -> {
            if ("POST".equals(request.method()) && request.url().endsWith("/api/v1/checkins")) {
                posts.add(request);
            }
        });
        signIn(rep);
        goTo("Check-in");
        Locator nearby = page.getByTestId("nearby");
        assertThat(nearby).containsText(customerName);
        assertThat(page.getByTestId("position")).containsText("Position found");

        goOffline();
        nearby.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check in at " + customerName)).click();
        assertThat(page.getByTestId("checkin-made")).containsText("Checked in at " + customerName);
        assertThat(page.getByTestId("checkin-sync")).hasText("Saved on this phone, will sync when you are online.");
        assertThat(syncState()).hasText("1 waiting to sync");
        page.getByLabel("Add a photo of the visit (optional)").setInputFiles(new FilePayload("visit.png", "image/png", PNG));
        assertThat(page.getByText("Photo saved. It is sent after the check-in.")).isVisible();
        assertThat(syncState()).hasText("2 waiting to sync");

        goOnline();
        assertThat(page.getByTestId("verdict")).containsText("Verified at the customer.");
        assertThat(syncState()).hasText("Online");
        page.waitForTimeout(500); // a late duplicate replay would show up here
        List<?> checkIns = given().auth().oauth2(token).get("/api/v1/checkins?customerId=" + customerId)
                .then().statusCode(200).extract().path("items");
        assertEquals(1, checkIns.size(), "one check-in recorded");
        String clientId = (String) ((Map<?, ?>) new io.restassured.path.json.JsonPath(posts.get(0).postData()).get()).get("clientId");
        assertEquals(clientId, ((Map<?, ?>) checkIns.get(0)).get("id"), "recorded under the phone's client id");
        assertEquals(Boolean.TRUE, ((Map<?, ?>) checkIns.get(0)).get("hasPhoto"), "the photo followed its check-in");
        given().auth().oauth2(token).get("/api/v1/checkins/" + clientId + "/photo").then().statusCode(200).contentType("image/png");
        assertEquals("DONE", followUpStatus(token, followUpId), "the visit completed the pending follow-up");
        assertEquals(1, posts.stream().filter(p -> p.response() != null && p.response().status() == 201).count(),
                "created once");
    }

    @Test
    void customerCreatedInTheFormIsFoundByAChineseSearch() {
        Account rep = Accounts.create("REP", "zh-CN");
        String unique = suffix();
        open("zh-CN");
        signIn(rep);
        goTo("客户");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建客户")).click();
        assertThat(heading()).hasText("新建客户");
        page.getByLabel("客户名称").fill("苏州精密模具" + unique + "有限公司");
        page.getByLabel("阶段").selectOption("HIGH_INTENT");
        page.getByLabel("联系人姓名").fill("王经理");
        page.getByLabel("电话").fill("13800001111");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();

        assertThat(heading()).hasText("苏州精密模具" + unique + "有限公司");
        assertThat(page.locator("a[href='tel:13800001111']")).isVisible();
        goTo("客户");
        page.getByLabel("按名称、联系人或电话搜索").fill("精密模具" + unique);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("搜索")).click();
        Locator list = page.getByTestId("customer-list");
        assertThat(list.getByRole(AriaRole.LISTITEM)).hasCount(1);
        assertThat(list).containsText("苏州精密模具" + unique + "有限公司");
        assertThat(list).containsText("高意向");
    }

    @Test
    void editingACustomerSomeoneElseChangedSaysSoAndReloads() {
        Account rep = Accounts.create("REP", "en");
        String token = Accounts.token(rep);
        String id = customer(token, "Concurrent " + suffix(), null);
        open("en-US");
        signIn(rep);
        page.navigate("/customers/" + id + "/edit");
        page.getByLabel("Industry").fill("Moulds");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("industry", "Pumps"))
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Someone else changed this customer");
        assertThat(page.getByLabel("Industry")).hasValue("Pumps");
    }

    @Test
    void managerSeesARepsLoadAndTheirCheckInsLiveWithTheVerdict() {
        Account manager = Accounts.create("MANAGER", "en");
        Account rep = Accounts.create("REP", "en");
        Accounts.makeManagerOf(manager, rep);
        String repToken = Accounts.token(rep);
        String customerName = "Neglected " + suffix();
        String customerId = customer(repToken, customerName, Map.of("lat", LAT, "lng", LNG));
        dueDaysAgo(customerId, 5);
        open("en-US");
        signIn(manager);
        goTo("Team");

        Locator repCard = page.getByTestId("team-reps").getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(rep.displayName()));
        assertThat(repCard).containsText("Overdue1");
        assertThat(page.getByText(customerName)).isVisible();
        repCard.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Overdue customers"))).click();
        assertThat(page.getByTestId("customer-list").getByRole(AriaRole.LISTITEM)).hasCount(1);
        assertThat(page.getByTestId("customer-list")).containsText(customerName);

        page.navigate("/team/feed");
        assertThat(page.getByTestId("feed-state")).hasText("Live: new check-ins appear as they happen.");
        given().auth().oauth2(repToken).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("clientId", UUID.randomUUID().toString(), "customerId", customerId, "clientTime", java.time.Instant.now().toString(),
                        "position", Map.of("lat", LAT + 0.05, "lng", LNG, "accuracy", 10, "fixAge", 1), "purpose", "DEMO"))
                .post("/api/v1/checkins").then().statusCode(201);
        Locator feed = page.getByTestId("feed");
        assertThat(feed).containsText(customerName);
        assertThat(feed).containsText(rep.displayName());
        assertThat(feed.locator(".flag-warn")).containsText("Not verified: too far from the customer's location.");
    }

    @Test
    void workScreensPassAxe() {
        Account manager = Accounts.create("MANAGER", "en");
        String token = Accounts.token(manager);
        String id = customer(token, "Axe " + suffix(), Map.of("lat", LAT, "lng", LNG, "tags", List.of("trade fair"),
                "contacts", List.of(Map.of("name", "Liu Qiang", "title", "Buyer", "phone", "13912345678", "decisionRole", "DECISION_MAKER"))));
        dueDaysAgo(id, 1);
        open("en-US");
        context.grantPermissions(List.of("geolocation"));
        context.setGeolocation(new Geolocation(LAT, LNG).setAccuracy(10));
        signIn(manager);

        assertThat(page.getByTestId("agenda-item")).hasCount(1);
        Axe.assertNoViolations(page, "Today");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Done"))).click();
        Axe.assertNoViolations(page, "Today with the record form");

        page.navigate("/customers");
        assertThat(page.getByTestId("customer-list")).isVisible();
        Axe.assertNoViolations(page, "Customers");
        page.navigate("/customers/" + id);
        assertThat(page.getByTestId("timeline")).containsText("Customer created");
        Axe.assertNoViolations(page, "Customer detail");
        page.navigate("/customers/" + id + "/edit");
        assertThat(heading()).hasText("Edit customer");
        Axe.assertNoViolations(page, "Customer form");
        page.navigate("/checkin");
        assertThat(page.getByTestId("nearby")).isVisible();
        Axe.assertNoViolations(page, "Check-in");
        page.navigate("/team");
        assertThat(page.getByTestId("team-reps")).isAttached();
        Axe.assertNoViolations(page, "Team");
        page.navigate("/team/feed");
        assertThat(page.getByTestId("feed-state")).hasText("Live: new check-ins appear as they happen.");
        Axe.assertNoViolations(page, "Team feed");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String customer(String token, String name, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "grade", "A", "stage", "KEY_ACCOUNT"));
        if (extra != null) {
            body.putAll(extra);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private static String name(String token, String customerId) {
        return given().auth().oauth2(token).get("/api/v1/customers/" + customerId).then().extract().path("name");
    }

    private static String pendingFollowUp(String token, String customerId) {
        return given().auth().oauth2(token).get("/api/v1/customers/" + customerId).then().statusCode(200)
                .extract().path("pendingFollowUp.id");
    }

    private static String followUpStatus(String token, String followUpId) {
        return given().auth().oauth2(token).get("/api/v1/follow-ups/" + followUpId).then().statusCode(200)
                .extract().path("status");
    }

    /** Moves a customer's pending follow-up so that it is due {@code days} days ago (0: today). */
    private void dueDaysAgo(String customerId, int days) {
        pool.preparedQuery("update follow_up set due_on = due_on - $2::int, due_at = due_at - make_interval(days => $2) "
                        + "where customer_id = $1 and status in ('OPEN', 'SNOOZED')")
                .execute(Tuple.of(UUID.fromString(customerId), days + 1)).await().atMost(Duration.ofSeconds(5));
        pool.preparedQuery("update customer set last_touched_at = now() - make_interval(days => $2) where id = $1")
                .execute(Tuple.of(UUID.fromString(customerId), days + 4)).await().atMost(Duration.ofSeconds(5));
    }

    /** The server applies a synced write shortly after the page shows it; waits up to 10 s for the expected value. */
    private void eventually(Supplier<String> actual, String expected) {
        long deadline = System.currentTimeMillis() + 10_000;
        String last = actual.get();
        while (!expected.equals(last) && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(200);
            last = actual.get();
        }
        assertEquals(expected, last);
    }
}
