package io.canvass.expense;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expense report on hand-built data whose figures are known. */
@QuarkusTest
class ExpenseReportTest {

    private static String wonDeal(Api.TestUser rep, String customer) {
        String deal = rep.as().body(Map.of("customerId", customer, "name", Api.unique("deal"), "amount", "10000.00", "currency", "CNY"))
                .post("/api/v1/deals").then().statusCode(201).extract().path("id");
        rep.as().body(Map.of("stage", "WON")).post("/api/v1/deals/" + deal + "/stage").then().statusCode(200);
        return deal;
    }

    @Test
    void spendAgainstBudgetAndReturnOnSpendForATeamAndTheTeamsBelowIt() {
        Expenses.Team parent = Expenses.team();
        Expenses.Team child = Expenses.team(parent.id());
        Api.TestUser finance = Expenses.finance();
        YearMonth month = Expenses.thisMonth();
        Expenses.budget(parent.id(), "TRAVEL", month, "1000.00", "CNY");
        Expenses.budget(parent.id(), "CLIENT_ENTERTAINMENT", month, "10000", "JPY");
        Expenses.budget(child.id(), "TRAINING", month, "500.00", "CNY");

        Expenses.paid(parent, finance, "TRAVEL", "300.00", "CNY");
        Expenses.submitted(parent.rep(), "TRAVEL", "50.00", "CNY");
        Expenses.draft(parent.rep(), "TRAVEL", "999.00", "CNY");
        Expenses.paid(parent, finance, "CLIENT_ENTERTAINMENT", "1000", "JPY");
        Expenses.paid(child, finance, "TRAINING", "100.00", "CNY");

        String c1 = Money.customer(parent.rep());
        String c2 = Money.customer(parent.rep());
        String c3 = Money.customer(child.rep());
        wonDeal(parent.rep(), c1);
        wonDeal(child.rep(), c3);
        String lost = parent.rep().as().body(Map.of("customerId", c2, "name", "lost", "amount", "5.00", "currency", "CNY"))
                .post("/api/v1/deals").then().statusCode(201).extract().path("id");
        parent.rep().as().body(Map.of("stage", "LOST", "reason", "预算冻结")).post("/api/v1/deals/" + lost + "/stage").then().statusCode(200);

        YearMonth to = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        JsonPath all = parent.manager().as().get("/api/v1/expenses/report?team=" + parent.id() + "&from=" + month + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(2, all.getInt("wonDeals"));
        org.junit.jupiter.api.Assertions.assertEquals(3, all.getInt("newCustomers"));
        org.junit.jupiter.api.Assertions.assertEquals(3, all.getList("rows").size(), all.prettify());
        Map<String, Object> travel = all.getMap("rows.find { it.teamId == '" + parent.id() + "' && it.category == 'TRAVEL' }");
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("teamId", parent.id().toString(), "teamName", parent.name(), "category", "TRAVEL",
                "month", month.toString(), "currency", "CNY", "budget", "1000.00", "preApproved", "0.00", "spent", "300.00",
                "committed", "50.00", "remaining", "650.00"), travel);
        Map<String, Object> training = all.getMap("rows.find { it.teamId == '" + child.id() + "' }");
        org.junit.jupiter.api.Assertions.assertEquals("100.00", training.get("spent"));
        org.junit.jupiter.api.Assertions.assertEquals("400.00", training.get("remaining"));
        Map<String, Object> yen = all.getMap("rows.find { it.currency == 'JPY' }");
        org.junit.jupiter.api.Assertions.assertEquals("1000", yen.get("spent"));
        org.junit.jupiter.api.Assertions.assertEquals("9000", yen.get("remaining"));

        org.junit.jupiter.api.Assertions.assertEquals(Map.of("currency", "CNY", "spend", "400.00", "wonDeals", 2, "newCustomers", 3,
                "spendPerWonDeal", "200.00", "spendPerNewCustomer", "133.33"), all.getMap("returnOnSpend.find { it.currency == 'CNY' }"));
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("currency", "JPY", "spend", "1000", "wonDeals", 2, "newCustomers", 3,
                "spendPerWonDeal", "500", "spendPerNewCustomer", "333"), all.getMap("returnOnSpend.find { it.currency == 'JPY' }"));

        child.manager().as().get("/api/v1/expenses/report?team=" + child.id() + "&from=" + month + "&to=" + to).then().statusCode(200)
                .body("wonDeals", equalTo(1)).body("newCustomers", equalTo(1)).body("rows.size()", equalTo(1))
                .body("returnOnSpend[0].spend", equalTo("100.00")).body("returnOnSpend[0].spendPerWonDeal", equalTo("100.00"));
        child.manager().as().get("/api/v1/expenses/report?team=" + parent.id()).then().statusCode(404);
        parent.rep().as().get("/api/v1/expenses/report?team=" + parent.id()).then().statusCode(403);
        finance.as().get("/api/v1/expenses/report?team=" + parent.id() + "&from=" + month + "&to=" + to).then().statusCode(200)
                .body("wonDeals", equalTo(2));
        parent.manager().as().get("/api/v1/expenses/report?from=" + to + "&to=" + to.minusMonths(1)).then().statusCode(400);
        parent.manager().as().get("/api/v1/expenses/report?from=" + to.minusMonths(24) + "&to=" + to).then().statusCode(400);
        parent.manager().as().get("/api/v1/expenses/report?from=last-month").then().statusCode(400);
        given().get("/api/v1/expenses/report").then().statusCode(401);
    }
}
