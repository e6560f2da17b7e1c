package io.canvass.deal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DealTest {

    static Map<String, Object> deal(String customerId, String amount, String currency) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("name", "二期产线改造");
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("productLine", "自动化设备");
        body.put("expectedCloseOn", "2027-01-31");
        return body;
    }

    static String open(Api.TestUser rep, String customerId, String amount, String currency) {
        return rep.as().body(deal(customerId, amount, currency)).post("/api/v1/deals").then().statusCode(201).extract().path("id");
    }

    static void move(Api.TestUser who, String dealId, String stage, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("stage", stage);
        body.put("reason", reason);
        who.as().body(body).post("/api/v1/deals/" + dealId + "/stage").then().statusCode(200).body("stage", equalTo(stage));
    }

    @Test
    void aDealMovesThroughItsStagesAndKeepsTheirHistory() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        String id = t.rep().as().body(deal(customer, "860000.5", "CNY")).post("/api/v1/deals").then()
                .statusCode(201)
                .header("ETag", "W/\"0\"")
                .body("stage", equalTo("QUALIFICATION"))
                .body("amount", equalTo("860000.50"))
                .body("ownerId", equalTo(t.rep().id().toString()))
                .extract().path("id");
        move(t.rep(), id, "PROPOSAL", null);
        move(t.manager(), id, "NEGOTIATION", null);
        move(t.rep(), id, "WON", null);
        t.rep().as().get("/api/v1/deals/" + id).then()
                .body("history.toStage", org.hamcrest.Matchers.contains("QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON"))
                .body("history.fromStage", org.hamcrest.Matchers.contains(null, "QUALIFICATION", "PROPOSAL", "NEGOTIATION"))
                .body("history[2].actorId", equalTo(t.manager().id().toString()))
                .body("closedAt", org.hamcrest.Matchers.notNullValue());
        t.rep().as().body(Map.of("stage", "LOST", "reason", "late")).post("/api/v1/deals/" + id + "/stage").then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aLostDealNeedsAReason() {
        Money.Team t = Money.team();
        String id = open(t.rep(), Money.customer(t.rep()), "1000", "USD");
        t.rep().as().body(Map.of("stage", "LOST")).post("/api/v1/deals/" + id + "/stage").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        move(t.rep(), id, "LOST", "选择了竞品");
        t.rep().as().get("/api/v1/deals/" + id).then().body("lostReason", equalTo("选择了竞品"));
    }

    @Test
    void amountsKeepToTheirCurrencysMinorUnits() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        t.rep().as().body(deal(customer, "100.5", "JPY")).post("/api/v1/deals").then()
                .statusCode(400).body("errors.field", hasItem("amount"));
        t.rep().as().body(deal(customer, "1.234", "CNY")).post("/api/v1/deals").then()
                .statusCode(400).body("errors.field", hasItem("amount"));
        t.rep().as().body(deal(customer, "1.234", "KWD")).post("/api/v1/deals").then()
                .statusCode(201).body("amount", equalTo("1.234"));
        t.rep().as().body(deal(customer, "100", "JPY")).post("/api/v1/deals").then()
                .statusCode(201).body("amount", equalTo("100"));
        t.rep().as().body(deal(customer, "10", "ABC")).post("/api/v1/deals").then()
                .statusCode(400).body("errors.field", hasItem("currency"));
        t.rep().as().body(deal(customer, "-1", "CNY")).post("/api/v1/deals").then()
                .statusCode(400).body("errors.field", hasItem("amount"));
        Map<String, Object> noName = deal(customer, "1", "CNY");
        noName.remove("name");
        t.rep().as().body(noName).post("/api/v1/deals").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
    }

    @Test
    void thePipelineCountsAndSumsEachStagePerCurrency() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        move(t.rep(), open(t.rep(), customer, "100.10", "CNY"), "PROPOSAL", null);
        move(t.rep(), open(t.rep(), customer, "200.25", "CNY"), "PROPOSAL", null);
        move(t.rep(), open(t.rep(), customer, "999", "JPY"), "PROPOSAL", null);
        open(t.rep(), customer, "50", "USD");
        t.rep().as().get("/api/v1/deals/pipeline").then().statusCode(200)
                .body("stages.stage", org.hamcrest.Matchers.contains("QUALIFICATION", "NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION", "WON", "LOST"))
                .body("stages[2].count", equalTo(3))
                .body("stages[2].amounts", hasSize(2))
                .body("stages[2].amounts.find { it.currency == 'CNY' }.amount", equalTo("300.35"))
                .body("stages[2].amounts.find { it.currency == 'JPY' }.amount", equalTo("999"))
                .body("stages[0].count", equalTo(1))
                .body("stages[0].amounts[0].amount", equalTo("50.00"))
                .body("stages[4].count", equalTo(0));
        // the manager sees the same pipeline for the rep; another rep's pipeline does not include it
        t.manager().as().get("/api/v1/deals/pipeline?ownerId=" + t.rep().id()).then().body("stages[2].count", equalTo(3));
        Api.TestUser other = Api.user("REP", t.teamId());
        other.as().get("/api/v1/deals/pipeline").then().body("stages[2].count", equalTo(0));
    }

    @Test
    void aStaleEditIsRefused() {
        Money.Team t = Money.team();
        String id = open(t.rep(), Money.customer(t.rep()), "10", "CNY");
        t.rep().as().header("If-Match", "W/\"0\"").body(Map.of("amount", "20")).patch("/api/v1/deals/" + id).then()
                .statusCode(200).body("amount", equalTo("20.00")).header("ETag", "W/\"1\"");
        t.rep().as().header("If-Match", "W/\"0\"").body(Map.of("name", "x")).patch("/api/v1/deals/" + id).then().statusCode(412);
        t.rep().as().body(Map.of("amount", "1.001")).patch("/api/v1/deals/" + id).then()
                .statusCode(400).body("errors.field", hasItem("amount"));
    }

    @Test
    void anotherRepsDealIsNotFound() {
        Money.Team t = Money.team();
        String id = open(t.rep(), Money.customer(t.rep()), "10", "CNY");
        Api.TestUser stranger = Api.user("REP", t.teamId());
        stranger.as().get("/api/v1/deals/" + id).then().statusCode(404).contentType("application/problem+json");
        stranger.as().body(Map.of("name", "x")).patch("/api/v1/deals/" + id).then().statusCode(404);
        stranger.as().body(Map.of("stage", "WON")).post("/api/v1/deals/" + id + "/stage").then().statusCode(404);
        stranger.as().get("/api/v1/deals").then().statusCode(200).body("items.id", not(hasItem(id)));
        stranger.as().body(deal(Money.customer(t.rep()), "1", "CNY")).post("/api/v1/deals").then()
                .statusCode(400).body("errors.field", hasItem("customerId"));
        Api.TestUser otherManager = Api.manager(Api.team("elsewhere", null));
        otherManager.as().get("/api/v1/deals/" + id).then().statusCode(404);
        t.manager().as().get("/api/v1/deals?ownerId=" + t.rep().id()).then().body("items.id", hasItem(id));
        Api.asAdmin().get("/api/v1/deals/" + id).then().statusCode(200);
    }

    @Test
    void everyDealEndpointNeedsAToken() {
        given().get("/api/v1/deals").then().statusCode(401);
        given().get("/api/v1/deals/pipeline").then().statusCode(401);
        given().get("/api/v1/deals/0190d5a4-1c2b-7000-8000-000000000000").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/deals").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").patch("/api/v1/deals/0190d5a4-1c2b-7000-8000-000000000000").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/deals/0190d5a4-1c2b-7000-8000-000000000000/stage").then().statusCode(401);
    }
}
