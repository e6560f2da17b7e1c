package io.canvass.expense;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Budgets with their live usage, the over-budget rule on submission, and pre-approvals. */
@QuarkusTest
class ExpenseBudgetTest {

    private static final String CLAIMS = "/api/v1/expense-claims/";
    private static final String BUDGETS = "/api/v1/expense-budgets/";
    private static final String PRE = "/api/v1/expense-pre-approvals/";

    @Test
    void aClaimThatWouldTakeTheBudgetOverIsRefusedUntilAPreApprovalCoversIt() {
        Expenses.Team t = Expenses.team();
        YearMonth month = Expenses.thisMonth();
        String budget = Expenses.budget(t.id(), "TRAVEL", month, "1000.00", "CNY");
        Expenses.submitted(t.rep(), "TRAVEL", "700.00", "CNY");
        String over = Expenses.draft(t.rep(), "TRAVEL", "386.50", "CNY");

        t.rep().as().post(CLAIMS + over + "/submit").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://canvass.io/problems/unprocessable"))
                .body("detail", containsString("The TRAVEL budget of team " + t.name() + " for " + month + " is CNY 1000.00"))
                .body("detail", containsString("committed 700.00"))
                .body("detail", containsString("would exceed it by CNY 86.50"))
                .body("detail", containsString("pre-approval"));
        t.rep().as().get(CLAIMS + over).then().body("status", equalTo("DRAFT"));
        t.rep().as().get(BUDGETS + budget).then().statusCode(200)
                .body("amount", equalTo("1000.00")).body("committed", equalTo("700.00")).body("spent", equalTo("0.00"))
                .body("remaining", equalTo("300.00"));

        String pre = t.rep().as().body(Map.of("teamId", t.id(), "category", "TRAVEL", "month", month.toString(), "amount", "80.00",
                "currency", "CNY", "reason", "展会期间差旅")).post("/api/v1/expense-pre-approvals")
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
        t.manager().as().body(Map.of()).post(PRE + pre + "/approve").then().statusCode(403);
        Api.TestUser director = Expenses.director();
        director.as().get(CLAIMS + "approvals").then().body("preApprovals.id", hasItem(pre));
        director.as().body(Map.of("comment", "同意")).post(PRE + pre + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo(director.id().toString()));
        director.as().body(Map.of("comment", "again")).post(PRE + pre + "/reject").then().statusCode(409)
                .body("detail", containsString("APPROVED"));
        t.rep().as().post(CLAIMS + over + "/submit").then().statusCode(422).body("detail", containsString("exceed it by CNY 6.50"));

        String more = t.manager().as().body(Map.of("teamId", t.id(), "category", "TRAVEL", "month", month.toString(), "amount", "6.50",
                "currency", "CNY", "reason", "补差")).post("/api/v1/expense-pre-approvals").then().statusCode(201).extract().path("id");
        director.as().body(Map.of()).post(PRE + more + "/approve").then().statusCode(200);
        t.rep().as().post(CLAIMS + over + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        t.rep().as().get(BUDGETS + budget).then().body("preApproved", equalTo("86.50")).body("committed", equalTo("1086.50"))
                .body("remaining", equalTo("0.00"));
    }

    @Test
    void withNoBudgetEveryClaimNeedsAPreApproval() {
        Expenses.Team t = Expenses.team();
        YearMonth month = Expenses.thisMonth();
        Expenses.budget(t.id(), "TRAVEL", month, "1000.00", "CNY");
        String other = Expenses.draft(t.rep(), "OTHER", "45.00", "CNY");
        t.rep().as().post(CLAIMS + other + "/submit").then().statusCode(422)
                .body("detail", containsString("There is no OTHER budget in CNY for team " + t.name() + " in " + month))
                .body("detail", containsString("would exceed it by CNY 45.00"));
        String dollars = Expenses.draft(t.rep(), "TRAVEL", "20.00", "USD");
        t.rep().as().post(CLAIMS + dollars + "/submit").then().statusCode(422)
                .body("detail", containsString("no TRAVEL budget in USD")).body("detail", containsString("by USD 20.00"));

        Api.TestUser director = Expenses.director();
        String pre = t.rep().as().body(Map.of("teamId", t.id(), "category", "OTHER", "month", month.toString(), "amount", "50.00",
                "currency", "CNY", "reason", "打印资料")).post("/api/v1/expense-pre-approvals").then().statusCode(201).extract().path("id");
        director.as().body(Map.of()).post(PRE + pre + "/reject").then().statusCode(400).body("errors[0].field", equalTo("comment"));
        director.as().body(Map.of("comment", "请走行政采购")).post(PRE + pre + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionNote", equalTo("请走行政采购"));
        t.rep().as().post(CLAIMS + other + "/submit").then().statusCode(422);
        String again = t.rep().as().body(Map.of("teamId", t.id(), "category", "OTHER", "month", month.toString(), "amount", "50.00",
                "currency", "CNY", "reason", "客户资料印刷")).post("/api/v1/expense-pre-approvals").then().statusCode(201).extract().path("id");
        director.as().body(Map.of()).post(PRE + again + "/approve").then().statusCode(200);
        t.rep().as().post(CLAIMS + other + "/submit").then().statusCode(200);
    }

    @Test
    void preApprovalsAreScopedAndNobodyDecidesTheirOwn() {
        Expenses.Team t = Expenses.team();
        Expenses.Team other = Expenses.team();
        String month = Expenses.thisMonth().toString();
        t.rep().as().body(Map.of("teamId", other.id(), "category", "TRAINING", "month", month, "amount", "100.00", "currency", "CNY",
                "reason", "x")).post("/api/v1/expense-pre-approvals").then().statusCode(400).body("errors[0].field", equalTo("teamId"));
        t.rep().as().body(Map.of("teamId", t.id(), "category", "TRAINING", "month", "2026-13", "amount", "100.00", "currency", "CNY",
                "reason", "x")).post("/api/v1/expense-pre-approvals").then().statusCode(400).body("errors[0].field", equalTo("month"));
        String pre = t.rep().as().body(Map.of("teamId", t.id(), "category", "TRAINING", "month", month, "amount", "100.00",
                "currency", "CNY", "reason", "外部培训")).post("/api/v1/expense-pre-approvals").then().statusCode(201).extract().path("id");
        other.manager().as().get(PRE + pre).then().statusCode(404);
        other.rep().as().get(PRE + pre).then().statusCode(404);
        other.manager().as().get("/api/v1/expense-pre-approvals").then().statusCode(200).body("items.id", not(hasItem(pre)));
        t.manager().as().get("/api/v1/expense-pre-approvals?status=PENDING").then().statusCode(200).body("items.id", hasItem(pre));

        Api.TestUser director = Expenses.director();
        String own = director.as().body(Map.of("teamId", t.id(), "category", "TRAINING", "month", month, "amount", "100.00",
                "currency", "CNY", "reason", "管理培训")).post("/api/v1/expense-pre-approvals").then().statusCode(201).extract().path("id");
        director.as().body(Map.of()).post(PRE + own + "/approve").then().statusCode(403);
        director.as().get(CLAIMS + "approvals").then().body("preApprovals.id", not(hasItem(own)));
        Api.asAdmin().body(Map.of()).post(PRE + own + "/approve").then().statusCode(200);
        given().get("/api/v1/expense-pre-approvals").then().statusCode(401);
    }

    @Test
    void budgetsAreSetByDirectorsAndAdminsAuditedAndSeenByTheirTeams() {
        Expenses.Team t = Expenses.team();
        Expenses.Team other = Expenses.team();
        YearMonth month = Expenses.thisMonth();
        Map<String, Object> body = Map.of("teamId", t.id(), "category", "MARKETING_EVENTS", "month", month.toString(),
                "amount", "20000.00", "currency", "CNY");
        t.rep().as().body(body).post("/api/v1/expense-budgets").then().statusCode(403);
        t.manager().as().body(body).post("/api/v1/expense-budgets").then().statusCode(403);
        Api.TestUser director = Expenses.director();
        String id = director.as().body(body).post("/api/v1/expense-budgets").then().statusCode(201)
                .body("remaining", equalTo("20000.00")).body("teamName", equalTo(t.name())).extract().path("id");
        director.as().body(body).post("/api/v1/expense-budgets").then().statusCode(409).contentType("application/problem+json");
        director.as().body(Map.of("teamId", t.id(), "category", "TRAINING", "month", month.toString(), "amount", "100.5",
                "currency", "JPY")).post("/api/v1/expense-budgets").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        director.as().body(Map.of("teamId", t.id(), "category", "TRAINING", "month", "12/2026", "amount", "100",
                "currency", "JPY")).post("/api/v1/expense-budgets").then().statusCode(400).body("errors[0].field", equalTo("month"));

        String etag = director.as().get(BUDGETS + id).then().statusCode(200).extract().header("ETag");
        director.as().header("If-Match", "\"7\"").body(Map.of("amount", "1.00")).patch(BUDGETS + id).then().statusCode(412);
        t.manager().as().header("If-Match", etag).body(Map.of("amount", "1.00")).patch(BUDGETS + id).then().statusCode(403);
        director.as().header("If-Match", etag).body(Map.of("amount", "25000.00")).patch(BUDGETS + id).then().statusCode(200)
                .body("amount", equalTo("25000.00")).body("remaining", equalTo("25000.00"));
        Api.asAdmin().get("/api/v1/audit?entityType=expense_budget&entityId=" + id).then().statusCode(200)
                .body("items.action", equalTo(java.util.List.of("expense_budget.created", "expense_budget.updated")))
                .body("items[1].before.amount", equalTo("20000.00")).body("items[1].after.amount", equalTo("25000.00"));

        t.rep().as().get("/api/v1/expense-budgets").then().statusCode(200).body("items.id", hasItem(id));
        t.manager().as().get("/api/v1/expense-budgets?teamId=" + t.id() + "&from=" + month.minusMonths(1) + "&to=" + month)
                .then().statusCode(200).body("items.id", hasItem(id));
        other.rep().as().get("/api/v1/expense-budgets").then().statusCode(200).body("items.id", not(hasItem(id)));
        other.manager().as().get(BUDGETS + id).then().statusCode(404);
        other.manager().as().get("/api/v1/expense-budgets?teamId=" + t.id()).then().statusCode(404);
        t.rep().as().get("/api/v1/expense-budgets?from=" + month + "&to=" + month.minusMonths(1)).then().statusCode(400);
        given().get("/api/v1/expense-budgets").then().statusCode(401);
    }
}
