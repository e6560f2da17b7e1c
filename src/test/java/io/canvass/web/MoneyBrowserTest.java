package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Deals and contracts: Today's renewal and collection items, the radar, recording a payment, the renewal decision, the pipeline. */
@QuarkusTest
class MoneyBrowserTest extends BrowserTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aRepSeesTheContractOnTodayRecordsAPaymentAndDecidesTheRenewal() {
        Account rep = Accounts.create("REP", "en");
        String token = Accounts.token(rep);
        String customerName = "Renewing " + UUID.randomUUID().toString().substring(0, 6);
        String customer = post(token, "/api/v1/customers", Map.of("name", customerName, "grade", "A", "stage", "KEY_ACCOUNT"));
        String number = "HT-" + UUID.randomUUID().toString().substring(0, 8);
        String contract = post(token, "/api/v1/contracts", Map.of("customerId", customer, "number", number, "value", "300.00",
                "currency", "CNY", "startsOn", TODAY.minusMonths(11).toString(), "endsOn", TODAY.plusDays(20).toString(), "status", "ACTIVE",
                "plan", Map.of("instalments", List.of(Map.of("dueOn", TODAY.minusDays(3).toString(), "amount", "100.00"),
                        Map.of("dueOn", TODAY.plusDays(10).toString(), "amount", "200.00")))));

        open("en-US");
        signIn(rep);
        assertThat(page.getByTestId("agenda-collection")).containsText("3 days overdue");
        assertThat(page.getByTestId("agenda-renewal")).containsText("20 days left");
        page.getByTestId("agenda-renewal").getByRole(AriaRole.LINK).click();
        assertThat(heading()).containsText(number);
        assertThat(page.getByTestId("instalments").locator("li").first()).containsText("3 days overdue");
        Axe.assertNoViolations(page, "Contract detail");

        page.getByLabel("Amount (CNY)").fill("40");
        page.getByLabel("Reference").fill("Bank slip 88231");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save payment")).click();
        eventually(() -> field(token, contract, "plan.collected"), "40.00");
        assertThat(page.getByTestId("payments")).containsText("Bank slip 88231");

        page.getByLabel("Not renewing").check();
        page.getByLabel("Why the customer does not renew").fill("Moving to an in-house team");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save decision")).click();
        eventually(() -> field(token, contract, "renewalState"), "CHURNED");

        goTo("Deals");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contracts").setExact(true)).click();
        assertThat(heading()).hasText("Contracts");
        page.getByTestId("band-30").click();
        assertThat(page.getByTestId("radar")).containsText(customerName);
        page.getByTestId("band-7").click();
        assertThat(page.getByText("No contract ends in this window.")).isVisible();
        Axe.assertNoViolations(page, "Contracts and the renewal radar");
    }

    @Test
    void thePipelineShowsDealsByStageAndMovesOne() {
        Account rep = Accounts.create("REP", "zh-CN");
        String token = Accounts.token(rep);
        String customer = post(token, "/api/v1/customers", Map.of("name", "漏斗客户 " + UUID.randomUUID().toString().substring(0, 6), "grade", "B", "stage", "HIGH_INTENT"));
        String deal = post(token, "/api/v1/deals", Map.of("customerId", customer, "name", "二期产线改造", "amount", "860000.00", "currency", "CNY"));

        open("zh-CN");
        signIn(rep);
        goTo("商机合同");
        assertThat(heading()).hasText("销售漏斗");
        Locator qualification = page.getByTestId("stage-QUALIFICATION");
        assertThat(qualification).containsText("1 个商机");
        assertThat(qualification).containsText("860,000.00");
        Axe.assertNoViolations(page, "Pipeline");
        qualification.getByRole(AriaRole.LINK).click();
        assertThat(heading()).hasText("二期产线改造");
        page.getByLabel("新阶段").selectOption("PROPOSAL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("变更阶段")).click();
        eventually(() -> given().auth().oauth2(token).get("/api/v1/deals/" + deal).then().extract().path("stage"), "PROPOSAL");
        Axe.assertNoViolations(page, "Deal detail");
    }

    private static String post(String token, String path, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(201).extract().path("id");
    }

    private static String field(String token, String contract, String path) {
        return String.valueOf(given().auth().oauth2(token).get("/api/v1/contracts/" + contract).then().extract().path(path).toString());
    }

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
