package io.canvass.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static String create(Api.TestUser rep, Map<String, Object> body) {
        return rep.as().body(body).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> split(int count, LocalDate first) {
        return Map.of("split", Map.of("count", count, "firstDueOn", first.toString(), "everyMonths", 1));
    }

    @Test
    void anEvenSplitRoundsToEachCurrencysMinorUnitsAndAddsUpExactly() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        for (String[] c : List.of(new String[] { "100000", "JPY", "33333", "33334" }, new String[] { "100.00", "CNY", "33.33", "33.34" },
                new String[] { "10.000", "KWD", "3.333", "3.334" }, new String[] { "0.02", "USD", "0.01", "0.00" })) {
            Map<String, Object> body = Money.contract(customer, c[0], c[1], TODAY, TODAY.plusYears(1));
            if (c[1].equals("USD")) {
                body.put("plan", split(2, TODAY.plusMonths(1)));
                t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201)
                        .body("plan.instalments.amount", contains("0.01", "0.01")).body("plan.difference", equalTo("0.00"));
                continue;
            }
            body.put("plan", split(3, TODAY.plusMonths(1)));
            t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201)
                    .body("plan.instalments.amount", contains(c[2], c[2], c[3]))
                    .body("plan.instalments.currency", contains(c[1], c[1], c[1]))
                    .body("plan.instalments.dueOn", contains(TODAY.plusMonths(1).toString(), TODAY.plusMonths(2).toString(), TODAY.plusMonths(3).toString()))
                    .body("plan.planned", equalTo(c[0]))
                    .body("plan.difference", equalTo(c[1].equals("JPY") ? "0" : c[1].equals("KWD") ? "0.000" : "0.00"));
        }
        Map<String, Object> tooMany = Money.contract(customer, "2", "JPY", TODAY, TODAY.plusYears(1));
        tooMany.put("plan", split(3, TODAY.plusMonths(1)));
        t.rep().as().body(tooMany).post("/api/v1/contracts").then().statusCode(400).body("errors.field", hasItem("split.count"));
    }

    @Test
    void aPlanThatDoesNotCoverTheValueShowsTheDifference() {
        Money.Team t = Money.team();
        String id = Money.activeContract(t.rep(), Money.customer(t.rep()), TODAY.plusMonths(6));
        Map<String, Object> plan = Map.of("instalments", List.of(
                Map.of("dueOn", TODAY.plusDays(10).toString(), "amount", "50000.00"),
                Map.of("dueOn", TODAY.plusDays(40).toString(), "amount", "60000.50")));
        t.rep().as().body(plan).put("/api/v1/contracts/" + id + "/collection-plan").then().statusCode(200)
                .body("value", equalTo("120000.00"))
                .body("plan.planned", equalTo("110000.50"))
                .body("plan.difference", equalTo("9999.50"))
                .body("plan.outstanding", equalTo("110000.50"))
                .body("events.kind", hasItem("PLAN_SET"));
        Map<String, Object> wrongCurrency = Map.of("instalments", List.of(Map.of("dueOn", TODAY.toString(), "amount", "1", "currency", "USD")));
        t.rep().as().body(wrongCurrency).put("/api/v1/contracts/" + id + "/collection-plan").then()
                .statusCode(400).body("errors.field", hasItem("instalments[0].currency"));
        Map<String, Object> tooPrecise = Map.of("instalments", List.of(Map.of("dueOn", TODAY.toString(), "amount", "1.001")));
        t.rep().as().body(tooPrecise).put("/api/v1/contracts/" + id + "/collection-plan").then()
                .statusCode(400).body("errors.field", hasItem("instalments[0].amount"));
        t.rep().as().body(Map.of()).put("/api/v1/contracts/" + id + "/collection-plan").then().statusCode(400);
    }

    @Test
    void partialPaymentsAddUpAndOverPaymentIsRefused() {
        Money.Team t = Money.team();
        Map<String, Object> body = Money.contract(Money.customer(t.rep()), "1000.00", "CNY", TODAY.minusMonths(1), TODAY.plusYears(1));
        body.put("plan", split(2, TODAY.minusDays(5)));
        String id = create(t.rep(), body);
        String first = t.rep().as().get("/api/v1/contracts/" + id).then()
                .body("plan.instalments[0].overdue", equalTo(true))
                .body("plan.instalments[0].daysOverdue", equalTo(5))
                .body("plan.overdue", equalTo("500.00"))
                .extract().path("plan.instalments[0].id");
        Map<String, Object> pay = new HashMap<>(Map.of("instalmentId", first, "amount", "200.00", "receivedOn", TODAY.toString(), "reference", "回单 1"));
        t.rep().as().body(pay).post("/api/v1/contracts/" + id + "/payments").then().statusCode(201)
                .body("plan.instalments[0].collected", equalTo("200.00"))
                .body("plan.instalments[0].outstanding", equalTo("300.00"))
                .body("plan.instalments[0].paidOn", equalTo(null))
                .body("payments[0].amount", equalTo("200.00"))
                .body("payments[0].recordedBy", equalTo(t.rep().id().toString()));
        pay.put("amount", "300.01");
        t.rep().as().body(pay).post("/api/v1/contracts/" + id + "/payments").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("amount"));
        pay.put("amount", "300.001");
        t.rep().as().body(pay).post("/api/v1/contracts/" + id + "/payments").then().statusCode(400).body("errors.field", hasItem("amount"));
        pay.put("amount", "300");
        pay.put("currency", "USD");
        t.rep().as().body(pay).post("/api/v1/contracts/" + id + "/payments").then().statusCode(400).body("errors.field", hasItem("currency"));
        pay.remove("currency");
        pay.put("receivedOn", TODAY.plusDays(2).toString());
        t.rep().as().body(pay).post("/api/v1/contracts/" + id + "/payments").then().statusCode(400).body("errors.field", hasItem("receivedOn"));
        pay.put("receivedOn", TODAY.toString());
        t.rep().as().body(pay).post("/api/v1/contracts/" + id + "/payments").then().statusCode(201)
                .body("plan.instalments[0].paidOn", equalTo(TODAY.toString()))
                .body("plan.instalments[0].overdue", equalTo(false))
                .body("plan.collected", equalTo("500.00"))
                .body("plan.overdue", equalTo("0.00"));
        pay.put("amount", "1");
        t.rep().as().body(pay).post("/api/v1/contracts/" + id + "/payments").then().statusCode(400).body("errors.field", hasItem("instalmentId"));
        // the plan no longer changes once money came in
        t.rep().as().body(split(4, TODAY)).put("/api/v1/contracts/" + id + "/collection-plan").then().statusCode(409);
    }

    /** A payment of 600 on a contract of 1,000 in one instalment, sent once with an Idempotency-Key. */
    record KeyedPayment(Money.Team team, String contractId, Map<String, Object> body, String key) {
        io.restassured.response.ValidatableResponse send() {
            return team.rep().as().header("Idempotency-Key", key).body(body).post("/api/v1/contracts/" + contractId + "/payments").then();
        }
    }

    static KeyedPayment paidWithAKey() {
        Money.Team t = Money.team();
        Map<String, Object> body = Money.contract(Money.customer(t.rep()), "1000.00", "CNY", TODAY, TODAY.plusYears(1));
        body.put("plan", split(1, TODAY.plusDays(30)));
        String id = create(t.rep(), body);
        String instalment = t.rep().as().get("/api/v1/contracts/" + id).path("plan.instalments[0].id");
        KeyedPayment payment = new KeyedPayment(t, id, Map.of("instalmentId", instalment, "amount", "600", "receivedOn", TODAY.toString()),
                UUID.randomUUID().toString());
        payment.send().statusCode(201);
        return payment;
    }

    @Test
    void aRetriedPaymentIsRecordedOnce() {
        KeyedPayment payment = paidWithAKey();
        payment.send().statusCode(201).header("Idempotent-Replayed", "true");
        payment.team().rep().as().get("/api/v1/contracts/" + payment.contractId()).then()
                .body("payments.size()", equalTo(1)).body("plan.collected", equalTo("600.00"));
    }

    @Test
    void aDraftIsActivatedBeforeMoneyComesInAndIsTerminatedWithAReason() {
        Money.Team t = Money.team();
        Map<String, Object> body = Money.contract(Money.customer(t.rep()), "90", "CNY", TODAY, TODAY.plusYears(1));
        body.remove("status");
        body.put("plan", split(1, TODAY));
        body.put("documents", List.of(Map.of("name", "合同正本.pdf", "kind", "SIGNED_CONTRACT")));
        String id = t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("renewalState", equalTo("NONE"))
                .body("documents[0].name", equalTo("合同正本.pdf")).extract().path("id");
        String instalment = t.rep().as().get("/api/v1/contracts/" + id).path("plan.instalments[0].id");
        t.rep().as().body(Map.of("instalmentId", instalment, "amount", "1", "receivedOn", TODAY.toString()))
                .post("/api/v1/contracts/" + id + "/payments").then().statusCode(409);
        t.rep().as().header("If-Match", "W/\"0\"").post("/api/v1/contracts/" + id + "/activate").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("renewalState", equalTo("UPCOMING"));
        t.rep().as().body(Map.of()).post("/api/v1/contracts/" + id + "/terminate").then().statusCode(400).body("errors.field", hasItem("reason"));
        t.rep().as().body(Map.of("reason", "客户破产")).post("/api/v1/contracts/" + id + "/terminate").then().statusCode(200)
                .body("status", equalTo("TERMINATED")).body("terminationReason", equalTo("客户破产"));
        t.rep().as().post("/api/v1/contracts/" + id + "/activate").then().statusCode(409);
    }

    @Test
    void contractsAreValidated() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        Map<String, Object> body = Money.contract(customer, "1", "CNY", TODAY, TODAY.minusDays(1));
        t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(400).body("errors.field", hasItem("endsOn"));
        body = Money.contract(customer, "1", "CNY", TODAY, TODAY);
        body.remove("number");
        t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(400).body("errors.field", hasItem("number"));
        body = Money.contract(customer, "1", "CNY", TODAY, TODAY);
        body.put("status", "EXPIRED");
        t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(400).body("errors.field", hasItem("status"));
        body = Money.contract(customer, "1", "CNY", TODAY, TODAY);
        create(t.rep(), body);
        t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aWonDealBecomesOneContract() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        String deal = t.rep().as().body(Map.of("customerId", customer, "name", "设备采购", "amount", "500", "currency", "CNY"))
                .post("/api/v1/deals").then().statusCode(201).extract().path("id");
        Map<String, Object> body = Money.contract(customer, "500", "CNY", TODAY, TODAY.plusYears(1));
        body.put("dealId", deal);
        t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(400).body("errors.field", hasItem("dealId"));
        t.rep().as().body(Map.of("stage", "WON")).post("/api/v1/deals/" + deal + "/stage").then().statusCode(200);
        t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201).body("dealId", equalTo(deal));
        body.put("number", Api.unique("HT"));
        t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(409);
        body.put("customerId", Money.customer(t.rep()));
        t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(400).body("errors.field", hasItem("dealId"));
    }

    @Test
    void renewingCreatesTheLinkedSuccessorAndChurningNeedsAReason() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        String id = Money.activeContract(t.rep(), customer, TODAY.plusDays(20));
        t.rep().as().body(Map.of("decision", "RENEW")).post("/api/v1/contracts/" + id + "/renewal/decision").then()
                .statusCode(400).body("errors.field", hasItem("successor"));
        String number = Api.unique("HT");
        String successor = t.rep().as()
                .body(Map.of("decision", "RENEW", "successor", Map.of("number", number, "value", "130000", "endsOn", TODAY.plusDays(20).plusYears(1).toString())))
                .post("/api/v1/contracts/" + id + "/renewal/decision").then().statusCode(200)
                .body("renewalState", equalTo("RENEWED"))
                .body("status", equalTo("ACTIVE"))
                .body("successorId", notNullValue())
                .extract().path("successorId");
        t.rep().as().get("/api/v1/contracts/" + successor).then().statusCode(200)
                .body("number", equalTo(number)).body("predecessorId", equalTo(id))
                .body("startsOn", equalTo(TODAY.plusDays(21).toString())).body("status", equalTo("ACTIVE"))
                .body("renewalState", equalTo("UPCOMING")).body("value", equalTo("130000.00")).body("currency", equalTo("CNY"));
        t.rep().as().body(Map.of("decision", "CHURN", "reason", "x")).post("/api/v1/contracts/" + id + "/renewal/decision").then().statusCode(409);

        String other = Money.activeContract(t.rep(), customer, TODAY.plusDays(50));
        t.rep().as().body(Map.of("decision", "CHURN")).post("/api/v1/contracts/" + other + "/renewal/decision").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        t.rep().as().body(Map.of("note", "客户在比价")).post("/api/v1/contracts/" + other + "/renewal/notes").then().statusCode(200)
                .body("renewalActedAt", notNullValue()).body("events.kind", hasItem("RENEWAL_NOTE"));
        t.rep().as().body(Map.of("note", " ")).post("/api/v1/contracts/" + other + "/renewal/notes").then().statusCode(400);
        t.manager().as().body(Map.of("decision", "CHURN", "reason", "预算削减")).post("/api/v1/contracts/" + other + "/renewal/decision").then()
                .statusCode(200).body("renewalState", equalTo("CHURNED")).body("churnReason", equalTo("预算削减"));
    }

    @Test
    void theRadarListsContractsByDaysToExpiryWithHealth() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        String soon = Money.activeContract(t.rep(), customer, TODAY.plusDays(5));
        String later = Money.activeContract(t.rep(), customer, TODAY.plusDays(45));
        String far = Money.activeContract(t.rep(), customer, TODAY.plusDays(200));
        t.rep().as().get("/api/v1/renewals?within=90d").then().statusCode(200)
                .body("items.contractId", contains(soon, later))
                .body("items.radar", contains(7, 60))
                .body("items.daysToEnd", contains(5, 45))
                .body("items[0].renewalState", equalTo("UPCOMING"))
                .body("items[0].health.score", notNullValue())
                .body("items[0].health.components.name", hasItem("commercial"));
        t.rep().as().get("/api/v1/renewals?within=365").then().body("items.contractId", hasItem(far));
        t.rep().as().get("/api/v1/renewals?within=soon").then().statusCode(400).body("errors.field", hasItem("within"));
        t.rep().as().get("/api/v1/renewals?within=400d").then().statusCode(400);
        Api.user("REP", t.teamId()).as().get("/api/v1/renewals").then().statusCode(200).body("items.contractId", not(hasItem(soon)));
        t.manager().as().get("/api/v1/renewals").then().body("items.contractId", hasItem(soon));
    }

    @Test
    void contractsAreFilteredAndAnotherRepsAreNotFound() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        String id = Money.activeContract(t.rep(), customer, TODAY.plusMonths(3));
        t.rep().as().get("/api/v1/contracts?customerId=" + customer).then().body("items.id", contains(id))
                .body("items[0].renewalState", equalTo("UPCOMING"));
        t.rep().as().get("/api/v1/contracts?status=DRAFT&customerId=" + customer).then().body("items.size()", equalTo(0));
        t.rep().as().get("/api/v1/contracts?status=NOPE").then().statusCode(400).body("errors[0].field", equalTo("status"));
        t.rep().as().get("/api/v1/contracts?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
        Api.TestUser stranger = Api.user("REP", t.teamId());
        String base = "/api/v1/contracts/" + id;
        stranger.as().get(base).then().statusCode(404).contentType("application/problem+json");
        stranger.as().body(Map.of("value", "1")).patch(base).then().statusCode(404);
        stranger.as().post(base + "/activate").then().statusCode(404);
        stranger.as().body(Map.of("reason", "x")).post(base + "/terminate").then().statusCode(404);
        stranger.as().body(split(1, TODAY)).put(base + "/collection-plan").then().statusCode(404);
        stranger.as().body(Map.of("instalmentId", UUID.randomUUID(), "amount", "1", "receivedOn", TODAY.toString()))
                .post(base + "/payments").then().statusCode(404);
        stranger.as().body(Map.of("note", "x")).post(base + "/renewal/notes").then().statusCode(404);
        stranger.as().body(Map.of("decision", "CHURN", "reason", "x")).post(base + "/renewal/decision").then().statusCode(404);
        stranger.as().get("/api/v1/contracts").then().body("items.id", not(hasItem(id)));
        stranger.as().body(Money.contract(customer, "1", "CNY", TODAY, TODAY)).post("/api/v1/contracts").then()
                .statusCode(400).body("errors.field", hasItem("customerId"));
        Api.manager(Api.team("elsewhere", null)).as().get(base).then().statusCode(404);
        t.manager().as().get(base).then().statusCode(200);
        t.rep().as().header("If-Match", "W/\"0\"").body(Map.of("endsOn", TODAY.plusMonths(4).toString())).patch(base).then()
                .statusCode(200).body("endsOn", equalTo(TODAY.plusMonths(4).toString()));
        t.rep().as().header("If-Match", "W/\"0\"").body(Map.of("value", "5")).patch(base).then().statusCode(412);
        t.rep().as().body(Map.of("currency", "USD")).patch(base).then().statusCode(400).body("errors.field", hasItem("currency"));
    }

    @Test
    void everyContractEndpointNeedsAToken() {
        String base = "/api/v1/contracts/0190d5a4-1c2b-7000-8000-000000000000";
        given().get("/api/v1/contracts").then().statusCode(401);
        given().get("/api/v1/renewals").then().statusCode(401);
        given().get("/api/v1/collections/kpis").then().statusCode(401);
        given().get(base).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/contracts").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").patch(base).then().statusCode(401);
        given().contentType(ContentType.JSON).post(base + "/activate").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(base + "/terminate").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").put(base + "/collection-plan").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(base + "/payments").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(base + "/renewal/notes").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(base + "/renewal/decision").then().statusCode(401);
    }
}
