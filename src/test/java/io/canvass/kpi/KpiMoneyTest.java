package io.canvass.kpi;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Money and result indicators (deals, revenue, collections) on hand-built records with known
 * answers, for October 2025 in Asia/Shanghai (UTC+8): the month runs from 2025-09-30T16:00Z to
 * 2025-10-31T16:00Z, and its days are 2025-10-01 to 2025-10-31.
 */
@QuarkusTest
class KpiMoneyTest {

    @Inject
    Pool pool;

    void sql(String statement, Object... args) {
        pool.preparedQuery(statement).execute(Tuple.from(Arrays.asList(args))).await().atMost(Duration.ofSeconds(10));
    }

    static OffsetDateTime at(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    UUID customer(Api.TestUser rep) {
        UUID id = UUID.randomUUID();
        sql("insert into customer (id, name, owner_id, team_id, grade, stage, created_at) values ($1, $2, $3, $4, 'A', 'KEY_ACCOUNT', $5)",
                id, Api.unique("客户"), rep.id(), rep.teamId(), at("2025-06-01T03:00:00Z"));
        return id;
    }

    /** A deal with its stage history: {@code moves} are pairs of (instant, stage), the first one its creation. */
    UUID deal(UUID customer, String currency, String amount, String... moves) {
        UUID id = UUID.randomUUID();
        String stage = moves[moves.length - 1];
        String closedAt = "WON".equals(stage) || "LOST".equals(stage) ? moves[moves.length - 2] : null;
        sql("""
                insert into deal (id, customer_id, name, amount, currency, stage, lost_reason, closed_at, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
                id, customer, Api.unique("商机"), new BigDecimal(amount), currency, stage, "LOST".equals(stage) ? "预算取消" : null,
                at(closedAt), at(moves[0]));
        String from = null;
        for (int i = 0; i < moves.length; i += 2) {
            sql("insert into deal_stage_change (id, deal_id, at, from_stage, to_stage) values ($1, $2, $3, $4, $5)",
                    UUID.randomUUID(), id, at(moves[i]), from, moves[i + 1]);
            from = moves[i + 1];
        }
        return id;
    }

    UUID contract(UUID customer, String status) {
        UUID id = UUID.randomUUID();
        sql("""
                insert into contract (id, customer_id, number, value, currency, starts_on, ends_on, status, renewal_state)
                values ($1, $2, $3, 100000, 'CNY', '2025-01-01', '2026-12-31', $4, 'NONE')""",
                id, customer, Api.unique("HT"), status);
        return id;
    }

    /** An instalment and the payments against it: {@code payments} are pairs of (day, amount). */
    void instalment(UUID contract, int position, String dueOn, String amount, String... payments) {
        UUID id = UUID.randomUUID();
        BigDecimal collected = BigDecimal.ZERO;
        for (int i = 0; i < payments.length; i += 2) {
            collected = collected.add(new BigDecimal(payments[i + 1]));
        }
        boolean paid = collected.compareTo(new BigDecimal(amount)) == 0;
        sql("""
                insert into instalment (id, contract_id, position, due_on, amount, currency, collected, paid_on)
                values ($1, $2, $3, $4, $5, 'CNY', $6, $7)""",
                id, contract, position, LocalDate.parse(dueOn), new BigDecimal(amount), collected,
                paid ? LocalDate.parse(payments[payments.length - 2]) : null);
        for (int i = 0; i < payments.length; i += 2) {
            sql("""
                    insert into payment (id, instalment_id, contract_id, amount, currency, received_on)
                    values ($1, $2, $3, $4, 'CNY', $5)""",
                    UUID.randomUUID(), id, contract, new BigDecimal(payments[i + 1]), LocalDate.parse(payments[i]));
        }
    }

    /**
     * Rep one's October: proposals 3 (deals one, two and six; deal four's was in September, deal two
     * entered twice), won 3 (CNY 100,000.00 + 50,000.50, USD 2,000), lost 1, one won in November;
     * instalments due in October CNY 33,000 with 18,000 collected against them, CNY 26,000 received in
     * October, three instalments settled in October 3, 7 and 0 days late.
     */
    Api.TestUser repOne(UUID team) {
        Api.TestUser rep = Api.user("REP", team);
        UUID c = customer(rep);
        deal(c, "CNY", "100000", "2025-10-02T02:00:00Z", "PROPOSAL", "2025-10-10T02:00:00Z", "WON");
        deal(c, "CNY", "50000.50", "2025-09-28T02:00:00Z", "QUALIFICATION", "2025-10-05T02:00:00Z", "PROPOSAL",
                "2025-10-06T02:00:00Z", "NEGOTIATION", "2025-10-07T02:00:00Z", "PROPOSAL", "2025-10-31T15:59:59Z", "WON");
        deal(c, "USD", "2000", "2025-09-01T02:00:00Z", "NEGOTIATION", "2025-10-15T02:00:00Z", "WON");
        deal(c, "CNY", "30000", "2025-09-20T02:00:00Z", "PROPOSAL", "2025-10-20T02:00:00Z", "LOST");
        deal(c, "CNY", "99999", "2025-10-01T02:00:00Z", "NEGOTIATION", "2025-10-31T16:00:00Z", "WON"); // 1 Nov in Shanghai
        deal(c, "CNY", "5000", "2025-10-25T02:00:00Z", "PROPOSAL");
        deal(c, "CNY", "7000", "2025-09-30T15:00:00Z", "PROPOSAL"); // 30 Sep 23:00 in Shanghai

        UUID k = contract(c, "ACTIVE");
        instalment(k, 1, "2025-10-05", "10000", "2025-10-01", "6000", "2025-10-08", "4000");
        instalment(k, 2, "2025-10-20", "20000", "2025-10-25", "5000");
        instalment(k, 3, "2025-09-25", "8000", "2025-10-02", "8000");
        instalment(k, 4, "2025-10-28", "3000", "2025-10-20", "3000");
        instalment(k, 5, "2025-11-05", "7000", "2025-11-01", "7000");
        instalment(contract(c, "DRAFT"), 1, "2025-10-10", "999");
        return rep;
    }

    /** Rep two's October: one deal won (CNY 10,000, no proposal), CNY 2,000 received against 4,000 due. */
    Api.TestUser repTwo(UUID team) {
        Api.TestUser rep = Api.user("REP", team);
        UUID c = customer(rep);
        deal(c, "CNY", "10000", "2025-10-03T02:00:00Z", "NEGOTIATION", "2025-10-21T02:00:00Z", "WON");
        instalment(contract(c, "ACTIVE"), 1, "2025-10-15", "4000", "2025-10-16", "2000");
        return rep;
    }

    void approved(Api.TestUser rep, Api.TestUser manager, String metric, String currency, int value) {
        Map<String, Object> body = new HashMap<>();
        body.put("period", "2025-10");
        body.put("level", "REP");
        body.put("userId", rep.id());
        body.put("metric", metric);
        body.put("value", value);
        if (currency != null) {
            body.put("currency", currency);
        }
        String id = rep.as().body(body).post("/api/v1/targets").then().statusCode(201).extract().path("id");
        rep.as().body(Map.of()).post("/api/v1/targets/" + id + "/submit").then().statusCode(200);
        manager.as().post("/api/v1/targets/" + id + "/approve").then().statusCode(200);
    }

    @Test
    void aRepsDealsRevenueAndCollectionsFromTheRecords() {
        UUID team = Api.team("kpi-money", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = repOne(team);
        approved(rep, manager, "REVENUE", "CNY", 300000);
        approved(rep, manager, "COLLECTIONS", "CNY", 52000);
        approved(rep, manager, "DEALS_WON", null, 6);

        JsonPath me = rep.as().queryParam("period", "2025-10").get("/api/v1/kpis/me").then().statusCode(200).extract().jsonPath();
        assertAll(
                () -> assertEquals(3, me.getInt("indicators.proposals")),
                () -> assertEquals(3, me.getInt("indicators.dealsWon")),
                () -> assertEquals(1, me.getInt("indicators.dealsLost")),
                () -> assertEquals(0.7500f, me.getFloat("indicators.winRate")),
                () -> assertEquals(List.of("CNY", "USD"), me.getList("indicators.revenue.currency")),
                () -> assertEquals(150000.50f, me.getFloat("indicators.revenue[0].amount")),
                () -> assertEquals(2000.00f, me.getFloat("indicators.revenue[1].amount")),
                () -> assertEquals(75000.25f, me.getFloat("indicators.averageDealSize[0].amount")),
                () -> assertEquals(2000.00f, me.getFloat("indicators.averageDealSize[1].amount")),
                () -> assertEquals(1, me.getList("indicators.collections").size()),
                () -> assertEquals("CNY", me.getString("indicators.collections[0].currency")),
                () -> assertEquals(33000.00f, me.getFloat("indicators.collections[0].due")),
                () -> assertEquals(18000.00f, me.getFloat("indicators.collections[0].collected")),
                () -> assertEquals(0.5455f, me.getFloat("indicators.collections[0].rate")),
                () -> assertEquals(26000.00f, me.getFloat("indicators.collections[0].received")),
                () -> assertEquals(3.3f, me.getFloat("indicators.collectionCycleDays")));

        Map<String, Map<String, Object>> byMetric = new HashMap<>();
        for (Map<String, Object> a : me.<Map<String, Object>>getList("achievements")) {
            byMetric.put((String) a.get("metric"), a);
        }
        assertAll(
                () -> assertEquals(true, byMetric.get("REVENUE").get("measured")),
                () -> assertEquals(150000.5f, byMetric.get("REVENUE").get("actual")),
                () -> assertEquals(0.5f, byMetric.get("REVENUE").get("rate")),
                () -> assertEquals("CNY", byMetric.get("REVENUE").get("currency")),
                () -> assertEquals(26000, byMetric.get("COLLECTIONS").get("actual")),
                () -> assertEquals(0.5f, byMetric.get("COLLECTIONS").get("rate")),
                () -> assertEquals(3, byMetric.get("DEALS_WON").get("actual")),
                () -> assertEquals(true, byMetric.get("DEALS_WON").get("measured")));
    }

    @Test
    void aTeamAddsUpMoneyPerCurrencyAndItsRepRowsCarryIt() {
        UUID team = Api.team("kpi-money", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser one = repOne(team);
        Api.TestUser two = repTwo(team);

        JsonPath t = manager.as().queryParam("period", "2025-10").get("/api/v1/kpis/teams/" + team).then().statusCode(200)
                .extract().jsonPath();
        assertAll(
                () -> assertEquals(3, t.getInt("indicators.proposals")),
                () -> assertEquals(4, t.getInt("indicators.dealsWon")),
                () -> assertEquals(0.8000f, t.getFloat("indicators.winRate")),
                () -> assertEquals(160000.50f, t.getFloat("indicators.revenue[0].amount")),
                () -> assertEquals(53333.50f, t.getFloat("indicators.averageDealSize[0].amount")),
                () -> assertEquals(37000.00f, t.getFloat("indicators.collections[0].due")),
                () -> assertEquals(20000.00f, t.getFloat("indicators.collections[0].collected")),
                () -> assertEquals(0.5405f, t.getFloat("indicators.collections[0].rate")),
                () -> assertEquals(28000.00f, t.getFloat("indicators.collections[0].received")),
                () -> assertEquals(3.3f, t.getFloat("indicators.collectionCycleDays")),
                () -> assertEquals(1, t.getInt("reps.find { it.userId == '" + two.id() + "' }.indicators.dealsWon")),
                () -> assertEquals(10000f, t.getFloat("reps.find { it.userId == '" + two.id() + "' }.indicators.revenue[0].amount")),
                () -> assertEquals(0.5f, t.getFloat("reps.find { it.userId == '" + two.id() + "' }.indicators.collections[0].rate")),
                () -> assertEquals(1.0f, t.getFloat("reps.find { it.userId == '" + two.id() + "' }.indicators.winRate")),
                () -> assertEquals(3, t.getInt("reps.find { it.userId == '" + one.id() + "' }.indicators.proposals")));
    }

    @Test
    void aRepWithoutDealsOrMoneyHasZerosAndNoRates() {
        Api.TestUser rep = Api.user("REP", Api.team("kpi-money", null));
        rep.as().queryParam("period", "2025-10").get("/api/v1/kpis/me").then().statusCode(200)
                .body("indicators.proposals", equalTo(0))
                .body("indicators.dealsWon", equalTo(0))
                .body("indicators.revenue", equalTo(List.of()))
                .body("indicators.collections", equalTo(List.of()))
                .body("indicators.winRate", equalTo(null))
                .body("indicators.collectionCycleDays", equalTo(null));
    }

    @Inject
    KpiQueries queries;

    static String money(RepNumbers n) {
        return "won=" + n.dealsWon + " lost=" + n.dealsLost + " revenue=" + plain(n.revenue) + " wonBy=" + n.wonByCurrency
                + " due=" + plain(n.collectionDue) + " collected=" + plain(n.collectionCollected) + " received=" + plain(n.received)
                + " settled=" + n.instalmentsSettled + " late=" + n.settledDaysLate + " proposals=" + n.proposals;
    }

    static String plain(Map<String, BigDecimal> amounts) {
        Map<String, String> out = new java.util.TreeMap<>();
        amounts.forEach((currency, amount) -> out.put(currency, amount.stripTrailingZeros().toPlainString()));
        return out.toString();
    }

    /** The rep's money for [from, to) from the daily money rollup and from the records: both must be {@code expected}. */
    @Inject
    KpiRollupCompactor compactor;

    void sameWithAndWithoutTheRollup(UUID rep, Instant from, Instant to, String expected) {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        RepNumbers live = queries.numbers(List.of(rep), from, to, zone, 30, false).await().atMost(Duration.ofSeconds(10)).get(rep);
        RepNumbers rolled = queries.numbers(List.of(rep), from, to, zone, 30, true).await().atMost(Duration.ofSeconds(10)).get(rep);
        assertEquals(expected, money(live), "from the records");
        assertEquals(expected, money(rolled), "from the daily money rollup");
        compactor.compact().await().atMost(Duration.ofSeconds(10));
        RepNumbers folded = queries.numbers(List.of(rep), from, to, zone, 30, true).await().atMost(Duration.ofSeconds(10)).get(rep);
        assertEquals(expected, money(folded), "from the daily money rollup, folded");
    }

    @Test
    void theMoneyRollupAnswersAsTheRecordsDoAfterEveryKindOfChange() {
        UUID team = Api.team("kpi-money-rollup", null);
        Api.TestUser one = repOne(team);
        Api.TestUser other = Api.user("REP", team);
        Instant from = Instant.parse("2025-09-30T16:00:00Z");
        Instant to = Instant.parse("2025-10-31T16:00:00Z");
        sameWithAndWithoutTheRollup(one.id(), from, to, "won=3 lost=1 revenue={CNY=150000.5, USD=2000} wonBy={CNY=2, USD=1} "
                + "due={CNY=33000} collected={CNY=18000} received={CNY=26000} settled=3 late=10 proposals=3");
        // not whole days in the rollup's zone: deals closed come from the records, the days' money from the rollup
        sameWithAndWithoutTheRollup(one.id(), from.plusSeconds(3600), to, "won=3 lost=1 revenue={CNY=150000.5, USD=2000} "
                + "wonBy={CNY=2, USD=1} due={CNY=33000} collected={CNY=18000} received={CNY=26000} settled=3 late=10 proposals=3");

        UUID c = customer(one);
        UUID won = deal(c, "CNY", "1000", "2025-10-01T02:00:00Z", "NEGOTIATION", "2025-10-02T02:00:00Z", "WON");
        UUID draft = contract(c, "DRAFT");
        instalment(draft, 1, "2025-10-12", "500", "2025-10-12", "500");
        UUID k = contract(c, "ACTIVE");
        instalment(k, 1, "2025-10-14", "800", "2025-10-15", "300");
        // a deal's amount corrected, another reopened; a draft signed; a payment moved and one refunded; an instalment rescheduled
        sql("update deal set amount = 1200 where id = $1", won);
        sql("update deal set stage = 'NEGOTIATION', closed_at = null where customer_id <> $1 and stage = 'LOST' "
                + "and customer_id in (select id from customer where owner_id = $2)", c, one.id());
        sql("update contract set status = 'ACTIVE' where id = $1", draft);
        sql("update payment set received_on = '2025-11-03' where contract_id = $1", k);
        sql("update instalment set collected = 0 where contract_id = $1", k);
        sql("delete from payment where contract_id = $1", k);
        sql("update instalment set due_on = '2025-11-20' where contract_id in (select id from contract where customer_id <> $1 "
                + "and customer_id in (select id from customer where owner_id = $2)) and position = 4", c, one.id());
        sameWithAndWithoutTheRollup(one.id(), from, to, "won=4 lost=0 revenue={CNY=151200.5, USD=2000} wonBy={CNY=3, USD=1} "
                + "due={CNY=31300} collected={CNY=15500} received={CNY=26500} settled=4 late=10 proposals=3");

        // the new customer goes to a colleague with all its money; a contract is deleted with its instalments
        sql("update customer set owner_id = $1 where id = $2", other.id(), c);
        sameWithAndWithoutTheRollup(other.id(), from, to, "won=1 lost=0 revenue={CNY=1200} wonBy={CNY=1} "
                + "due={CNY=1300} collected={CNY=500} received={CNY=500} settled=1 late=0 proposals=0");
        sql("delete from instalment where contract_id = $1", k);
        sql("delete from contract where id = $1", k);
        sameWithAndWithoutTheRollup(other.id(), from, to, "won=1 lost=0 revenue={CNY=1200} wonBy={CNY=1} "
                + "due={CNY=500} collected={CNY=500} received={CNY=500} settled=1 late=0 proposals=0");
        sameWithAndWithoutTheRollup(one.id(), from, to, "won=3 lost=0 revenue={CNY=150000.5, USD=2000} wonBy={CNY=2, USD=1} "
                + "due={CNY=30000} collected={CNY=15000} received={CNY=26000} settled=3 late=10 proposals=3");
    }
    static String onlyProposals(int n) {
        return "won=0 lost=0 revenue={} wonBy={} due={} collected={} received={} settled=0 late=0 proposals=" + n;
    }

    @Test
    void theRollupCountsADealsProposalsOncePerMonthQuarterAndYearAsTheRecordsDo() {
        UUID team = Api.team("kpi-proposals", null);
        Api.TestUser one = Api.user("REP", team);
        Api.TestUser other = Api.user("REP", team);
        UUID c = customer(one);
        UUID twice = deal(c, "CNY", "4000", "2025-10-03T02:00:00Z", "PROPOSAL", "2025-10-04T02:00:00Z", "NEGOTIATION",
                "2025-10-08T02:00:00Z", "PROPOSAL", "2025-11-02T02:00:00Z", "NEGOTIATION", "2025-11-03T02:00:00Z", "PROPOSAL");
        UUID late = deal(c, "CNY", "5000", "2025-12-31T15:30:00Z", "PROPOSAL"); // 31 Dec 23:30 in Shanghai
        deal(c, "CNY", "6000", "2025-08-01T02:00:00Z", "QUALIFICATION");
        Instant sep = Instant.parse("2025-08-31T16:00:00Z");
        Instant oct = Instant.parse("2025-09-30T16:00:00Z");
        Instant nov = Instant.parse("2025-10-31T16:00:00Z");
        Instant dec = Instant.parse("2025-11-30T16:00:00Z");
        Instant year = Instant.parse("2024-12-31T16:00:00Z");
        Instant end = Instant.parse("2025-12-31T16:00:00Z");
        sameWithAndWithoutTheRollup(one.id(), oct, nov, onlyProposals(1));
        sameWithAndWithoutTheRollup(one.id(), nov, dec, onlyProposals(1));
        sameWithAndWithoutTheRollup(one.id(), dec, end, onlyProposals(1));
        sameWithAndWithoutTheRollup(one.id(), oct, end, onlyProposals(2));
        sameWithAndWithoutTheRollup(one.id(), year, end, onlyProposals(2));
        sameWithAndWithoutTheRollup(one.id(), oct, dec, onlyProposals(1)); // two months: from the records

        // an entry moved into September: the deal is now September's and the third quarter's too
        sql("update deal_stage_change set at = '2025-09-29T02:00:00Z' where deal_id = $1 and at = '2025-10-03T02:00:00Z'", twice);
        sameWithAndWithoutTheRollup(one.id(), sep, oct, onlyProposals(1));
        sameWithAndWithoutTheRollup(one.id(), oct, nov, onlyProposals(1));
        sameWithAndWithoutTheRollup(one.id(), Instant.parse("2025-06-30T16:00:00Z"), oct, onlyProposals(1));
        sameWithAndWithoutTheRollup(one.id(), year, end, onlyProposals(2));

        // the customer goes to a colleague with its deals; one deal then moves to a customer of the first rep
        sql("update customer set owner_id = $1 where id = $2", other.id(), c);
        sameWithAndWithoutTheRollup(one.id(), year, end, onlyProposals(0));
        sameWithAndWithoutTheRollup(other.id(), year, end, onlyProposals(2));
        sql("update deal set customer_id = $1 where id = $2", customer(one), late);
        sameWithAndWithoutTheRollup(one.id(), dec, end, onlyProposals(1));
        sameWithAndWithoutTheRollup(other.id(), oct, end, onlyProposals(1));

        // an entry removed, and a deal deleted with its history
        sql("delete from deal_stage_change where deal_id = $1 and at = '2025-10-08T02:00:00Z'", twice);
        sameWithAndWithoutTheRollup(other.id(), oct, nov, onlyProposals(0));
        sameWithAndWithoutTheRollup(other.id(), nov, dec, onlyProposals(1));
        sql("delete from deal where id = $1", late);
        sameWithAndWithoutTheRollup(one.id(), year, end, onlyProposals(0));
    }
}
