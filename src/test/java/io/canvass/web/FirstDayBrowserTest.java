package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.notify.Reminders;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a new user met on their first day: the customer's history, the manager's live feed, switching language, and a Today that holds still. */
@QuarkusTest
class FirstDayBrowserTest extends BrowserTest {

    private static final double LAT = 31.2304;
    private static final double LNG = 121.4737;

    @Inject
    Pool pool;

    @Inject
    Reminders reminders;

    @Test
    void aVerifiedVisitAppearsOnceInTheCustomersHistoryWithItsOwnTitle() {
        Account rep = Accounts.create("REP", "en");
        String token = Accounts.token(rep);
        String name = "History " + suffix();
        String customerId = customer(token, name);
        checkIn(token, customerId, LAT, "Showed the new line");

        open("en-US");
        signIn(rep);
        openCustomer(customerId, name);
        Locator entries = page.getByTestId("timeline").getByRole(AriaRole.LISTITEM);
        assertThat(entries).hasCount(2);
        assertThat(entries.first()).containsText("Visit, verified at the customer");
        assertThat(entries.first()).containsText("Showed the new line");
        assertThat(entries.nth(1)).containsText("Customer created");
        assertThat(page.getByTestId("timeline")).not().containsText("Deleted");
        context.close();

        Account chinese = Accounts.create("REP", "zh-CN");
        String chineseToken = Accounts.token(chinese);
        String farName = "历史 " + suffix();
        String farCustomer = customer(chineseToken, farName);
        checkIn(chineseToken, farCustomer, LAT + 0.05, "远处签到");
        open("zh-CN");
        signIn(chinese);
        openCustomer(farCustomer, farName);
        entries = page.getByTestId("timeline").getByRole(AriaRole.LISTITEM);
        assertThat(entries).hasCount(2);
        assertThat(entries.first()).containsText("拜访（未核实）");
        assertThat(entries.first()).containsText("距离客户位置太远");
        assertThat(page.getByTestId("timeline")).not().containsText("删除或恢复");
    }

    /** Opens a customer's page and waits until it shows the customer (a cold start loads the language first). */
    private void openCustomer(String id, String name) {
        page.navigate("/customers/" + id);
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setName(name)))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
    }

    @Test
    void theLiveFeedNamesTheRepOfVisitsMadeBeforeItOpened() {
        Account manager = Accounts.create("MANAGER", "en");
        Account rep = Accounts.create("REP", "en");
        Accounts.makeManagerOf(manager, rep);
        String repToken = Accounts.token(rep);
        String customerName = "Earlier " + suffix();
        checkIn(repToken, customer(repToken, customerName), LAT, "Before the feed opened");

        open("en-US");
        signIn(manager);
        page.navigate("/team/feed");
        Locator row = page.getByTestId("feed").getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(customerName));
        assertThat(row).hasCount(1);
        assertThat(row).containsText(rep.displayName());
    }

    @Test
    void switchingToEnglishTurnsTheAgendaReasonsAndTheInboxEnglishAtOnce() {
        Account rep = Accounts.create("REP", "zh-CN");
        String token = Accounts.token(rep);
        String customerName = "Language " + suffix();
        String customerId = customer(token, customerName);
        dueDaysAgo(customerId, 3);
        reminders.schedule(UUID.fromString(rep.id()), "FOLLOW_UP_OVERDUE", Map.of("customer", customerName, "dueOn", "2026-11-20"));
        reminders.dispatchAll();

        open("zh-CN");
        signIn(rep);
        assertThat(page.getByTestId("agenda-item").first()).containsText("已逾期 3 天");
        AtomicInteger refreshes = new AtomicInteger();
        page.onRequest(request -> {
            if (request.url().contains("/api/v1/auth/")) {
                refreshes.incrementAndGet();
            }
        });

        goTo("我的");
        page.getByRole(AriaRole.RADIO, new com.microsoft.playwright.Page.GetByRoleOptions().setName("English")).check();
        goTo("Today");
        assertThat(page.getByTestId("agenda-item").first()).containsText("overdue 3 days");
        page.getByTestId("inbox-link").click();
        assertThat(page.getByText("Overdue: " + customerName)).isVisible();
        assertThat(page.getByText("已逾期：" + customerName)).hasCount(0);
        assertEquals(0, refreshes.get(), "the English came without a new token or signing in again");
    }

    @Test
    void todayDoesNotMoveWhenTheTargetsCardArrivesAndTheAgendaComesFirstOnASmallPhone() {
        Account rep = Accounts.create("REP", "en");
        Account manager = Accounts.create("MANAGER", "en");
        Accounts.makeManagerOf(manager, rep);
        String token = Accounts.token(rep);
        String target = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("period", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString(), "level", "REP", "userId", rep.id(),
                        "metric", "EFFECTIVE_VISITS", "value", 20))
                .post("/api/v1/targets").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/targets/" + target + "/submit")
                .then().statusCode(200);
        given().auth().oauth2(Accounts.token(manager))
                .post("/api/v1/targets/" + target + "/approve").then().statusCode(200);
        String customerName = "Small screen " + suffix();
        dueDaysAgo(customer(token, customerName), 2);

        open("en-US");
        page.setViewportSize(320, 568);
        signIn(rep);
        assertThat(page.getByTestId("action-card")).isVisible();

        // Next morning: the agenda comes from the phone's cache at once, the targets card from the network later.
        List<Route> held = new CopyOnWriteArrayList<>();
        page.route("**/api/v1/kpis/me/actions", held::add);
        page.reload();
        Locator first = page.getByTestId("agenda-item").first();
        assertThat(first).containsText(customerName);
        page.waitForCondition(() -> !held.isEmpty());
        held.forEach(Route::resume);
        assertThat(page.getByTestId("action-card")).containsText("Effective visits");

        double shift = ((Number) page.evaluate("""
                () => new Promise((resolve) => {
                  let sum = 0;
                  new PerformanceObserver((list) => {
                    for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
                  }).observe({ type: 'layout-shift', buffered: true });
                  requestAnimationFrame(() => requestAnimationFrame(() => resolve(sum)));
                })""")).doubleValue();
        assertTrue(shift <= 0.1, "Today's layout shift is " + shift + ", more than 0.1");
        assertTrue(first.boundingBox().y + 40 < 568, "the first follow-up starts on the first screen at 320 × 568");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String customer(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "grade", "A", "stage", "KEY_ACCOUNT", "lat", LAT, "lng", LNG))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private static void checkIn(String token, String customerId, double lat, String outcome) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("clientId", UUID.randomUUID().toString(), "customerId", customerId,
                        "clientTime", Instant.now().minusSeconds(30).toString(),
                        "position", Map.of("lat", lat, "lng", LNG, "accuracy", 10, "fixAge", 1), "purpose", "DEMO", "outcome", outcome))
                .post("/api/v1/checkins").then().statusCode(201);
    }

    /** Moves a customer's pending follow-up so that it is due {@code days} days ago. */
    private void dueDaysAgo(String customerId, int days) {
        pool.preparedQuery("update follow_up set due_on = due_on - $2::int, due_at = due_at - make_interval(days => $2) "
                        + "where customer_id = $1 and status in ('OPEN', 'SNOOZED')")
                .execute(Tuple.of(UUID.fromString(customerId), days + 1)).await().atMost(Duration.ofSeconds(5));
    }
}
