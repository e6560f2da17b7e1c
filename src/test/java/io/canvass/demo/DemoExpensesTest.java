package io.canvass.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's expenses satisfy every database rule and fill the approvers' queues and the budgets. */
@QuarkusTest
class DemoExpensesTest {

    @Inject
    Pool pool;

    @Test
    void theDemoExpensesLoadAndFillQueuesAndBudgets() {
        UUID east = Api.team("demo-east", null);
        UUID south = Api.team("demo-south", null);
        Map<String, DemoCoaching.User> users = new HashMap<>();
        Map<String, Api.TestUser> logins = new HashMap<>();
        for (DemoData.Person p : DemoData.PEOPLE) {
            UUID team = p.team() == 1 ? south : east;
            Api.TestUser u = switch (p.role()) {
                case "MANAGER" -> Api.user("MANAGER", null, Set.of(team), "zh-CN");
                case "DIRECTOR" -> Api.user("DIRECTOR", null, Set.of(), "zh-CN");
                default -> Api.user("REP", team);
            };
            users.put(p.email(), new DemoCoaching.User(u.id(), p.email(), u.teamId() == null ? team : u.teamId()));
            logins.put(p.email(), u);
        }
        Api.TestUser finance = Api.user("REP", Api.team("demo-finance", null));
        Api.asAdmin().body(Map.of("financeApprover", true)).patch("/api/v1/users/" + finance.id()).then().statusCode(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        DemoExpenses.Rows rows = DemoExpenses.generate(users, List.of(east, south), finance.id(), today);
        pool.withTransaction(tx -> DemoExpenses.insert(tx, rows)).await().atMost(Duration.ofSeconds(30));

        Api.TestUser manager = logins.get("manager.east@demo.canvass.io");
        manager.as().get("/api/v1/expense-claims/approvals").then().statusCode(200).body("claims.size()", equalTo(4))
                .body("claims.status", everyItem(equalTo("SUBMITTED")));
        // other tests' claims wait for finance too: count the demo teams' only
        String demoTeams = "{ it.teamId == '" + east + "' || it.teamId == '" + south + "' }";
        finance.as().get("/api/v1/expense-claims/approvals").then().statusCode(200).body("claims.findAll " + demoTeams + ".size()", equalTo(16))
                .body("claims.findAll " + demoTeams + ".status", hasItems("MANAGER_APPROVED", "FINANCE_APPROVED"));
        logins.get("director@demo.canvass.io").as().get("/api/v1/expense-claims/approvals").then().statusCode(200)
                .body("preApprovals.findAll " + demoTeams + ".size()", equalTo(1))
                .body("preApprovals.findAll " + demoTeams + ".status", hasItem("PENDING"));
        logins.get("li.na@demo.canvass.io").as().get("/api/v1/expense-claims").then().statusCode(200)
                .body("items.status", hasItems("DRAFT", "SUBMITTED", "MANAGER_APPROVED", "FINANCE_APPROVED", "RETURNED", "PAID"))
                .body("items.receiptCount", everyItem(equalTo(1)));
        String month = YearMonth.from(today).toString();
        manager.as().get("/api/v1/expense-budgets?teamId=" + east + "&from=" + YearMonth.from(today).minusMonths(1) + "&to=" + month)
                .then().statusCode(200).body("items.size()", equalTo(10)).body("items.month", hasItem(month));
        manager.as().get("/api/v1/expenses/report?team=" + east + "&from=" + YearMonth.from(today).minusMonths(1) + "&to=" + month)
                .then().statusCode(200).body("rows.size()", greaterThan(0)).body("returnOnSpend[0].currency", equalTo("CNY"));
        String returned = logins.get("li.na@demo.canvass.io").as().get("/api/v1/expense-claims?status=RETURNED").then()
                .extract().path("items[0].id");
        logins.get("li.na@demo.canvass.io").as().get("/api/v1/expense-claims/" + returned).then().statusCode(200)
                .body("history.action", equalTo(List.of("CREATED", "SUBMITTED", "RETURNED")))
                .body("actions", hasItem("SUBMIT"));
    }
}
