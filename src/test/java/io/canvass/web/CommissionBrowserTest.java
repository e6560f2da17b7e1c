package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.testing.Api;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A rep opens this month's commission statement; their manager reads the honours board and the team's statements. */
@QuarkusTest
class CommissionBrowserTest extends BrowserTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    Pool pool;

    @Test
    void aRepOpensTheirStatementAndTheirManagerSeesTheHonoursBoard() {
        Account rep = Accounts.create("REP", "en");
        Account manager = Accounts.create("MANAGER", "en");
        Accounts.makeManagerOf(manager, rep);
        UUID repId = UUID.fromString(rep.id());
        UUID team = UUID.fromString(given().auth().oauth2(Accounts.token(manager)).get("/api/v1/users/" + rep.id())
                .then().statusCode(200).extract().path("teamId"));
        Api.asAdmin().body(Map.of("name", "Browser plan", "periodKind", "MONTH", "teamId", team, "base", "REVENUE_WON", "currency", "CNY",
                "tiers", List.of(Map.of("from", 0, "to", 80, "rate", 0), Map.of("from", 80, "to", 100, "rate", 2),
                        Map.of("from", 100, "to", 120, "rate", 3), Map.of("from", 120, "rate", 3, "extraRate", 2))))
                .post("/api/v1/commission/plans").then().statusCode(201);
        LocalDate month = LocalDate.now(SHANGHAI).withDayOfMonth(1);
        sql("""
                insert into target (id, period_kind, period_start, period_end, level, team_id, user_id, metric, value, currency, status)
                values ($1, 'MONTH', $2, $3, 'REP', $4, $5, 'REVENUE', 100000, 'CNY', 'APPROVED')""",
                UUID.randomUUID(), month, month.plusMonths(1), team, repId);
        UUID customer = UUID.randomUUID();
        sql("insert into customer (id, name, owner_id, team_id, grade, stage) values ($1, '宁波港机械', $2, $3, 'B', 'WON')", customer, repId, team);
        OffsetDateTime justNow = OffsetDateTime.now().minusMinutes(1);
        for (String amount : new String[] { "60000", "50000" }) {
            sql("insert into deal (id, customer_id, name, amount, currency, stage, closed_at) values ($1, $2, '产线改造', $3, 'CNY', 'WON', $4)",
                    UUID.randomUUID(), customer, new BigDecimal(amount), justNow);
        }

        open("en-US");
        signIn(rep);
        goTo("Me");
        assertThat(page.getByTestId("honours")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My commission")).click();
        assertThat(heading()).hasText("Commission statement");
        Locator statement = page.getByTestId("statement");
        assertThat(page.getByTestId("statement-status")).hasText("Live");
        assertThat(page.getByTestId("achievement")).hasText("110 %");
        assertThat(page.getByTestId("tier")).hasText("100 %–120 %: 3 % of the base");
        assertThat(page.getByTestId("statement-lines").locator("tbody tr")).hasCount(3);
        assertThat(page.getByTestId("statement-lines")).containsText("宁波港机械 · 产线改造");
        assertThat(page.getByTestId("statement-total")).containsText("3,300.00");
        assertThat(statement).containsText("Browser plan");
        Axe.assertNoViolations(page, "Commission statement");
        for (String managerScreen : new String[] { "/team/commission", "/commission/plans" }) {
            page.navigate(managerScreen);
            assertThat(heading()).hasText("Page not found");
        }
        closeContext();

        open("en-US");
        signIn(manager);
        goTo("Team");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team dashboard")).click();
        assertThat(heading()).hasText("Team dashboard");
        assertThat(page.getByTestId("honour-topSeller")).containsText(rep.displayName());
        assertThat(page.getByTestId("honour-topSeller")).containsText("110,000.00 in 2 deals");
        assertThat(page.getByTestId("honour-mostImproved")).containsText("Nobody yet");
        Axe.assertNoViolations(page, "Team dashboard with honours");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team commission statements")).click();
        assertThat(heading()).hasText("Team commission");
        Locator row = page.getByTestId("team-statements").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(rep.displayName()));
        assertThat(row).containsText("110 %");
        assertThat(row).containsText("3,300.00");
        Axe.assertNoViolations(page, "Team commission");
        row.getByRole(AriaRole.LINK).click();
        assertThat(heading()).hasText("Commission statement");
        assertThat(page.getByTestId("statement-total")).containsText("3,300.00");
    }

    private void sql(String statement, Object... args) {
        pool.preparedQuery(statement).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }
}
