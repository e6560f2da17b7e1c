package io.canvass.incentive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Statements from hand-built records, closing periods, adjustments, export and who sees what. */
@QuarkusTest
class CommissionStatementTest {

    @Inject
    Pool pool;

    record Team(UUID id, Api.TestUser rep, Api.TestUser manager) {
    }

    Team team(String base, String currency) {
        UUID id = Api.team("commission", null);
        Team t = new Team(id, Api.user("REP", id), Api.manager(id));
        Map<String, Object> plan = CommissionPlanResourceTest.plan(id);
        plan.put("base", base);
        plan.put("currency", currency);
        plan.put("cap", null);
        if (!"CNY".equals(currency)) {
            plan.put("oneOffs", List.of());
        }
        Api.asAdmin().body(plan).post("/api/v1/commission/plans").then().statusCode(201);
        return t;
    }

    Records records() {
        return new Records(pool);
    }

    static ValidatableResponse statementOf(Api.TestUser who, UUID rep, String period) {
        return who.as().get("/api/v1/commission/statements?period=" + period + "&rep=" + rep).then();
    }

    @Test
    void aRevenueStatementListsTheDealsWonTheTierAndWhy() {
        Team t = team("REVENUE_WON", "CNY");
        Records r = records();
        LocalDate month = LocalDate.of(2011, 1, 1);
        r.target(t.rep().id(), t.id(), "REVENUE", month, "100000.00", "CNY", "APPROVED");
        UUID customer = r.customer(t.rep().id(), t.id(), "B");
        UUID first = r.won(customer, "60000.00", "CNY", LocalDate.of(2011, 1, 5));
        UUID second = r.won(customer, "39000.00", "CNY", LocalDate.of(2011, 1, 20));
        // the organisation's calendar: 23:30 on the 31st in Shanghai is January, 00:30 on the 1st is February
        UUID last = r.wonAt(customer, "1000.00", "CNY", LocalDateTime.of(2011, 1, 31, 23, 30).atZone(Records.SHANGHAI).toOffsetDateTime());
        r.wonAt(customer, "5000.00", "CNY", LocalDateTime.of(2011, 2, 1, 0, 30).atZone(Records.SHANGHAI).toOffsetDateTime());
        r.won(customer, "7000.00", "USD", LocalDate.of(2011, 1, 7));

        String body = statementOf(t.rep(), t.rep().id(), "2011-01").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("LIVE"))
                .body("items[0].id", nullValue())
                .body("items[0].actual", equalTo("100000.00"))
                .body("items[0].target.value", equalTo("100000.00"))
                .body("items[0].achievement", equalTo("100.00"))
                .body("items[0].tier.index", equalTo(2))
                .body("items[0].tier.from", equalTo("100"))
                .body("items[0].tier.rate", equalTo("3"))
                .body("items[0].lines.kind", contains("DEAL", "DEAL", "DEAL", "TIER"))
                .body("items[0].lines.ref", contains(first.toString(), second.toString(), last.toString(), null))
                .body("items[0].lines[3].commission", equalTo("3000.00"))
                .body("items[0].total", equalTo("3000.00"))
                .extract().asString();
        assertEquals(body, statementOf(t.rep(), t.rep().id(), "2011-01").extract().asString(), "the same records give the same statement");
    }

    @Test
    void aCollectedStatementCountsPaymentsReceivedNotDealsWon() {
        Team t = team("COLLECTED", "CNY");
        Records r = records();
        r.target(t.rep().id(), t.id(), "COLLECTIONS", LocalDate.of(2011, 2, 1), "50000.00", "CNY", "APPROVED");
        r.target(t.rep().id(), t.id(), "REVENUE", LocalDate.of(2011, 2, 1), "1.00", "CNY", "APPROVED");
        UUID customer = r.customer(t.rep().id(), t.id(), "B");
        UUID paid = r.payment(customer, "40000.00", "CNY", LocalDate.of(2011, 2, 28));
        r.payment(customer, "9000.00", "CNY", LocalDate.of(2011, 3, 1));
        r.won(customer, "1000000.00", "CNY", LocalDate.of(2011, 2, 10));

        statementOf(t.manager(), t.rep().id(), "2011-02").statusCode(200)
                .body("items[0].base", equalTo("COLLECTED"))
                .body("items[0].actual", equalTo("40000.00"))
                .body("items[0].target.metric", equalTo("COLLECTIONS"))
                .body("items[0].achievement", equalTo("80.00"))
                .body("items[0].tier.index", equalTo(1))
                .body("items[0].lines.kind", contains("PAYMENT", "TIER", "DEAL_WON_ABOVE"))
                .body("items[0].lines[0].ref", equalTo(paid.toString()))
                .body("items[0].lines[1].commission", equalTo("800.00"))
                .body("items[0].total", equalTo("2800.00"));
    }

    @Test
    void withoutAnApprovedTargetTheStatementSaysSoAndPaysOnlyOneOffs() {
        Team t = team("REVENUE_WON", "CNY");
        Records r = records();
        LocalDate month = LocalDate.of(2011, 3, 1);
        r.target(t.rep().id(), t.id(), "REVENUE", month, "100000.00", "CNY", "SUBMITTED");
        UUID newKey = r.customer(t.rep().id(), t.id(), "A");
        UUID oldKey = r.customer(t.rep().id(), t.id(), "A");
        r.won(oldKey, "10.00", "CNY", LocalDate.of(2010, 12, 1));
        r.won(oldKey, "20.00", "CNY", LocalDate.of(2011, 3, 2));
        UUID big = r.won(newKey, "500000.00", "CNY", LocalDate.of(2011, 3, 3));
        r.won(newKey, "499999.99", "CNY", LocalDate.of(2011, 3, 4));

        statementOf(t.rep(), t.rep().id(), "2011-03").statusCode(200)
                .body("items[0].note", equalTo("NO_APPROVED_TARGET"))
                .body("items[0].tier", nullValue())
                .body("items[0].achievement", nullValue())
                .body("items[0].actual", equalTo("1000019.99"))
                .body("items[0].lines.kind", contains("DEAL", "DEAL", "DEAL", "DEAL_WON_ABOVE", "KEY_ACCOUNT_WON"))
                .body("items[0].lines[3].ref", equalTo(big.toString()))
                .body("items[0].lines[4].ref", equalTo(newKey.toString()))
                .body("items[0].total", equalTo("3000.00"));
    }

    @Test
    void yenStatementsHaveNoDecimals() {
        Team t = team("REVENUE_WON", "JPY");
        Records r = records();
        r.target(t.rep().id(), t.id(), "REVENUE", LocalDate.of(2011, 6, 1), "1000", "JPY", "APPROVED");
        UUID customer = r.customer(t.rep().id(), t.id(), "B");
        r.won(customer, "683", "JPY", LocalDate.of(2011, 6, 2));
        r.won(customer, "500", "JPY", LocalDate.of(2011, 6, 3));
        // 1183 JPY = 118.3 % -> 3 % = 35.49 -> 35
        statementOf(t.rep(), t.rep().id(), "2011-06").statusCode(200)
                .body("items[0].currency", equalTo("JPY"))
                .body("items[0].actual", equalTo("1183"))
                .body("items[0].target.value", equalTo("1000"))
                .body("items[0].achievement", equalTo("118.30"))
                .body("items[0].total", equalTo("35"));
    }

    @Test
    void closingAPeriodFreezesItsStatementsAndAdjustmentsAreNewLines() {
        Team t = team("REVENUE_WON", "CNY");
        Records r = records();
        LocalDate month = LocalDate.of(2011, 4, 1);
        r.target(t.rep().id(), t.id(), "REVENUE", month, "100000.00", "CNY", "APPROVED");
        UUID customer = r.customer(t.rep().id(), t.id(), "B");
        r.won(customer, "100000.00", "CNY", LocalDate.of(2011, 4, 10));
        UUID directorTeam = Api.team("board", null);
        Api.TestUser director = Api.user("DIRECTOR", directorTeam);

        Api.asAdmin().body(Map.of("url", "http://localhost:" + Integer.getInteger("canvass.test.receiver-port", 8122) + "/commission",
                "eventTypes", List.of("commission.period_closed"))).post("/api/v1/webhooks/endpoints").then().statusCode(201);
        t.manager().as().post("/api/v1/commission/periods/2011-04/close").then().statusCode(403);
        t.rep().as().post("/api/v1/commission/periods/2011-04/close").then().statusCode(403);
        director.as().post("/api/v1/commission/periods/2011-04/close").then().statusCode(200)
                .body("period", equalTo("2011-04")).body("closedBy", equalTo(director.id().toString()))
                .body("statements", greaterThanOrEqualTo(1)).body("totals.currency", hasItem("CNY"));
        director.as().post("/api/v1/commission/periods/2011-04/close").then().statusCode(409);
        assertEquals(1L, pool.preparedQuery("select count(*) from webhook_event where type = 'commission.period_closed' and payload ->> 'period' = $1")
                .execute(Tuple.of("2011-04")).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0),
                "one commission.period_closed event, in the transaction that closed the period");
        String running = LocalDate.now(Records.SHANGHAI).toString().substring(0, 7);
        Api.asAdmin().post("/api/v1/commission/periods/" + running + "/close").then().statusCode(409)
                .body("detail", containsString("has not ended"));
        Api.asAdmin().post("/api/v1/commission/periods/2011/close").then().statusCode(400).body("errors.field", hasItem("period"));

        // later records do not change a frozen statement
        r.won(customer, "50000.00", "CNY", LocalDate.of(2011, 4, 20));
        String id = statementOf(t.rep(), t.rep().id(), "2011-04").statusCode(200)
                .body("items[0].status", equalTo("FROZEN"))
                .body("items[0].actual", equalTo("100000.00"))
                .body("items[0].total", equalTo("3000.00"))
                .body("items[0].frozenAt", not(nullValue()))
                .extract().path("items[0].id");

        t.manager().as().body(Map.of("amount", "100.00", "reason", "x")).post("/api/v1/commission/statements/" + id + "/adjustments")
                .then().statusCode(403);
        director.as().body(Map.of("amount", "-1200.005", "reason", "退货")).post("/api/v1/commission/statements/" + id + "/adjustments")
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        director.as().body(Map.of("amount", "-1200.00", "reason", " ")).post("/api/v1/commission/statements/" + id + "/adjustments")
                .then().statusCode(400);
        String key = UUID.randomUUID().toString();
        director.as().header("Idempotency-Key", key).body(Map.of("amount", "-1200.00", "reason", "合同HT-118客户退货，冲减提成"))
                .post("/api/v1/commission/statements/" + id + "/adjustments").then().statusCode(201)
                .body("lines.kind", contains("DEAL", "TIER", "ADJUSTMENT"))
                .body("lines[2].commission", equalTo("-1200.00"))
                .body("lines[2].reason", equalTo("合同HT-118客户退货，冲减提成"))
                .body("lines[2].approvedBy", equalTo(director.id().toString()))
                .body("adjustments", equalTo("-1200.00"))
                .body("subtotal", equalTo("3000.00"))
                .body("total", equalTo("1800.00"));
        // sent again after a lost answer: the same answer, one adjustment
        director.as().header("Idempotency-Key", key).body(Map.of("amount", "-1200.00", "reason", "合同HT-118客户退货，冲减提成"))
                .post("/api/v1/commission/statements/" + id + "/adjustments").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("adjustments", equalTo("-1200.00")).body("total", equalTo("1800.00"));

        t.rep().as().get("/api/v1/commission/statements/" + id).then().statusCode(200).body("total", equalTo("1800.00"));
        t.manager().as().get("/api/v1/commission/statements/" + id).then().statusCode(200);
        Api.user("REP", t.id()).as().get("/api/v1/commission/statements/" + id).then().statusCode(404);
        Api.manager(Api.team("other", null)).as().get("/api/v1/commission/statements/" + id).then().statusCode(404);
        Api.asAdmin().body(Map.of("amount", "1", "reason", "x")).post("/api/v1/commission/statements/" + UUID.randomUUID() + "/adjustments")
                .then().statusCode(404);
        given().get("/api/v1/commission/statements/" + id).then().statusCode(401);
    }

    @Test
    void repsSeeTheirOwnStatementAndManagersTheirTeams() {
        Team t = team("REVENUE_WON", "CNY");
        Api.TestUser colleague = Api.user("REP", t.id());
        UUID sub = Api.team("sub", t.id());
        Api.TestUser below = Api.user("REP", sub);
        Team other = team("REVENUE_WON", "CNY");

        statementOf(t.rep(), colleague.id(), "2011-07").statusCode(404).contentType("application/problem+json");
        t.rep().as().get("/api/v1/commission/statements?period=2011-07").then().statusCode(200)
                .body("items.repId", contains(t.rep().id().toString()));
        t.manager().as().get("/api/v1/commission/statements?period=2011-07&limit=200").then().statusCode(200)
                .body("items.repId", hasItem(below.id().toString()))
                .body("items.repId", hasItem(colleague.id().toString()))
                .body("items.repId", not(hasItem(other.rep().id().toString())));
        statementOf(t.manager(), other.rep().id(), "2011-07").statusCode(404);
        statementOf(other.manager(), t.rep().id(), "2011-07").statusCode(404);
        t.rep().as().get("/api/v1/commission/statements?period=2011-13").then().statusCode(400).body("errors.field", hasItem("period"));
        given().get("/api/v1/commission/statements?period=2011-07").then().statusCode(401);
    }

    @Test
    void aPeriodIsExportedByAdminsDirectorsAndPayrollServiceAccountsOnly() {
        Team t = team("REVENUE_WON", "CNY");
        Records r = records();
        r.target(t.rep().id(), t.id(), "REVENUE", LocalDate.of(2011, 5, 1), "100000.00", "CNY", "APPROVED");
        r.won(r.customer(t.rep().id(), t.id(), "B"), "120000.00", "CNY", LocalDate.of(2011, 5, 9));
        pool.preparedQuery("update app_user set display_name = '=HYPERLINK(\"x\")' where id = $1").execute(Tuple.of(t.rep().id()))
                .await().atMost(Duration.ofSeconds(10));

        String csv = Api.asAdmin().get("/api/v1/commission/export?period=2011-05&format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("commission-2011-05.csv"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFFperiod,status,statement_id,rep_id,rep_name"), csv.substring(0, 60));
        String row = csv.lines().filter(l -> l.contains(t.rep().id().toString())).findFirst().orElseThrow();
        assertTrue(row.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "a name a spreadsheet would run is neutralised: " + row);
        assertTrue(row.endsWith(",120,3,2,3600.00,0.00,,,3600.00\r") || row.endsWith(",120,3,2,3600.00,0.00,,,3600.00"), row);

        Api.user("DIRECTOR", t.id()).as().get("/api/v1/commission/export?period=2011-05").then().statusCode(200)
                .body("items.repId", hasItem(t.rep().id().toString()));
        Api.asAdmin().get("/api/v1/commission/export?period=2011-05&format=xml").then().statusCode(400).body("errors.field", hasItem("format"));
        t.manager().as().get("/api/v1/commission/export?period=2011-05").then().statusCode(403);
        t.rep().as().get("/api/v1/commission/export?period=2011-05").then().statusCode(403);

        String plain = serviceAccount(null, List.of());
        Api.as(plain).get("/api/v1/commission/export?period=2011-05").then().statusCode(403).contentType("application/problem+json");
        String payroll = serviceAccount(null, List.of("PAYROLL"));
        Api.as(payroll).get("/api/v1/commission/export?period=2011-05").then().statusCode(200)
                .body("items.repId", hasItem(t.rep().id().toString()));
        String otherTeam = serviceAccount(Api.team("elsewhere", null), List.of("PAYROLL"));
        Api.as(otherTeam).get("/api/v1/commission/export?period=2011-05").then().statusCode(200)
                .body("items.repId", not(hasItem(t.rep().id().toString())));
        Api.as(plain).get("/api/v1/commission/statements?period=2011-05").then().statusCode(403);
    }

    static String serviceAccount(UUID team, List<String> grants) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique("payroll"));
        body.put("teamId", team);
        body.put("grants", grants);
        Map<String, Object> issued = Api.asAdmin().body(body).post("/api/v1/service-accounts").then().statusCode(201)
                .body("grants", equalTo(grants)).extract().as(Map.class);
        return given().contentType("application/json")
                .body(Map.of("grantType", "client_credentials", "clientId", issued.get("clientId"), "clientSecret", issued.get("clientSecret")))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }
}
