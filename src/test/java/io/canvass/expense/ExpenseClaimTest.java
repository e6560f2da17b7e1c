package io.canvass.expense;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Expense claims through their workflow, with the role, scope and state checks of every step. */
@QuarkusTest
class ExpenseClaimTest {

    private static final String CLAIMS = "/api/v1/expense-claims/";

    @Test
    void aClaimGoesFromDraftThroughManagerAndFinanceToPaidAndKeepsItsHistory() {
        Expenses.Team t = Expenses.team();
        Api.TestUser finance = Expenses.finance();
        String budget = Expenses.budget(t.id(), "TRAVEL", Expenses.thisMonth(), "1000.00", "CNY");

        String id = t.rep().as().body(Expenses.claimBody("TRAVEL", "386.50", "CNY")).post("/api/v1/expense-claims")
                .then().statusCode(201).header("Location", containsString(id("")))
                .body("status", equalTo("DRAFT")).body("amount", equalTo("386.50")).body("teamId", equalTo(t.id().toString()))
                .body("actions", hasItems("EDIT", "SUBMIT", "DELETE", "UPLOAD_RECEIPT"))
                .extract().path("id");
        t.rep().as().post(CLAIMS + id + "/submit").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("receipt"));
        Expenses.receipt(t.rep(), id).then().statusCode(201).body("contentType", equalTo("image/png"));
        t.rep().as().post(CLAIMS + id + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("actions", equalTo(List.of("WITHDRAW")));

        t.manager().as().get(CLAIMS + "approvals").then().statusCode(200).body("claims.id", hasItem(id));
        t.manager().as().get(CLAIMS + id).then().statusCode(200).body("actions", equalTo(List.of("APPROVE", "RETURN")));
        t.manager().as().body(Map.of("comment", "同意")).post(CLAIMS + id + "/approve").then().statusCode(200)
                .body("status", equalTo("MANAGER_APPROVED"));
        t.manager().as().get(CLAIMS + "approvals").then().body("claims.id", not(hasItem(id)));

        finance.as().get(CLAIMS + "approvals").then().statusCode(200).body("claims.id", hasItem(id));
        finance.as().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(200).body("status", equalTo("FINANCE_APPROVED"))
                .body("actions", equalTo(List.of("PAY", "RETURN")));
        Api.asAdmin().get("/api/v1/expense-budgets/" + budget).then().body("spent", equalTo("386.50"))
                .body("committed", equalTo("0.00")).body("remaining", equalTo("613.50"));
        finance.as().body(Map.of("comment", "已付")).post(CLAIMS + id + "/pay").then().statusCode(200).body("status", equalTo("PAID"))
                .body("paidAt", org.hamcrest.Matchers.notNullValue());

        t.rep().as().get(CLAIMS + id).then().statusCode(200)
                .body("history.action", equalTo(List.of("CREATED", "SUBMITTED", "MANAGER_APPROVED", "FINANCE_APPROVED", "PAID")))
                .body("history.actorId", equalTo(List.of(t.rep().id().toString(), t.rep().id().toString(), t.manager().id().toString(),
                        finance.id().toString(), finance.id().toString())))
                .body("history[2].comment", equalTo("同意"))
                .body("history[4].toStatus", equalTo("PAID"))
                .body("receipts.size()", equalTo(1))
                .body("actions", equalTo(List.of()));
        Api.asAdmin().get("/api/v1/expense-budgets/" + budget).then().body("spent", equalTo("386.50")).body("remaining", equalTo("613.50"));
        finance.as().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("The claim is PAID"));
    }

    @Test
    void eachStepIsTakenOnlyByWhoeverItBelongsTo() {
        Expenses.Team t = Expenses.team();
        Expenses.Team other = Expenses.team();
        Api.TestUser finance = Expenses.finance();
        Api.TestUser colleague = Api.user("REP", t.id());
        Expenses.budget(t.id(), "TRAVEL", Expenses.thisMonth(), "5000.00", "CNY");
        String id = Expenses.submitted(t.rep(), "TRAVEL", "100.00", "CNY");

        t.rep().as().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(403).contentType("application/problem+json");
        colleague.as().get(CLAIMS + id).then().statusCode(404);
        colleague.as().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(404);
        other.manager().as().get(CLAIMS + id).then().statusCode(404);
        other.manager().as().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(404);
        other.manager().as().get(CLAIMS + "approvals").then().body("claims.id", not(hasItem(id)));
        finance.as().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(403)
                .body("detail", containsString("manager"));

        t.manager().as().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(200);
        t.manager().as().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(403)
                .body("detail", containsString("finance"));
        t.manager().as().body(Map.of()).post(CLAIMS + id + "/pay").then().statusCode(409).body("detail", containsString("MANAGER_APPROVED"));
        Api.asAdmin().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(200).body("status", equalTo("FINANCE_APPROVED"));
        t.manager().as().body(Map.of()).post(CLAIMS + id + "/pay").then().statusCode(403);
        Api.asAdmin().body(Map.of()).post(CLAIMS + id + "/pay").then().statusCode(200).body("status", equalTo("PAID"));

        String second = Expenses.submitted(t.rep(), "TRAVEL", "50.00", "CNY");
        Expenses.director().as().body(Map.of()).post(CLAIMS + second + "/approve").then().statusCode(200)
                .body("status", equalTo("MANAGER_APPROVED"));
        given().contentType("application/json").body(Map.of()).post(CLAIMS + second + "/approve").then().statusCode(401);
    }

    @Test
    void aRepsClaimInATeamNoManagerReachesWaitsForDirectors() {
        UUID lone = Api.team("expenses-lone", null);
        Api.TestUser rep = Api.user("REP", lone);
        Expenses.budget(lone, "TRAVEL", Expenses.thisMonth(), "1000.00", "CNY");
        String unmanaged = Expenses.submitted(rep, "TRAVEL", "80.00", "CNY");
        Expenses.Team t = Expenses.team();
        Expenses.budget(t.id(), "TRAVEL", Expenses.thisMonth(), "1000.00", "CNY");
        String managed = Expenses.submitted(t.rep(), "TRAVEL", "90.00", "CNY");

        Api.TestUser director = Expenses.director();
        director.as().get(CLAIMS + "approvals").then().statusCode(200)
                .body("claims.id", hasItem(unmanaged)).body("claims.id", not(hasItem(managed)));
        director.as().body(Map.of()).post(CLAIMS + unmanaged + "/approve").then().statusCode(200).body("status", equalTo("MANAGER_APPROVED"));
    }

    @Test
    void aReturnedClaimNeedsACommentAndGoesBackToTheRepToFixAndResubmit() {
        Expenses.Team t = Expenses.team();
        Api.TestUser finance = Expenses.finance();
        Expenses.budget(t.id(), "CLIENT_ENTERTAINMENT", Expenses.thisMonth(), "5000.00", "CNY");
        String id = Expenses.submitted(t.rep(), "CLIENT_ENTERTAINMENT", "800.00", "CNY");

        t.manager().as().body(Map.of()).post(CLAIMS + id + "/return").then().statusCode(400).body("errors[0].field", equalTo("comment"));
        t.manager().as().body(Map.of("comment", "  ")).post(CLAIMS + id + "/return").then().statusCode(400);
        t.manager().as().body(Map.of("comment", "请补充招待对象与人数")).post(CLAIMS + id + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED"));
        t.manager().as().body(Map.of("amount", "700.00")).patch(CLAIMS + id).then().statusCode(403);

        String etag = t.rep().as().get(CLAIMS + id).then().statusCode(200).body("actions", hasItems("EDIT", "SUBMIT"))
                .extract().header("ETag");
        t.rep().as().header("If-Match", "\"999\"").body(Map.of("amount", "700.00")).patch(CLAIMS + id).then().statusCode(412);
        t.rep().as().header("If-Match", etag).body(Map.of("amount", "700.00", "description", "招待王经理等3人")).patch(CLAIMS + id)
                .then().statusCode(200).body("amount", equalTo("700.00")).body("status", equalTo("RETURNED"));
        t.rep().as().post(CLAIMS + id + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        t.manager().as().body(Map.of()).post(CLAIMS + id + "/approve").then().statusCode(200);
        finance.as().body(Map.of("comment", "发票抬头有误")).post(CLAIMS + id + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("managerApprovedAt", nullValue());

        t.rep().as().get(CLAIMS + id).then()
                .body("history.action", equalTo(List.of("CREATED", "SUBMITTED", "RETURNED", "UPDATED", "SUBMITTED", "MANAGER_APPROVED", "RETURNED")))
                .body("history[2].comment", equalTo("请补充招待对象与人数"))
                .body("history[6].comment", equalTo("发票抬头有误"))
                .body("history[6].fromStatus", equalTo("MANAGER_APPROVED"));
    }

    @Test
    void theRepWithdrawsASubmittedClaimAndDeletesDraftsButNothingLater() {
        Expenses.Team t = Expenses.team();
        Expenses.budget(t.id(), "TRAINING", Expenses.thisMonth(), "5000.00", "CNY");
        String id = Expenses.submitted(t.rep(), "TRAINING", "300.00", "CNY");

        t.rep().as().post(CLAIMS + id + "/submit").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("The claim is SUBMITTED"));
        t.rep().as().delete(CLAIMS + id).then().statusCode(409);
        t.manager().as().post(CLAIMS + id + "/withdraw").then().statusCode(403);
        t.rep().as().post(CLAIMS + id + "/withdraw").then().statusCode(200).body("status", equalTo("DRAFT"));
        t.manager().as().get(CLAIMS + id).then().statusCode(404);
        t.rep().as().post(CLAIMS + id + "/withdraw").then().statusCode(409).body("detail", containsString("DRAFT"));
        t.rep().as().delete(CLAIMS + id).then().statusCode(204);
        t.rep().as().get(CLAIMS + id).then().statusCode(404);
    }

    @Test
    void claimsAreValidatedAndTheirCustomerAndDealMustBeTheReps() {
        Expenses.Team t = Expenses.team();
        Api.TestUser stranger = Api.user("REP", Api.team("elsewhere", null));
        String customer = io.canvass.testing.Money.customer(t.rep());
        String foreign = io.canvass.testing.Money.customer(stranger);
        String deal = t.rep().as().body(Map.of("customerId", customer, "name", "二期产线改造", "amount", "860000.00", "currency", "CNY"))
                .post("/api/v1/deals").then().statusCode(201).extract().path("id");

        Map<String, Object> body = Expenses.claimBody("CLIENT_ENTERTAINMENT", "120.00", "CNY");
        body.put("dealId", deal);
        t.rep().as().body(body).post("/api/v1/expense-claims").then().statusCode(201)
                .body("customerId", equalTo(customer)).body("dealId", equalTo(deal)).body("dealName", equalTo("二期产线改造"));
        body.remove("dealId");
        body.put("customerId", foreign);
        t.rep().as().body(body).post("/api/v1/expense-claims").then().statusCode(400).body("errors[0].field", equalTo("customerId"));
        body.put("customerId", customer);
        body.put("dealId", stranger.as().body(Map.of("customerId", foreign, "name", "x", "amount", "1.00", "currency", "CNY"))
                .post("/api/v1/deals").then().statusCode(201).extract().path("id"));
        t.rep().as().body(body).post("/api/v1/expense-claims").then().statusCode(400).body("errors[0].field", equalTo("dealId"));

        for (Object[] bad : new Object[][] { { "amount", "1.234" }, { "amount", "-5.00" }, { "amount", "0" }, { "currency", "XYZ" },
                { "spentOn", Expenses.today().plusDays(3).toString() }, { "teamId", Api.team("not-mine", null).toString() } }) {
            Map<String, Object> invalid = Expenses.claimBody("TRAVEL", "10.00", "CNY");
            invalid.put((String) bad[0], bad[1]);
            t.rep().as().body(invalid).post("/api/v1/expense-claims").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[0]));
        }
        Map<String, Object> yen = Expenses.claimBody("TRAVEL", "1500.5", "JPY");
        t.rep().as().body(yen).post("/api/v1/expense-claims").then().statusCode(400).body("detail", containsString("JPY amounts have no decimals"));
        yen.put("amount", "1500");
        t.rep().as().body(yen).post("/api/v1/expense-claims").then().statusCode(201).body("amount", equalTo("1500"));
        given().contentType("application/json").body(yen).post("/api/v1/expense-claims").then().statusCode(401);
    }

    @Test
    void onlyAdminsNameFinanceApproversAndTheChangeIsAudited() {
        Api.TestUser user = Api.user("REP", Api.team("finance", null));
        Expenses.director().as().body(Map.of("financeApprover", true)).patch("/api/v1/users/" + user.id()).then().statusCode(403);
        Api.asAdmin().body(Map.of("financeApprover", true)).patch("/api/v1/users/" + user.id()).then().statusCode(200)
                .body("financeApprover", equalTo(true));
        Api.asAdmin().get("/api/v1/audit?entityType=user&entityId=" + user.id()).then().statusCode(200)
                .body("items.find { it.action == 'user.updated' }.after.financeApprover", equalTo(true))
                .body("items.find { it.action == 'user.updated' }.before.financeApprover", equalTo(false));
        user.as().get("/api/v1/me").then().body("financeApprover", equalTo(true));
    }

    private static String id(String s) {
        return "/api/v1/expense-claims/" + s;
    }
}
