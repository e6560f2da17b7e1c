package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A rep files an expense claim with a photographed receipt; the manager finds it in Today and approves it. */
@QuarkusTest
class ExpenseBrowserTest extends BrowserTest {

    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void aRepFilesAClaimWithAReceiptAndTheManagerApprovesIt() {
        Accounts.Account rep = Accounts.create("REP", "en");
        Accounts.Account manager = Accounts.create("MANAGER", "en");
        Accounts.makeManagerOf(manager, rep);
        String repToken = Accounts.token(rep);
        String teamId = given().auth().oauth2(repToken).get("/api/v1/me").then().statusCode(200).extract().path("teamId");
        // the claim is dated today where the browser runs; a budget for that month (and the server's, should they differ)
        Set<YearMonth> months = new TreeSet<>(java.util.List.of(YearMonth.now(), YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai")))));
        for (YearMonth month : months) {
            Api.asAdmin().body(Map.of("teamId", teamId, "category", "TRAVEL", "month", month.toString(), "amount", "2000.00",
                    "currency", "CNY")).post("/api/v1/expense-budgets").then().statusCode(201);
        }

        open("en-US");
        signIn(rep);
        goTo("Me");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Expenses").setExact(true)).click();
        assertThat(heading()).hasText("Expenses");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New expense claim")).click();
        assertThat(heading()).hasText("New expense claim");
        assertThat(page.getByLabel("Receipts")).hasAttribute("capture", "environment");
        page.getByLabel("Category").selectOption("TRAVEL");
        page.getByLabel("Amount").fill("128.50");
        page.getByLabel("What it was for").fill("High-speed rail to the Suzhou plant");
        page.getByLabel("Receipts").setInputFiles(new FilePayload("receipt.png", "image/png", PNG));
        Axe.assertNoViolations(page, "Expense claim form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and submit")).click();

        assertThat(page.getByTestId("claim-status")).hasText("Waiting for manager");
        assertThat(heading()).containsText("Travel");
        assertThat(heading()).containsText("128.50");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Receipt 1"))).isVisible();
        assertThat(page.getByTestId("claim-history")).containsText("Waiting for manager");
        Axe.assertNoViolations(page, "Expense claim");
        String claimUrl = page.url();
        String claimId = claimUrl.substring(claimUrl.lastIndexOf('/') + 1);
        context.close();

        open("en-US");
        signIn(manager);
        assertThat(page.getByTestId("expense-approvals-card")).containsText("1 claims");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open approvals")).click();
        assertThat(heading()).hasText("Approvals");
        Axe.assertNoViolations(page, "Expense approvals");
        page.getByTestId("expense-claim").getByRole(AriaRole.LINK).click();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Receipt 1"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
        assertThat(page.getByTestId("claim-status")).hasText("Waiting for finance");
        assertEquals("MANAGER_APPROVED", given().auth().oauth2(repToken).get("/api/v1/expense-claims/" + claimId).then()
                .statusCode(200).extract().path("status"));
    }
}
