package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin's first hour without Swagger UI: a webhook endpoint made in the app, its failed delivery seen and sent
 * again; a service account whose secret is shown once; a cadence rule changed; the audit log filtered to what
 * was just done; on a phone's width.
 */
@QuarkusTest
class AdminSettingsBrowserTest extends BrowserTest {

    static final String GRADE_C = "/api/v1/cadence-policies/GRADE/C";

    @Inject
    Vertx vertx;

    HttpServer receiver;
    final AtomicInteger answer = new AtomicInteger(500);
    final AtomicInteger received = new AtomicInteger();
    Account admin;
    String adminToken;
    Map<String, Object> gradeC;

    @BeforeEach
    void setUp() throws Exception {
        receiver = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    received.incrementAndGet();
                    request.response().setStatusCode(answer.get()).end();
                }))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        admin = Accounts.create("ADMIN", "en");
        adminToken = Accounts.token(admin);
        gradeC = given().auth().oauth2(adminToken).get("/api/v1/cadence-policies").then().statusCode(200)
                .extract().jsonPath().getMap("items.find { it.kind == 'GRADE' && it.code == 'C' }");
    }

    /** The cadence policy is shared by the whole app: put grade C back. */
    @AfterEach
    void tearDown() throws Exception {
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("intervalDays", gradeC.get("intervalDays"), "missAfterDays", gradeC.get("missAfterDays")))
                .put(GRADE_C).then().statusCode(200);
        receiver.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void openAdmin(String name) {
        goTo("Me");
        page.getByTestId("me-admin").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
        assertThat(heading()).hasText(name);
    }

    private static void until(String what, Supplier<Boolean> condition) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.get()) {
            assertTrue(Instant.now().isBefore(giveUp), "never happened: " + what);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void customerCreated() {
        Account rep = Accounts.create("REP", "en");
        given().auth().oauth2(Accounts.token(rep)).contentType(ContentType.JSON)
                .body(Map.of("name", "Webhook customer " + UUID.randomUUID(), "grade", "B", "stage", "INITIAL_INTENT", "lat", 31.23, "lng", 121.47))
                .post("/api/v1/customers").then().statusCode(201);
    }

    @Test
    void anAdminSetsUpIntegrationsAndSettingsAndFindsItInTheAuditLog() {
        open("en-US");
        page.onDialog(dialog -> dialog.accept());
        signIn(admin);

        // a webhook endpoint, its secret shown once
        openAdmin("Webhooks");
        String description = "ERP " + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("URL (https)").fill("http://localhost:" + receiver.actualPort() + "/hooks");
        page.getByLabel("Description").fill(description);
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^customer\\.created\\b"))).check();
        Axe.assertNoViolations(page, "Webhooks");
        button("Create").click();
        assertThat(page.getByTestId("secret-value")).containsText("whsec_");
        assertThat(page.getByTestId("endpoint").filter(new Locator.FilterOptions().setHasText(description))).isVisible();
        button("I have saved it").click();
        assertThat(page).hasURL(Pattern.compile("/admin/webhooks/[0-9a-f-]{36}$"));
        assertThat(heading()).hasText(description);
        assertThat(page.getByTestId("secret")).hasCount(0);
        String endpointId = page.url().replaceAll(".*/", "");

        // an event the receiver refuses: the failed delivery with its attempts and response code, then sent again
        customerCreated();
        until("a failed delivery", () -> given().auth().oauth2(adminToken)
                .get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries?status=FAILED").then().statusCode(200)
                .extract().jsonPath().getList("items").size() > 0);
        page.reload();
        page.getByLabel("Status").selectOption("FAILED");
        Locator failed = page.getByTestId("delivery").first();
        assertThat(failed.getByTestId("delivery-status")).hasText("Failed");
        assertThat(failed).containsText("customer.created");
        assertThat(failed).containsText("500");
        Axe.assertNoViolations(page, "Webhook endpoint with deliveries");
        answer.set(204);
        int before = received.get();
        failed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Send again"))).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Queued to be sent again."))).isVisible();
        until("the redelivery reached the receiver", () -> received.get() > before);
        until("the redelivery is recorded as delivered", () -> given().auth().oauth2(adminToken)
                .get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries?status=DELIVERED").then().statusCode(200)
                .extract().jsonPath().getList("items").size() > 0);
        page.getByLabel("Status").selectOption("DELIVERED");
        assertThat(page.getByTestId("delivery-status").first()).hasText("Delivered");

        // a service account: the secret once, then never again
        openAdmin("Service accounts");
        String account = "Payroll " + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Name").fill(account);
        page.getByLabel("Payroll: export commission statements").first().check();
        button("Create").click();
        assertThat(page.getByTestId("secret")).containsText("Secret of " + account);
        String secret = page.getByTestId("secret-value").textContent();
        assertTrue(secret.length() >= 32, "a whole secret is shown: " + secret);
        Locator listed = page.getByTestId("service-account").filter(new Locator.FilterOptions().setHasText(account));
        assertThat(listed).containsText("Active");
        assertThat(listed.getByLabel("Payroll: export commission statements")).isChecked();
        Axe.assertNoViolations(page, "Service accounts with a new secret");
        button("I have saved it").click();
        assertThat(page.getByTestId("secret")).hasCount(0);
        page.reload();
        assertThat(heading()).hasText("Service accounts");
        assertThat(page.getByTestId("service-account").first()).isVisible();
        assertThat(page.getByText(secret)).hasCount(0);

        // a cadence rule
        openAdmin("Follow-up cadence");
        Locator c = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Grade C · long tail"));
        c.getByLabel("Every (days)").fill("10");
        c.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Grade C · long tail saved."))).isVisible();
        assertEquals(10, (Integer) given().auth().oauth2(adminToken).get("/api/v1/cadence-policies").then()
                .extract().jsonPath().get("items.find { it.kind == 'GRADE' && it.code == 'C' }.intervalDays"));
        Axe.assertNoViolations(page, "Cadence");

        // the audit log, filtered to the endpoint and today, on a 320-pixel phone
        page.setViewportSize(320, 640);
        openAdmin("Audit log");
        page.getByLabel("Record type").fill("webhook_endpoint");
        page.getByLabel("Record id").fill(endpointId);
        page.getByLabel("From").fill(LocalDate.now(ZoneId.systemDefault()).toString());
        button("Show").click();
        assertThat(page).hasURL(Pattern.compile("/admin/audit\\?.*entityId=" + endpointId));
        Locator entries = page.getByTestId("audit-entry");
        assertThat(entries).hasCount(1);
        assertThat(entries.first()).containsText("webhook.created");
        assertThat(entries.first()).containsText(admin.displayName());
        assertThat(entries.first().getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^description")))).containsText(description);
        Axe.assertNoViolations(page, "Audit log filtered");
        assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= 320"), "nothing wider than the phone");

        page.getByLabel("Record type").fill("cadence_policy");
        page.getByLabel("Record id").fill("GRADE:C");
        button("Show").click();
        assertThat(entries.last()).containsText("cadence_policy.updated");
        assertThat(entries.last().getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(Pattern.compile("^intervalDays"))))
                .containsText("10");
        assertEquals(List.of(), policyReports);
    }

    @Test
    void anAdminSetsTheOrganisationsQuietHoursAndDailyCapAndReadsHowTheCapWorks() {
        Map<String, Object> before = given().auth().oauth2(adminToken).get("/api/v1/reminder-settings").then().statusCode(200)
                .extract().as(Map.class);
        try {
            open("en-US");
            signIn(admin);
            openAdmin("Reminder defaults");
            assertThat(page.getByText("Money, renewal and approval reminders and the managers' morning digest are never held back by the cap"))
                    .isVisible();
            page.getByLabel("Quiet hours").check();
            page.getByLabel("From").fill("21:30");
            page.getByLabel("Until").fill("07:30");
            page.getByLabel("Reminders per person and day").fill("15");
            Axe.assertNoViolations(page, "Reminder defaults");
            button("Save").click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Reminder defaults saved."))).isVisible();
            given().auth().oauth2(adminToken).get("/api/v1/reminder-settings").then().statusCode(200)
                    .body("quietStart", org.hamcrest.Matchers.equalTo("21:30:00"))
                    .body("dailyCap", org.hamcrest.Matchers.equalTo(15));

            page.reload();
            assertThat(page.getByLabel("Until")).hasValue("07:30");
            assertThat(page.getByLabel("Reminders per person and day")).hasValue("15");
        } finally {
            Map<String, Object> restore = new java.util.HashMap<>();
            restore.put("quietStart", before.get("quietStart"));
            restore.put("quietEnd", before.get("quietEnd"));
            restore.put("dailyCap", before.get("dailyCap"));
            given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(restore).put("/api/v1/reminder-settings")
                    .then().statusCode(200);
        }
    }

    @Test
    void aDirectorReadsTheAuditLogInChineseButNotTheAdminsSettings() {
        Account director = Accounts.create("DIRECTOR", "zh-CN");
        open("zh-CN");
        signIn(director);
        goTo("我的");
        Locator links = page.getByTestId("me-admin");
        for (String adminOnly : new String[] { "服务账号", "Webhook", "跟进节奏", "提醒默认设置" }) {
            assertThat(links.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(adminOnly))).hasCount(0);
        }
        links.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("审计日志")).click();
        assertThat(heading()).hasText("审计日志");
        assertThat(button("查询")).isVisible();
        assertThat(page.getByTestId("audit-entry").first()).isVisible();
        Axe.assertNoViolations(page, "Audit log (zh-CN)");

        page.navigate("/admin/reminders");
        assertThat(heading()).hasText("页面不存在");
        assertThat(page.getByTestId("reminder-settings")).hasCount(0);
    }
}
