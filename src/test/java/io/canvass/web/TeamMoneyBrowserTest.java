package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A manager's first look at the team's money: Today's card, the team list with its filters, offline, a contract. */
@QuarkusTest
class TeamMoneyBrowserTest extends BrowserTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pool pool;

    @Test
    void aManagerSeesTheTeamsOverdueCollectionsOnTodayAndOpensTheListAndAContract() {
        Account manager = Accounts.create("MANAGER", "en");
        Account li = Accounts.create("REP", "en");
        Account wang = Accounts.create("REP", "en");
        Accounts.makeManagerOf(manager, li);
        Accounts.makeManagerOf(manager, wang);
        String liToken = Accounts.token(li);
        String wangToken = Accounts.token(wang);
        String oldest = contract(liToken, "Suzhou Precision", "CNY", TODAY.plusMonths(6),
                Map.of("dueOn", TODAY.minusDays(45).toString(), "amount", "60000.00"),
                Map.of("dueOn", TODAY.minusDays(5).toString(), "amount", "40000.00"));
        contract(wangToken, "Ningbo Plastics", "USD", TODAY.plusDays(12), Map.of("dueOn", TODAY.minusDays(100).toString(), "amount", "1200.00"));

        open("en-US");
        signIn(manager);
        Locator card = page.getByTestId("team-money-card");
        assertThat(card.getByTestId("team-money-overdue")).containsText("3 instalments overdue");
        assertThat(card.getByTestId("team-money-overdue")).containsText("100,000.00");
        assertThat(card.getByTestId("team-money-overdue")).containsText("1,200.00");
        assertThat(card.getByTestId("team-money-overdue-item").first()).containsText("100 days overdue");
        assertThat(card.getByTestId("team-money-overdue-item").first()).containsText(wang.displayName());
        assertThat(card.getByTestId("team-money-renewals")).containsText("1 renewal to decide");
        assertThat(page.getByText("Nothing due today")).hasCount(0);
        Axe.assertNoViolations(page, "Today with the team's money");
        waitForServiceWorker();

        goTo("Team");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overdue collections and renewals")).click();
        assertThat(heading()).hasText("Collections and renewals");
        Locator overdue = page.getByTestId("money-overdue").locator("li");
        assertThat(overdue).hasCount(3);
        assertThat(overdue.first()).containsText("Ningbo Plastics");
        assertThat(page.getByTestId("money-renewals")).containsText("Ningbo Plastics");
        page.getByLabel("Days overdue").selectOption("31-90");
        assertThat(overdue).hasCount(1);
        assertThat(overdue.first()).containsText("45 days overdue");
        page.getByLabel("Days overdue").selectOption("");
        page.getByLabel("Rep").selectOption(li.id());
        assertThat(overdue).hasCount(2);
        assertThat(page.getByTestId("money-totals")).not().containsText("1,200.00");
        page.getByLabel("Rep").selectOption("");
        assertThat(overdue).hasCount(3);
        Axe.assertNoViolations(page, "Team collections and renewals");
        page.setViewportSize(320, 720);
        assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= 320"), "no sideways scrolling at 320 px");

        // offline: the list kept on the phone, and how old it is
        goOffline();
        goTo("Today");
        goTo("Team");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overdue collections and renewals")).click();
        assertThat(page.getByTestId("as-of")).containsText("Offline: as of");
        assertThat(overdue).hasCount(3);
        goOnline();

        overdue.filter(new Locator.FilterOptions().setHasText("60,000.00")).getByRole(AriaRole.LINK).click();
        assertThat(heading()).containsText(oldest);
    }

    @Test
    void inChineseOnANarrowPhoneTodayHoldsStillWhileTheCardLoads() {
        Account manager = Accounts.create("MANAGER", "zh-CN");
        Account rep = Accounts.create("REP", "zh-CN");
        Accounts.makeManagerOf(manager, rep);
        contract(Accounts.token(rep), "苏州精工机械", "CNY", TODAY.minusDays(2), Map.of("dueOn", TODAY.minusDays(20).toString(), "amount", "8800.00"));
        // the manager's own follow-up, overdue: the agenda comes first, the card after it
        String own = given().auth().oauth2(Accounts.token(manager)).contentType(ContentType.JSON)
                .body(Map.of("name", "经理自己的客户 " + UUID.randomUUID().toString().substring(0, 4), "grade", "A", "stage", "KEY_ACCOUNT"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        pool.preparedQuery("update follow_up set due_on = due_on - 4, due_at = due_at - interval '4 days' where customer_id = $1 and status = 'OPEN'")
                .execute(Tuple.of(UUID.fromString(own))).await().atMost(Duration.ofSeconds(5));

        open("zh-CN");
        page.setViewportSize(320, 720);
        signIn(manager);
        Locator card = page.getByTestId("team-money-card");
        assertThat(card.getByRole(AriaRole.HEADING)).hasText("团队回款与续约");
        assertThat(card.getByTestId("team-money-overdue")).containsText("1 笔回款逾期");
        assertThat(card.getByTestId("team-money-renewals")).containsText("1 份合同待定续约");
        assertThat(card.getByTestId("team-money-renewal-item")).containsText("已到期 2 天");
        assertThat(page.getByTestId("agenda-item")).hasCount(1);
        assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= 320"), "no sideways scrolling at 320 px");
        Axe.assertNoViolations(page, "Today with the team's money, zh-CN, 320 px");

        // next morning: the agenda from the phone's cache at once, the team's money from the network later
        List<Route> held = new CopyOnWriteArrayList<>();
        page.route("**/api/v1/collections/overdue*", held::add);
        page.reload();
        Locator first = page.getByTestId("agenda-item").first();
        assertThat(first).containsText("经理自己的客户");
        page.waitForCondition(() -> !held.isEmpty());
        held.forEach(Route::resume);
        assertThat(card.getByTestId("team-money-overdue")).containsText("1 笔回款逾期");
        double shift = ((Number) page.evaluate("""
                () => new Promise((resolve) => {
                  let sum = 0;
                  new PerformanceObserver((list) => list.getEntries().filter((e) => !e.hadRecentInput).forEach((e) => { sum += e.value; }))
                      .observe({ type: 'layout-shift', buffered: true });
                  setTimeout(() => resolve(sum), 300);
                })""")).doubleValue();
        System.out.println("Today layout shift (manager, zh-CN, 320 px, the card held back): " + shift);
        assertTrue(shift <= 0.1, "Today's layout shift while loading is " + shift + ", more than Lighthouse's 0.1");
        assertTrue(first.boundingBox().y + 40 < 720, "the manager's own follow-up starts on the first screen at 320 px");
    }

    /** An active contract with a collection plan; returns its number. */
    @SafeVarargs
    private static String contract(String token, String customerName, String currency, LocalDate endsOn, Map<String, Object>... instalments) {
        String customer = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", customerName + " " + UUID.randomUUID().toString().substring(0, 4), "grade", "A", "stage", "KEY_ACCOUNT"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String number = "HT-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "number", number, "value", "500000", "currency", currency,
                        "startsOn", endsOn.minusYears(1).plusDays(1).toString(), "endsOn", endsOn.toString(), "status", "ACTIVE",
                        "plan", Map.of("instalments", List.of(instalments))))
                .post("/api/v1/contracts").then().statusCode(201);
        return number;
    }
}
