package io.canvass.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * KPI and funnel maths on hand-built records with known answers, for October 2025 in Asia/Shanghai
 * (UTC+8): the month runs from 2025-09-30T16:00Z to 2025-10-31T16:00Z.
 */
@QuarkusTest
class KpiTest {

    @Inject
    Pool pool;

    void sql(String statement, Object... args) {
        pool.preparedQuery(statement).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }

    static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
    }

    UUID customer(Api.TestUser rep, String grade, String stage, String createdAt, OffsetDateTime touched, boolean deleted) {
        UUID id = UUID.randomUUID();
        sql("""
                insert into customer (id, name, owner_id, team_id, grade, stage, lost_reason, created_at, last_touched_at, deleted_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""",
                id, Api.unique("客户"), rep.id(), rep.teamId(), grade, stage, "LOST".equals(stage) ? "预算取消" : null,
                at(createdAt), touched, deleted ? at(createdAt) : null);
        return id;
    }

    void stageChange(UUID customer, String from, String to) {
        sql("insert into customer_change (id, customer_id, field, old_value, new_value) values ($1, $2, 'STAGE', $3, $4)",
                UUID.randomUUID(), customer, from, to);
    }

    void checkIn(Api.TestUser rep, UUID customer, String clientTime, boolean verified) {
        sql("""
                insert into check_in (id, user_id, team_id, customer_id, client_time, verdict, unverified_reason, purpose, request_hash)
                values ($1, $2, $3, $4, $5, $6, $7, 'FOLLOW_UP', '\\x00')""",
                UUID.randomUUID(), rep.id(), rep.teamId(), customer, at(clientTime), verified ? "VERIFIED" : "UNVERIFIED",
                verified ? null : "TOO_FAR");
    }

    void followUp(Api.TestUser rep, UUID customer, String dueAt, String status, String doneAt) {
        sql("""
                insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by, done_at)
                values ($1, $2, $3, $4, $5, $6, 'CALL', $7, 'CADENCE', $8)""",
                UUID.randomUUID(), customer, rep.id(), rep.teamId(), LocalDate.parse(dueAt.substring(0, 10)), at(dueAt), status,
                doneAt == null ? null : at(doneAt));
    }

    /** Rep one's October: 7 visits (5 verified), 7 new customers, 4 follow-ups due (2 on time), a funnel of 7/5/3/1. */
    Api.TestUser repOne(UUID team) {
        Api.TestUser rep = Api.user("REP", team);
        String oct = "2025-10-10T03:00:00Z";
        UUID c1 = customer(rep, "A", "INITIAL_INTENT", oct, daysAgo(1), false);
        UUID c2 = customer(rep, "B", "HIGH_INTENT", oct, daysAgo(40), false);
        UUID c3 = customer(rep, "A", "KEY_ACCOUNT", oct, daysAgo(1), false);
        stageChange(c3, "INITIAL_INTENT", "HIGH_INTENT");
        stageChange(c3, "HIGH_INTENT", "KEY_ACCOUNT");
        UUID c4 = customer(rep, "C", "WON", oct, null, false);
        stageChange(c4, "KEY_ACCOUNT", "WON");
        UUID c5 = customer(rep, "B", "LOST", oct, null, false);
        stageChange(c5, "INITIAL_INTENT", "HIGH_INTENT");
        stageChange(c5, "HIGH_INTENT", "LOST");
        customer(rep, "C", "INITIAL_INTENT", oct, null, false);
        customer(rep, "B", "KEY_ACCOUNT", oct, daysAgo(2), false);
        // not October's: created in September (counts in the pool only), and a deleted one
        UUID old = customer(rep, "C", "INITIAL_INTENT", "2025-09-15T03:00:00Z", null, false);
        customer(rep, "A", "INITIAL_INTENT", "2025-10-12T03:00:00Z", null, true);

        checkIn(rep, c1, "2025-09-30T17:00:00Z", true);   // 1 Oct 01:00 in Shanghai: October's
        checkIn(rep, c1, "2025-10-08T02:00:00Z", true);
        checkIn(rep, c2, "2025-10-08T02:00:00Z", true);
        checkIn(rep, c3, "2025-10-15T02:00:00Z", true);
        checkIn(rep, c3, "2025-10-20T02:00:00Z", true);
        checkIn(rep, c4, "2025-10-21T02:00:00Z", false);
        checkIn(rep, c4, "2025-10-21T03:00:00Z", false);
        checkIn(rep, old, "2025-10-31T16:30:00Z", true);  // 1 Nov in Shanghai
        checkIn(rep, old, "2025-09-30T15:00:00Z", true);  // 30 Sep in Shanghai

        followUp(rep, c4, "2025-10-05T15:59:59Z", "DONE", "2025-10-05T09:00:00Z");
        followUp(rep, c4, "2025-10-12T15:59:59Z", "DONE", "2025-10-13T02:00:00Z");
        followUp(rep, c5, "2025-10-19T15:59:59Z", "MISSED", null);
        followUp(rep, c5, "2025-10-26T15:59:59Z", "DONE", "2025-10-26T01:00:00Z");
        followUp(rep, c5, "2025-11-09T15:59:59Z", "DONE", "2025-11-09T01:00:00Z");
        return rep;
    }

    /** Rep two's October: 3 verified visits and one new customer. */
    Api.TestUser repTwo(UUID team) {
        Api.TestUser rep = Api.user("REP", team);
        UUID c = customer(rep, "B", "INITIAL_INTENT", "2025-10-20T03:00:00Z", null, false);
        for (int i = 0; i < 3; i++) {
            checkIn(rep, c, "2025-10-2" + (i + 1) + "T03:00:00Z", true);
        }
        return rep;
    }

    void approvedVisitsTarget(Api.TestUser rep, Api.TestUser manager, int value) {
        Map<String, Object> body = new HashMap<>();
        body.put("period", "2025-10");
        body.put("level", "REP");
        body.put("userId", rep.id());
        body.put("metric", "EFFECTIVE_VISITS");
        body.put("value", value);
        String id = rep.as().body(body).post("/api/v1/targets").then().statusCode(201).extract().path("id");
        rep.as().body(Map.of()).post("/api/v1/targets/" + id + "/submit").then().statusCode(200);
        manager.as().post("/api/v1/targets/" + id + "/approve").then().statusCode(200);
        body.put("metric", "NEW_CUSTOMERS"); // a draft: never counted
        rep.as().body(body).post("/api/v1/targets").then().statusCode(201);
    }

    @Test
    void aRepsMonthFromTheRecords() {
        UUID team = Api.team("kpi", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = repOne(team);
        approvedVisitsTarget(rep, manager, 20);

        JsonPath me = rep.as().queryParam("period", "2025-10").get("/api/v1/kpis/me").then().statusCode(200).extract().jsonPath();
        Map<String, Object> i = me.getMap("indicators");
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertEquals(7, i.get("visits")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(5, i.get("effectiveVisits")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(7, i.get("newCustomers")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(4, i.get("followUpsDue")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(2, i.get("followUpsOnTime")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(0.5f, i.get("followUpOnTimeRate")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(6, i.get("openLeads")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(3, i.get("freshLeads")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(0.5f, i.get("leadFreshness")),
                () -> org.junit.jupiter.api.Assertions.assertEquals(Map.of("A", 2, "B", 3, "C", 3), i.get("grades")));

        org.junit.jupiter.api.Assertions.assertEquals(List.of(7, 5, 3, 1), me.getList("funnel.stages.count"));
        org.junit.jupiter.api.Assertions.assertEquals(0.3333f, me.getFloat("funnel.stages[3].conversion"));
        org.junit.jupiter.api.Assertions.assertEquals("WON", me.getString("funnel.largestDropOff"));

        org.junit.jupiter.api.Assertions.assertEquals(1, me.getList("achievements").size(), "only the approved target counts");
        org.junit.jupiter.api.Assertions.assertEquals("EFFECTIVE_VISITS", me.getString("achievements[0].metric"));
        org.junit.jupiter.api.Assertions.assertEquals(5, me.getInt("achievements[0].actual"));
        org.junit.jupiter.api.Assertions.assertEquals(0.25f, me.getFloat("achievements[0].rate"));

        // weeks start on Monday in Shanghai: 29 Sep (the 1 Oct visit), 6 Oct (2 visits, 7 customers), 13 Oct, 20 Oct
        org.junit.jupiter.api.Assertions.assertEquals(List.of("2025-09-29", "2025-10-06", "2025-10-13", "2025-10-20"),
                me.getList("trend.weekStart"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(1, 2, 1, 1), me.getList("trend.effectiveVisits"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(0, 7, 0, 0), me.getList("trend.newCustomers"));
    }

    @Test
    void aTeamAddsUpItsRepsCountsAndRecomputesItsRates() {
        UUID team = Api.team("kpi", null);
        UUID sub = Api.team("kpi-sub", team);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser one = repOne(team);
        Api.TestUser two = repTwo(sub);
        approvedVisitsTarget(two, manager, 6);

        manager.as().queryParam("period", "2025-10").get("/api/v1/kpis/teams/" + team).then().statusCode(200)
                .body("subject.level", equalTo("TEAM"))
                .body("indicators.effectiveVisits", equalTo(8))
                .body("indicators.newCustomers", equalTo(8))
                .body("indicators.followUpOnTimeRate", equalTo(0.5f))
                .body("indicators.leadFreshness", equalTo(0.4286f))
                .body("funnel.stages.count", equalTo(List.of(8, 5, 3, 1)))
                .body("achievements", hasSize(0))
                .body("reps", hasSize(2))
                .body("reps.find { it.userId == '" + two.id() + "' }.achievements[0].rate", equalTo(0.5f))
                .body("reps.find { it.userId == '" + one.id() + "' }.indicators.effectiveVisits", equalTo(5));
        manager.as().queryParam("period", "2025-10").get("/api/v1/kpis/users/" + two.id()).then().statusCode(200)
                .body("indicators.effectiveVisits", equalTo(3)).body("subject.name", equalTo("Test REP"));
    }

    @Test
    void dashboardsOutsideYourScopeAreNotFoundOrForbidden() {
        UUID team = Api.team("kpi", null);
        UUID other = Api.team("kpi-other", null);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser otherManager = Api.manager(other);
        otherManager.as().queryParam("period", "2025-10").get("/api/v1/kpis/teams/" + team).then().statusCode(404);
        otherManager.as().queryParam("period", "2025-10").get("/api/v1/kpis/users/" + rep.id()).then().statusCode(404);
        rep.as().queryParam("period", "2025-10").get("/api/v1/kpis/teams/" + team).then().statusCode(403);
        otherManager.as().queryParam("period", "2025-10").get("/api/v1/kpis/organisation").then().statusCode(403);
        Api.user("DIRECTOR", null).as().queryParam("period", "2025-10").get("/api/v1/kpis/organisation").then().statusCode(200)
                .body("subject.level", equalTo("ORGANISATION"));
    }

    @Test
    void todayShowsTheVisitsAWeekStillNeeded() {
        UUID team = Api.team("kpi", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String month = io.canvass.target.Period.containing(io.canvass.target.Period.Kind.MONTH, today).label();
        long daysLeft = io.canvass.target.Period.parse("p", month).daysLeftFrom(today);
        String id = rep.as().body(Map.of("period", month, "level", "REP", "userId", rep.id(), "metric", "EFFECTIVE_VISITS", "value", 100))
                .post("/api/v1/targets").then().statusCode(201).extract().path("id");
        rep.as().body(Map.of()).post("/api/v1/targets/" + id + "/submit").then().statusCode(200);
        manager.as().post("/api/v1/targets/" + id + "/approve").then().statusCode(200);
        rep.as().get("/api/v1/kpis/me/actions").then().statusCode(200)
                .body("period", equalTo(month)).body("daysLeft", equalTo((int) daysLeft))
                .body("actions[0].metric", equalTo("EFFECTIVE_VISITS")).body("actions[0].remaining", equalTo(100))
                .body("actions[0].visitsPerWeek", equalTo((int) Math.ceil(700.0 / daysLeft)));

        // revenue and deals through the rep's own last 90 days: 20 effective visits, 2 CNY deals won averaging 25,000
        UUID c = customer(rep, "A", "KEY_ACCOUNT", daysAgo(60).toInstant().toString(), null, false);
        for (int i = 0; i < 20; i++) {
            checkIn(rep, c, daysAgo(40 + i % 10).toInstant().toString(), true);
        }
        for (String amount : List.of("30000", "20000")) {
            sql("insert into deal (id, customer_id, name, amount, currency, stage, closed_at) values ($1, $2, $3, $4, 'CNY', 'WON', $5)",
                    UUID.randomUUID(), c, Api.unique("商机"), new java.math.BigDecimal(amount), daysAgo(35));
        }
        for (Map<String, Object> target : List.of(
                Map.<String, Object>of("metric", "REVENUE", "currency", "CNY", "value", 100000),
                Map.<String, Object>of("metric", "COLLECTIONS", "currency", "CNY", "value", 7000))) {
            Map<String, Object> body = new HashMap<>(target);
            body.putAll(Map.of("period", month, "level", "REP", "userId", rep.id()));
            String t = rep.as().body(body).post("/api/v1/targets").then().statusCode(201).extract().path("id");
            rep.as().body(Map.of()).post("/api/v1/targets/" + t + "/submit").then().statusCode(200);
            manager.as().post("/api/v1/targets/" + t + "/approve").then().statusCode(200);
        }
        rep.as().get("/api/v1/kpis/me/actions").then().statusCode(200)
                .body("visitsPerDeal", equalTo(10.0f))
                .body("actions.find { it.metric == 'REVENUE' }.currency", equalTo("CNY"))
                .body("actions.find { it.metric == 'REVENUE' }.dealsNeeded", equalTo(4))
                .body("actions.find { it.metric == 'REVENUE' }.visitsPerWeek", equalTo((int) Math.ceil(40 * 7.0 / daysLeft)))
                .body("actions.find { it.metric == 'COLLECTIONS' }.perWeek", equalTo((int) Math.ceil(7000 * 7.0 / daysLeft)))
                .body("actions.find { it.metric == 'COLLECTIONS' }.visitsPerWeek", nullValue());
        manager.as().get("/api/v1/kpis/me/actions").then().statusCode(403);
        rep.as().queryParam("period", "2026-Q7").get("/api/v1/kpis/me/actions").then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().get("/api/v1/kpis/me/actions").then().statusCode(401);
    }

    @Test
    void aPeriodIsRequiredAndWellFormed() {
        Api.TestUser rep = Api.user("REP", Api.team("kpi", null));
        rep.as().queryParam("period", "2025-Q5").get("/api/v1/kpis/me").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        rep.as().get("/api/v1/kpis/me").then().statusCode(400);
        given().get("/api/v1/kpis/me?period=2025").then().statusCode(401);
        rep.as().queryParam("period", "2025-10").get("/api/v1/kpis/me").then().statusCode(200)
                .body("indicators.followUpOnTimeRate", nullValue()).body("funnel.largestDropOff", nullValue());
    }

    @Inject
    KpiQueries queries;

    static String counts(RepNumbers n) {
        return "visits=" + n.visits + " effective=" + n.effectiveVisits + " new=" + n.newCustomers + " due=" + n.followUpsDue
                + " onTime=" + n.followUpsOnTime + " funnel=" + java.util.Arrays.toString(n.funnel);
    }

    @Inject
    KpiRollupCompactor compactor;

    void sameWithAndWithoutTheRollup(UUID rep, Instant from, Instant to, String expected) {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        RepNumbers rolled = queries.numbers(List.of(rep), from, to, zone, 30, true).await().atMost(Duration.ofSeconds(10)).get(rep);
        RepNumbers live = queries.numbers(List.of(rep), from, to, zone, 30, false).await().atMost(Duration.ofSeconds(10)).get(rep);
        org.junit.jupiter.api.Assertions.assertEquals(expected, counts(live), "from the records");
        org.junit.jupiter.api.Assertions.assertEquals(expected, counts(rolled), "from the daily rollup");
        org.junit.jupiter.api.Assertions.assertEquals(
                queries.trend(List.of(rep), from, to, zone, false).await().atMost(Duration.ofSeconds(10)),
                queries.trend(List.of(rep), from, to, zone, true).await().atMost(Duration.ofSeconds(10)));
        // and once the deltas are folded into the day rows
        compactor.compact().await().atMost(Duration.ofSeconds(10));
        RepNumbers folded = queries.numbers(List.of(rep), from, to, zone, 30, true).await().atMost(Duration.ofSeconds(10)).get(rep);
        org.junit.jupiter.api.Assertions.assertEquals(expected, counts(folded), "from the daily rollup, folded");
        org.junit.jupiter.api.Assertions.assertEquals(
                queries.trend(List.of(rep), from, to, zone, false).await().atMost(Duration.ofSeconds(10)),
                queries.trend(List.of(rep), from, to, zone, true).await().atMost(Duration.ofSeconds(10)));
    }

    @Test
    void theDailyRollupAnswersAsTheRecordsDoAfterEveryKindOfChange() {
        UUID team = Api.team("kpi-rollup", null);
        Api.TestUser rep = repOne(team);
        Api.TestUser other = Api.user("REP", team);
        Instant from = Instant.parse("2025-09-30T16:00:00Z");
        Instant to = Instant.parse("2025-10-31T16:00:00Z");
        sameWithAndWithoutTheRollup(rep.id(), from, to, "visits=7 effective=5 new=7 due=4 onTime=2 funnel=[7, 5, 3, 1]");
        // whole months come from the month rows, the days around them from the day rows
        compactor.compact().await().atMost(Duration.ofSeconds(10));
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        Instant midSeptember = Instant.parse("2025-09-14T16:00:00Z");
        Instant midNovember = Instant.parse("2025-11-14T16:00:00Z");
        org.junit.jupiter.api.Assertions.assertEquals(
                counts(queries.numbers(List.of(rep.id()), midSeptember, midNovember, shanghai, 30, false).await().atMost(Duration.ofSeconds(10)).get(rep.id())),
                counts(queries.numbers(List.of(rep.id()), midSeptember, midNovember, shanghai, 30, true).await().atMost(Duration.ofSeconds(10)).get(rep.id())));
        org.junit.jupiter.api.Assertions.assertEquals("visits=9 effective=7 new=8 due=5 onTime=3 funnel=[8, 5, 3, 1]",
                counts(queries.numbers(List.of(rep.id()), midSeptember, midNovember, shanghai, 30, true).await().atMost(Duration.ofSeconds(10)).get(rep.id())));

        // a late offline check-in, a verdict overturned, a customer reassigned and one deleted, a follow-up moved out of the month
        UUID c = customer(rep, "A", "INITIAL_INTENT", "2025-10-02T03:00:00Z", null, false);
        checkIn(rep, c, "2025-10-03T03:00:00Z", true);
        sql("update check_in set verdict = 'UNVERIFIED', unverified_reason = 'TOO_FAR' where customer_id = $1", c);
        sql("update customer set owner_id = $1 where id = $2", other.id(), c);
        sql("update customer set deleted_at = now() where owner_id = $1 and grade = 'B' and stage = 'HIGH_INTENT'", rep.id());
        sql("update follow_up set due_at = '2025-11-20T03:00:00Z' where owner_id = $1 and status = 'MISSED'", rep.id());
        sameWithAndWithoutTheRollup(rep.id(), from, to, "visits=8 effective=5 new=6 due=3 onTime=2 funnel=[6, 4, 3, 1]");
        sameWithAndWithoutTheRollup(other.id(), from, to, "visits=0 effective=0 new=1 due=0 onTime=0 funnel=[1, 0, 0, 0]");

        // the funnel keeps the furthest stage reached, whether the customer moved there or its history says so
        sql("update customer set stage = 'KEY_ACCOUNT' where id = $1", c);
        stageChange(c, "INITIAL_INTENT", "KEY_ACCOUNT");
        sql("update customer set stage = 'LOST', lost_reason = '预算取消' where id = $1", c);
        stageChange(c, "KEY_ACCOUNT", "LOST");
        sameWithAndWithoutTheRollup(other.id(), from, to, "visits=0 effective=0 new=1 due=0 onTime=0 funnel=[1, 1, 1, 0]");
        stageChange(c, "KEY_ACCOUNT", "WON");
        sameWithAndWithoutTheRollup(other.id(), from, to, "visits=0 effective=0 new=1 due=0 onTime=0 funnel=[1, 1, 1, 1]");

        // today: follow-ups count once due, whichever way is read
        Instant todayStart = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        followUp(other, c, todayStart.plusSeconds(1).toString(), "DONE", todayStart.toString());
        followUp(other, c, todayStart.plus(Duration.ofDays(1)).minusSeconds(1).toString(), "OPEN", null);
        sameWithAndWithoutTheRollup(other.id(), todayStart.minus(Duration.ofDays(3)), todayStart.plus(Duration.ofDays(2)),
                "visits=0 effective=0 new=0 due=1 onTime=1 funnel=[0, 0, 0, 0]");
    }
}
