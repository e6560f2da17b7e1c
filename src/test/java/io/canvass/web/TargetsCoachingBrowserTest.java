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
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Targets, the team dashboard, coaching proposals and the weekly report, as a rep and as their manager use them. */
@QuarkusTest
class TargetsCoachingBrowserTest extends BrowserTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    Pool pool;

    @Test
    void aRepSeesTheirTargetsSubmitsADraftAndTheirWeeklyReport() {
        Account rep = Accounts.create("REP", "en");
        Account manager = Accounts.create("MANAGER", "en");
        Accounts.makeManagerOf(manager, rep);
        String month = YearMonth.now(SHANGHAI).toString();
        String repToken = Accounts.token(rep);
        String managerToken = Accounts.token(manager);
        String visits = post(repToken, "/api/v1/targets", Map.of("period", month, "level", "REP", "userId", rep.id(),
                "metric", "EFFECTIVE_VISITS", "value", 20));
        post(repToken, "/api/v1/targets/" + visits + "/submit", Map.of(), 200);
        post(managerToken, "/api/v1/targets/" + visits + "/approve", null, 200);
        String revenue = post(repToken, "/api/v1/targets", Map.of("period", month, "level", "REP", "userId", rep.id(),
                "metric", "REVENUE", "currency", "CNY", "value", 100000));
        post(repToken, "/api/v1/targets/" + revenue + "/submit", Map.of(), 200);
        post(managerToken, "/api/v1/targets/" + revenue + "/approve", null, 200);
        String customers = post(repToken, "/api/v1/targets", Map.of("period", month, "level", "REP", "userId", rep.id(),
                "metric", "NEW_CUSTOMERS", "value", 4));

        open("en-US");
        signIn(rep);
        assertThat(page.getByTestId("action-card")).containsText("Effective visits");
        assertThat(page.getByTestId("action-card")).containsText("To reach CN¥100,000.00 Revenue this month");
        Axe.assertNoViolations(page, "Today with the action card");
        page.getByTestId("action-card").getByRole(AriaRole.LINK).click();
        assertThat(heading()).hasText("My targets");
        assertThat(page.getByTestId("my-achievements")).containsText("Effective visits");
        assertThat(page.getByTestId("my-achievements")).containsText("0 of 20");
        Locator draft = page.getByTestId("my-plans").locator("li").filter(new Locator.FilterOptions().setHasText("New customers"));
        assertThat(draft).containsText("Draft");
        Axe.assertNoViolations(page, "My targets");
        draft.getByLabel("New customers: target").fill("5");
        draft.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save draft")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Draft saved."))).isVisible();
        page.getByTestId("my-plans").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for approval")).click();
        eventually(() -> targetField(repToken, customers, "status"), "SUBMITTED");
        assertEquals("5", targetField(repToken, customers, "value"));

        goTo("Me");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Weekly report")).click();
        assertThat(heading()).hasText("Weekly report");
        assertThat(page.getByTestId("week-data")).containsText("Effective / all visits");
        Axe.assertNoViolations(page, "Weekly report");
        page.getByLabel("Key customers and actions").fill("Two demos for the line upgrade");
        page.getByLabel("Problems and blockers").fill("Quotes wait a week for approval");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit report")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Report submitted."))).isVisible();
        assertEquals("SUBMITTED", given().auth().oauth2(repToken).get("/api/v1/reports/weekly").then().statusCode(200).extract().path("status"));
        assertThat(page.getByText("Quotes wait a week for approval")).isVisible();

        goTo("Me");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My coaching")).click();
        assertThat(heading()).hasText("My coaching");
        assertThat(page.getByText("No coaching tasks.")).isVisible();
        Axe.assertNoViolations(page, "My coaching");

        for (String managerScreen : new String[] { "/team/dashboard", "/team/targets", "/team/coaching", "/team/proposals", "/team/reports", "/team/money" }) {
            page.navigate(managerScreen);
            assertThat(heading()).hasText("Page not found");
        }
    }

    @Test
    void aManagerApprovesATargetReadsTheDashboardAndAcceptsAProposal() {
        Account rep = Accounts.create("REP", "zh-CN");
        Account manager = Accounts.create("MANAGER", "zh-CN");
        Accounts.makeManagerOf(manager, rep);
        String month = YearMonth.now(SHANGHAI).toString();
        String repToken = Accounts.token(rep);
        String managerToken = Accounts.token(manager);
        String teamId = given().auth().oauth2(managerToken).get("/api/v1/users/" + rep.id()).then().statusCode(200).extract().path("teamId");
        String team = post(managerToken, "/api/v1/targets", Map.of("period", month, "level", "TEAM", "teamId", teamId,
                "metric", "EFFECTIVE_VISITS", "value", 100));
        String repTarget = post(managerToken, "/api/v1/targets", Map.of("parentId", team, "period", month, "level", "REP", "userId", rep.id(),
                "metric", "EFFECTIVE_VISITS", "value", 60));
        post(repToken, "/api/v1/targets/" + repTarget + "/submit", Map.of(), 200);
        for (String stage : new String[] { "INITIAL_INTENT", "INITIAL_INTENT", "HIGH_INTENT" }) {
            post(repToken, "/api/v1/customers", Map.of("name", "漏斗 " + UUID.randomUUID().toString().substring(0, 6), "grade", "B", "stage", stage));
        }
        UUID proposal = UUID.randomUUID();
        LocalDate monday = LocalDate.now(SHANGHAI).with(java.time.DayOfWeek.MONDAY);
        sql("""
                insert into coaching_proposal (id, rep_id, team_id, rule, kind, evidence, evidence_key, window_start, window_end, status)
                values ($1, $2, $3, 'TIME_MANAGEMENT', 'SKILL_TRAINING', $4, $5, $6, $7, 'OPEN')""",
                proposal, UUID.fromString(rep.id()), UUID.fromString(teamId),
                new JsonObject().put("followUpsDue", 6).put("followUpsOnTime", 2).put("onTimeRate", 0.3333).put("threshold", 0.7)
                        .put("teamMedianOnTimeRate", 0.8),
                "d6o2-" + proposal, monday.minusWeeks(4), monday);

        open("zh-CN");
        signIn(manager);
        goTo("团队");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("目标分解")).click();
        assertThat(heading()).hasText("目标分解");
        Locator teamNode = page.getByTestId("target-node").filter(new Locator.FilterOptions().setHasText("团队 · "));
        assertThat(teamNode).containsText("下级合计 60");
        assertThat(teamNode).containsText("余量 40");
        Locator repNode = page.getByTestId("target-node").filter(new Locator.FilterOptions().setHasText(rep.displayName()));
        assertThat(repNode).containsText("待审批");
        Axe.assertNoViolations(page, "目标分解");
        repNode.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("批准 · " + rep.displayName())).click();
        eventually(() -> targetField(managerToken, repTarget, "status"), "APPROVED");
        assertThat(repNode).containsText("已批准");

        goTo("团队");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("团队看板")).click();
        assertThat(heading()).hasText("团队看板");
        assertThat(page.getByText("本期没有已批准的目标。")).isVisible();
        assertThat(page.getByTestId("funnel")).containsText("流失最大");
        assertThat(page.getByTestId("funnel").locator(".flag-warn")).containsText("重点客户");
        assertThat(page.getByTestId("rep-table")).containsText(rep.displayName());
        assertThat(page.getByTestId("rep-table")).containsText("有效拜访 0%");
        assertThat(page.getByTestId("trend")).isVisible();
        Axe.assertNoViolations(page, "团队看板");

        goTo("团队");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("辅导建议")).click();
        assertThat(heading()).hasText("辅导建议");
        Locator card = page.getByTestId("proposal").filter(new Locator.FilterOptions().setHasText(rep.displayName()));
        assertThat(card).containsText("时间管理");
        assertThat(card).containsText("团队中位数");
        assertThat(card).containsText("80%");
        Axe.assertNoViolations(page, "辅导建议");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("采纳 · " + rep.displayName() + " · 时间管理")).click();
        card.getByLabel("标题").fill("每天晨会前排好跟进");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("生成任务")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("辅导任务已生成"))).isVisible();
        assertEquals("ACCEPTED", given().auth().oauth2(managerToken).queryParam("repId", rep.id()).get("/api/v1/coaching-proposals")
                .then().statusCode(200).extract().path("items[0].status"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看辅导任务")).click();
        assertThat(heading()).hasText("辅导任务");
        assertThat(page.getByTestId("coaching-tasks")).containsText("每天晨会前排好跟进");
        Axe.assertNoViolations(page, "辅导任务");

        goTo("团队");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("团队周报")).click();
        assertThat(heading()).hasText("团队周报");
        assertThat(page.getByText("已提交 0 / 1 份")).isVisible();
        assertThat(page.getByTestId("team-reports")).containsText(rep.displayName());
        Axe.assertNoViolations(page, "团队周报");
    }

    private void sql(String statement, Object... args) {
        pool.preparedQuery(statement).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }

    private static String post(String token, String path, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(201).extract().path("id");
    }

    private static void post(String token, String path, Map<String, Object> body, int status) {
        var request = given().auth().oauth2(token);
        if (body != null) { // an action that takes no body (approve) is sent none
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.post(path).then().statusCode(status);
    }

    private static String targetField(String token, String id, String field) {
        return String.valueOf((Object) given().auth().oauth2(token).get("/api/v1/targets/" + id).then().statusCode(200).extract().path(field));
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
