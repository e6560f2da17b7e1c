package io.canvass.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The team's overdue collections and undecided renewals, as managers and directors see them. */
@QuarkusTest
class TeamMoneyTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String OVERDUE = "/api/v1/collections/overdue";
    static final String UNDECIDED = "/api/v1/renewals/undecided";

    /** A region with two sub-teams, a rep in each, the region's manager, and a manager of the first sub-team only. */
    record Region(UUID region, UUID east, UUID west, Api.TestUser eastRep, Api.TestUser westRep, Api.TestUser regionManager,
                  Api.TestUser eastManager) {
    }

    static Region region() {
        UUID region = Api.team("region", null);
        UUID east = Api.team("east", region);
        UUID west = Api.team("west", region);
        return new Region(region, east, west, Api.user("REP", east), Api.user("REP", west), Api.manager(region), Api.manager(east));
    }

    /** An active contract with one instalment per due day; returns the contract id. */
    static String contractDue(Api.TestUser rep, String currency, String amount, LocalDate... dueDays) {
        Map<String, Object> body = Money.contract(Money.customer(rep), "1000000", currency, TODAY.minusYears(1), TODAY.plusYears(1));
        body.put("plan", Map.of("instalments", java.util.Arrays.stream(dueDays)
                .map(day -> Map.of("dueOn", day.toString(), "amount", amount)).toList()));
        return rep.as().body(body).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
    }

    @Test
    void aManagerSeesTheOverdueInstalmentsOfTheirSubtreeOnly() {
        Region r = region();
        String east = contractDue(r.eastRep(), "CNY", "1000.00", TODAY.minusDays(10));
        String west = contractDue(r.westRep(), "CNY", "2000.00", TODAY.minusDays(20));
        r.regionManager().as().get(OVERDUE).then().statusCode(200)
                .body("items.contractId", contains(west, east))
                .body("items[0].ownerId", equalTo(r.westRep().id().toString()))
                .body("items[0].ownerName", equalTo("Test REP"))
                .body("items[0].teamId", equalTo(r.west().toString()))
                .body("items[0].customerName", notNullValue())
                .body("items[0].contractNumber", notNullValue())
                .body("items[0].daysOverdue", equalTo(20))
                .body("items[0].dueOn", equalTo(TODAY.minusDays(20).toString()))
                .body("items[0].outstanding", equalTo("2000.00"))
                .body("items[0].currency", equalTo("CNY"))
                .body("items[0].lastPaymentOn", nullValue())
                .body("totals", equalTo(List.of(Map.of("currency", "CNY", "count", 2, "outstanding", "3000.00"))))
                .body("asOf", notNullValue());
        r.eastManager().as().get(OVERDUE).then().statusCode(200).body("items.contractId", contains(east))
                .body("totals[0].outstanding", equalTo("1000.00"));
        r.eastManager().as().get(OVERDUE + "?teamId=" + r.west()).then().statusCode(200).body("items", empty()).body("totals", empty());
        r.eastManager().as().get(OVERDUE + "?ownerId=" + r.westRep().id()).then().statusCode(200).body("items", empty());
        Api.manager(Api.team("elsewhere", null)).as().get(OVERDUE).then().statusCode(200)
                .body("items.contractId", not(hasItem(east))).body("items.contractId", not(hasItem(west)));
    }

    @Test
    void aRepSeesOnlyTheirOwnCustomersOverdueInstalments() {
        Region r = region();
        String mine = contractDue(r.eastRep(), "CNY", "500.00", TODAY.minusDays(3));
        contractDue(r.westRep(), "CNY", "500.00", TODAY.minusDays(3));
        r.eastRep().as().get(OVERDUE).then().statusCode(200).body("items.contractId", contains(mine))
                .body("totals[0].count", equalTo(1));
        r.eastRep().as().get(OVERDUE + "?teamId=" + r.region()).then().statusCode(200).body("items.contractId", contains(mine));
        Api.user("REP", r.east()).as().get(OVERDUE).then().statusCode(200).body("items", empty());
        r.eastRep().as().get(UNDECIDED).then().statusCode(200);
    }

    @Test
    void aDirectorFiltersByTeamWithItsSubTeamsAndByRep() {
        Region r = region();
        String east = contractDue(r.eastRep(), "CNY", "100.00", TODAY.minusDays(5));
        String west = contractDue(r.westRep(), "CNY", "100.00", TODAY.minusDays(6));
        Api.TestUser director = Api.user("DIRECTOR", null);
        director.as().get(OVERDUE + "?teamId=" + r.region()).then().statusCode(200).body("items.contractId", contains(west, east));
        director.as().get(OVERDUE + "?teamId=" + r.east()).then().statusCode(200).body("items.contractId", contains(east));
        director.as().get(OVERDUE + "?ownerId=" + r.westRep().id()).then().statusCode(200).body("items.contractId", contains(west));
        director.as().get(OVERDUE + "?limit=500").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void itemsComeMostOverdueFirstAndPageWithACursor() {
        Region r = region();
        String contract = contractDue(r.eastRep(), "CNY", "300.00", TODAY.minusDays(40), TODAY.minusDays(95), TODAY.minusDays(2),
                TODAY.plusDays(20));
        String base = OVERDUE + "?ownerId=" + r.eastRep().id();
        r.regionManager().as().get(base).then().statusCode(200)
                .body("items.daysOverdue", contains(95, 40, 2))
                .body("items.position", contains(2, 1, 3))
                .body("items.contractId", contains(contract, contract, contract))
                .body("totals[0].count", equalTo(3)).body("totals[0].outstanding", equalTo("900.00"));
        String next = r.regionManager().as().get(base + "&limit=2").then().statusCode(200)
                .body("items.daysOverdue", contains(95, 40)).body("totals[0].count", equalTo(3))
                .extract().path("nextCursor");
        r.regionManager().as().queryParam("cursor", next).get(base + "&limit=2").then().statusCode(200)
                .body("items.daysOverdue", contains(2)).body("nextCursor", nullValue());
        r.regionManager().as().get(base + "&minDays=31&maxDays=90").then().statusCode(200).body("items.daysOverdue", contains(40));
        r.regionManager().as().get(base + "&minDays=91").then().statusCode(200).body("items.daysOverdue", contains(95));
        r.regionManager().as().get(base + "&minDays=1&maxDays=30").then().statusCode(200).body("items.daysOverdue", contains(2))
                .body("totals[0].outstanding", equalTo("300.00"));
        r.regionManager().as().get(base + "&minDays=0").then().statusCode(400).body("errors.field", hasItem("minDays"));
        r.regionManager().as().get(base + "&minDays=40&maxDays=30").then().statusCode(400).body("errors.field", hasItem("maxDays"));
        String customersCursor = r.eastRep().as().get("/api/v1/customers?limit=1").path("nextCursor");
        r.regionManager().as().queryParam("cursor", customersCursor == null ? "garbled" : customersCursor).get(base).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("cursor"));
    }

    @Test
    void amountsAreTotalledPerCurrencyNeverAcross() {
        Region r = region();
        contractDue(r.eastRep(), "CNY", "1000.50", TODAY.minusDays(7), TODAY.minusDays(8));
        String usd = contractDue(r.westRep(), "USD", "250.25", TODAY.minusDays(9));
        contractDue(r.westRep(), "JPY", "30000", TODAY.minusDays(1));
        r.regionManager().as().get(OVERDUE).then().statusCode(200)
                .body("totals.currency", contains("CNY", "JPY", "USD"))
                .body("totals.count", contains(2, 1, 1))
                .body("totals.outstanding", contains("2001.00", "30000", "250.25"));
        r.regionManager().as().get(OVERDUE + "?currency=USD").then().statusCode(200)
                .body("items.contractId", contains(usd)).body("totals.currency", contains("USD"));
        r.regionManager().as().get(OVERDUE + "?currency=usd").then().statusCode(400).body("errors.field", hasItem("currency"));
        r.regionManager().as().get(UNDECIDED + "?currency=XYZ").then().statusCode(400).body("errors.field", hasItem("currency"));
    }

    @Test
    void aPaidInstalmentLeavesTheListAndAPartPaymentShowsWhatIsLeft() {
        Region r = region();
        String id = contractDue(r.eastRep(), "CNY", "800.00", TODAY.minusDays(12), TODAY.minusDays(4));
        List<String> instalments = r.eastRep().as().get("/api/v1/contracts/" + id).path("plan.instalments.id");
        r.eastRep().as().body(Map.of("instalmentId", instalments.get(0), "amount", "800.00", "receivedOn", TODAY.toString()))
                .post("/api/v1/contracts/" + id + "/payments").then().statusCode(201);
        r.eastRep().as().body(Map.of("instalmentId", instalments.get(1), "amount", "300.00", "receivedOn", TODAY.toString()))
                .post("/api/v1/contracts/" + id + "/payments").then().statusCode(201);
        r.regionManager().as().get(OVERDUE + "?ownerId=" + r.eastRep().id()).then().statusCode(200)
                .body("items.instalmentId", contains(instalments.get(1)))
                .body("items[0].amount", equalTo("800.00"))
                .body("items[0].outstanding", equalTo("500.00"))
                .body("items[0].lastPaymentOn", equalTo(TODAY.toString()))
                .body("items[0].lastPaymentAmount", notNullValue())
                .body("totals[0].outstanding", equalTo("500.00"));
    }

    @Test
    void undecidedRenewalsComeEndedFirstAndADecidedOneLeaves() {
        Region r = region();
        String customer = Money.customer(r.eastRep());
        String ended = Money.activeContract(r.eastRep(), customer, TODAY.minusDays(3));
        String soon = Money.activeContract(r.eastRep(), customer, TODAY.plusDays(10));
        String later = Money.activeContract(r.westRep(), Money.customer(r.westRep()), TODAY.plusDays(40));
        String far = Money.activeContract(r.westRep(), Money.customer(r.westRep()), TODAY.plusDays(300));
        r.regionManager().as().get(UNDECIDED).then().statusCode(200)
                .body("items.contractId", contains(ended, soon, later))
                .body("items.daysToEnd", contains(-3, 10, 40))
                .body("items[0].expiredUndecided", equalTo(true))
                .body("items[1].renewalState", equalTo("UPCOMING"))
                .body("items[1].ownerName", equalTo("Test REP"))
                .body("items[1].health.score", notNullValue())
                .body("total", equalTo(3));
        r.regionManager().as().get(UNDECIDED + "?within=365d").then().body("items.contractId", hasItem(far)).body("total", equalTo(4));
        r.regionManager().as().get(UNDECIDED + "?within=soon").then().statusCode(400).body("errors.field", hasItem("within"));
        String next = r.regionManager().as().get(UNDECIDED + "?limit=2").then().body("items.contractId", contains(ended, soon))
                .extract().path("nextCursor");
        r.regionManager().as().queryParam("cursor", next).get(UNDECIDED + "?limit=2").then().statusCode(200)
                .body("items.contractId", contains(later)).body("nextCursor", nullValue());
        r.regionManager().as().queryParam("cursor", next).get(OVERDUE).then().statusCode(400).body("errors.field", hasItem("cursor"));
        r.eastManager().as().get(UNDECIDED).then().body("items.contractId", containsInAnyOrder(ended, soon));
        Api.manager(Api.team("elsewhere", null)).as().get(UNDECIDED).then().body("items.contractId", not(hasItem(soon)));
        Api.user("DIRECTOR", null).as().get(UNDECIDED + "?teamId=" + r.west()).then().body("items.contractId", contains(later));

        r.eastRep().as().body(Map.of("decision", "CHURN", "reason", "预算削减")).post("/api/v1/contracts/" + soon + "/renewal/decision")
                .then().statusCode(200);
        r.eastRep().as().body(Map.of("note", "客户在比价")).post("/api/v1/contracts/" + ended + "/renewal/notes").then().statusCode(200);
        r.regionManager().as().get(UNDECIDED).then().body("items.contractId", contains(ended, later)).body("total", equalTo(2));
    }

    @Test
    void bothListsNeedAToken() {
        given().get(OVERDUE).then().statusCode(401);
        given().get(UNDECIDED).then().statusCode(401);
    }
}
