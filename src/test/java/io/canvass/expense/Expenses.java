package io.canvass.expense;

import static io.restassured.RestAssured.given;

import io.canvass.testing.Api;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Fixtures for the expense tests, through the public API. */
final class Expenses {

    /** A 1×1 PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private Expenses() {
    }

    /** A team with a rep and its manager. */
    record Team(UUID id, String name, Api.TestUser rep, Api.TestUser manager) {
    }

    static Team team() {
        return team(null);
    }

    static Team team(UUID parent) {
        UUID id = Api.team("expenses", parent);
        String name = Api.asAdmin().get("/api/v1/teams/" + id).then().statusCode(200).extract().path("name");
        return new Team(id, name, Api.user("REP", id), Api.manager(id));
    }

    /** A finance approver (a rep of their own team, flagged by the admin). */
    static Api.TestUser finance() {
        Api.TestUser user = Api.user("REP", Api.team("finance", null));
        Api.asAdmin().body(Map.of("financeApprover", true)).patch("/api/v1/users/" + user.id())
                .then().statusCode(200);
        return user;
    }

    static Api.TestUser director() {
        return Api.user("DIRECTOR", null, Set.of(), "en");
    }

    static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    /** Today where the claim is dated: the earliest calendar day anywhere is always allowed. */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Etc/GMT+12"));
    }

    /** Sets a budget as the admin; returns its id. */
    static String budget(UUID team, String category, YearMonth month, String amount, String currency) {
        return Api.asAdmin().body(Map.of("teamId", team, "category", category, "month", month.toString(), "amount", amount,
                "currency", currency)).post("/api/v1/expense-budgets").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> claimBody(String category, String amount, String currency) {
        Map<String, Object> body = new HashMap<>();
        body.put("spentOn", today().toString());
        body.put("category", category);
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("description", "客户拜访差旅 " + Api.unique("d"));
        return body;
    }

    /** A draft claim of the rep with one receipt; returns its id. */
    static String draft(Api.TestUser rep, String category, String amount, String currency) {
        String id = rep.as().body(claimBody(category, amount, currency)).post("/api/v1/expense-claims")
                .then().statusCode(201).extract().path("id");
        receipt(rep, id).then().statusCode(201);
        return id;
    }

    static io.restassured.response.Response receipt(Api.TestUser user, String claim) {
        return given().auth().oauth2(user.token()).contentType("image/png").body(PNG).post("/api/v1/expense-claims/" + claim + "/receipts");
    }

    /** A submitted claim; returns its id. */
    static String submitted(Api.TestUser rep, String category, String amount, String currency) {
        String id = draft(rep, category, amount, currency);
        rep.as().post("/api/v1/expense-claims/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** A claim taken all the way to paid. */
    static String paid(Team team, Api.TestUser finance, String category, String amount, String currency) {
        String id = submitted(team.rep(), category, amount, currency);
        team.manager().as().body(Map.of()).post("/api/v1/expense-claims/" + id + "/approve").then().statusCode(200);
        finance.as().body(Map.of()).post("/api/v1/expense-claims/" + id + "/approve").then().statusCode(200);
        finance.as().body(Map.of()).post("/api/v1/expense-claims/" + id + "/pay").then().statusCode(200);
        return id;
    }
}
