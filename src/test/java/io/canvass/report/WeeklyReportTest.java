package io.canvass.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Week 2025-W20 runs from Monday 12 May 2025 00:00 in Shanghai (11 May 16:00Z) for seven days. */
@QuarkusTest
class WeeklyReportTest {

    @Inject
    Pool pool;

    void sql(String statement, Object... args) {
        pool.preparedQuery(statement).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }

    void week(Api.TestUser rep, int verified, int unverified) {
        UUID c = UUID.randomUUID();
        sql("insert into customer (id, name, owner_id, team_id, grade, stage, created_at) values ($1, $2, $3, $4, 'B', 'INITIAL_INTENT', $5)",
                c, Api.unique("客户"), rep.id(), rep.teamId(), Instant.parse("2025-05-12T03:00:00Z").atOffset(ZoneOffset.UTC));
        sql("insert into customer_change (id, customer_id, at, field, old_value, new_value) values ($1, $2, $3, 'STAGE', 'INITIAL_INTENT', 'HIGH_INTENT')",
                UUID.randomUUID(), c, Instant.parse("2025-05-13T03:00:00Z").atOffset(ZoneOffset.UTC));
        for (int i = 0; i < verified + unverified; i++) {
            sql("""
                    insert into check_in (id, user_id, team_id, customer_id, client_time, verdict, unverified_reason, purpose, request_hash)
                    values ($1, $2, $3, $4, $5, $6, $7, 'FOLLOW_UP', '\\x00')""",
                    UUID.randomUUID(), rep.id(), rep.teamId(), c, Instant.parse("2025-05-1" + (2 + i % 6) + "T03:00:00Z").atOffset(ZoneOffset.UTC),
                    i < verified ? "VERIFIED" : "UNVERIFIED", i < verified ? null : "TOO_FAR");
        }
        // the Sunday before, in Shanghai: not this week
        sql("""
                insert into check_in (id, user_id, team_id, customer_id, client_time, verdict, purpose, request_hash)
                values ($1, $2, $3, $4, $5, 'VERIFIED', 'FOLLOW_UP', '\\x00')""",
                UUID.randomUUID(), rep.id(), rep.teamId(), c, Instant.parse("2025-05-11T15:00:00Z").atOffset(ZoneOffset.UTC));
    }

    @Test
    void theRepWritesAndSubmitsTheManagerCommentsAndTheTeamRollsUp() {
        UUID team = Api.team("weekly", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser quiet = Api.user("REP", team);
        week(rep, 4, 1);
        week(quiet, 1, 0);
        String id = rep.as().body(Map.of("period", "2025-05", "level", "REP", "userId", rep.id(), "metric", "EFFECTIVE_VISITS", "value", 20))
                .post("/api/v1/targets").then().statusCode(201).extract().path("id");
        rep.as().body(Map.of()).post("/api/v1/targets/" + id + "/submit").then().statusCode(200);
        manager.as().post("/api/v1/targets/" + id + "/approve").then().statusCode(200);

        rep.as().queryParam("week", "2025-W20").get("/api/v1/reports/weekly").then().statusCode(200)
                .body("weekStart", equalTo("2025-05-12")).body("data.visits", equalTo(5)).body("data.effectiveVisits", equalTo(4))
                .body("data.newCustomers", equalTo(1)).body("data.stageMoves", equalTo(1))
                .body("data.month", equalTo("2025-05")).body("data.monthTargets[0].actual", equalTo(5))
                .body("data.monthTargets[0].rate", equalTo(0.25f));

        Map<String, Object> write = new HashMap<>();
        write.put("behaviour", "重点客户A完成演示");
        write.put("submit", true);
        rep.as().queryParam("week", "2025-05-14").body(write).put("/api/v1/reports/weekly").then().statusCode(400)
                .body("errors[0].field", equalTo("problems"));
        write.put("problems", "报价异议较多");
        rep.as().queryParam("week", "2025-05-14").body(write).put("/api/v1/reports/weekly").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("data.effectiveVisits", equalTo(4));
        rep.as().queryParam("week", "2025-W20").body(write).put("/api/v1/reports/weekly").then().statusCode(409);

        manager.as().queryParam("user", rep.id()).queryParam("week", "2025-W20").body(Map.of("comment", "报价异议下周晨会讨论"))
                .post("/api/v1/reports/weekly/comment").then().statusCode(200).body("managerComment", equalTo("报价异议下周晨会讨论"));
        manager.as().queryParam("user", quiet.id()).queryParam("week", "2025-W20").body(Map.of("comment", "x"))
                .post("/api/v1/reports/weekly/comment").then().statusCode(409);

        manager.as().queryParam("teamId", team).queryParam("week", "2025-W20").get("/api/v1/reports/weekly/team").then().statusCode(200)
                .body("reps", equalTo(2)).body("submitted", equalTo(1)).body("totals.effectiveVisits", equalTo(5))
                .body("reports", hasSize(2));
    }

    @Test
    void badWeeksScopeAndAuth() {
        UUID team = Api.team("weekly", null);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser peer = Api.user("REP", team);
        Api.TestUser otherManager = Api.manager(Api.team("weekly-other", null));
        rep.as().queryParam("week", "2025-W60").get("/api/v1/reports/weekly").then().statusCode(400).body("errors[0].field", equalTo("week"));
        rep.as().queryParam("week", "last week").get("/api/v1/reports/weekly").then().statusCode(400);
        peer.as().queryParam("user", rep.id()).get("/api/v1/reports/weekly").then().statusCode(404);
        otherManager.as().queryParam("user", rep.id()).get("/api/v1/reports/weekly").then().statusCode(404);
        otherManager.as().queryParam("teamId", team).get("/api/v1/reports/weekly/team").then().statusCode(404);
        rep.as().queryParam("teamId", team).get("/api/v1/reports/weekly/team").then().statusCode(403);
        given().get("/api/v1/reports/weekly").then().statusCode(401);
    }

    static java.time.OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    UUID deal(UUID customer, String amount, String stage, String closedAt, String createdAt) {
        UUID id = UUID.randomUUID();
        sql("""
                insert into deal (id, customer_id, name, amount, currency, stage, lost_reason, closed_at, created_at)
                values ($1, $2, $3, $4, 'CNY', $5, $6, $7, $8)""",
                id, customer, Api.unique("商机"), new java.math.BigDecimal(amount), stage, "LOST".equals(stage) ? "预算取消" : null,
                closedAt == null ? null : at(closedAt), at(createdAt));
        return id;
    }

    void move(UUID deal, String at, String from, String to) {
        sql("insert into deal_stage_change (id, deal_id, at, from_stage, to_stage) values ($1, $2, $3, $4, $5)",
                UUID.randomUUID(), deal, at(at), from, to);
    }

    @Test
    void theDataLayerHasTheWeeksDealsCollectionsAndMoneyTargets() {
        UUID team = Api.team("weekly-money", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        UUID c = UUID.randomUUID();
        sql("insert into customer (id, name, owner_id, team_id, grade, stage, created_at) values ($1, $2, $3, $4, 'A', 'KEY_ACCOUNT', $5)",
                c, Api.unique("客户"), rep.id(), rep.teamId(), at("2025-04-01T03:00:00Z"));
        UUID won = deal(c, "80000", "WON", "2025-05-13T03:00:00Z", "2025-05-05T03:00:00Z");
        move(won, "2025-05-05T03:00:00Z", null, "NEGOTIATION");
        move(won, "2025-05-13T03:00:00Z", "NEGOTIATION", "WON");
        UUID lost = deal(c, "30000", "LOST", "2025-05-16T03:00:00Z", "2025-05-06T03:00:00Z");
        move(lost, "2025-05-06T03:00:00Z", null, "PROPOSAL");
        move(lost, "2025-05-14T03:00:00Z", "PROPOSAL", "NEGOTIATION");
        move(lost, "2025-05-16T03:00:00Z", "NEGOTIATION", "LOST");
        UUID later = deal(c, "1000", "WON", "2025-05-18T16:30:00Z", "2025-05-06T03:00:00Z"); // Monday 19 May in Shanghai
        move(later, "2025-05-18T16:30:00Z", "PROPOSAL", "WON");
        UUID k = UUID.randomUUID();
        sql("""
                insert into contract (id, customer_id, number, value, currency, starts_on, ends_on, status, renewal_state)
                values ($1, $2, $3, 6000, 'CNY', '2025-01-01', '2025-12-31', 'ACTIVE', 'NONE')""", k, c, Api.unique("HT"));
        UUID i = UUID.randomUUID();
        sql("insert into instalment (id, contract_id, position, due_on, amount, currency, collected, paid_on) values ($1, $2, 1, $3, 6000, 'CNY', 6000, $4)",
                i, k, java.time.LocalDate.parse("2025-05-10"), java.time.LocalDate.parse("2025-05-20"));
        sql("insert into payment (id, instalment_id, contract_id, amount, currency, received_on) values ($1, $2, $3, 2500, 'CNY', $4)",
                UUID.randomUUID(), i, k, java.time.LocalDate.parse("2025-05-15"));
        sql("insert into payment (id, instalment_id, contract_id, amount, currency, received_on) values ($1, $2, $3, 3500, 'CNY', $4)",
                UUID.randomUUID(), i, k, java.time.LocalDate.parse("2025-05-20"));
        String id = rep.as().body(Map.of("period", "2025-05", "level", "REP", "userId", rep.id(), "metric", "REVENUE", "value", 160000,
                        "currency", "CNY"))
                .post("/api/v1/targets").then().statusCode(201).extract().path("id");
        rep.as().body(Map.of()).post("/api/v1/targets/" + id + "/submit").then().statusCode(200);
        manager.as().post("/api/v1/targets/" + id + "/approve").then().statusCode(200);

        rep.as().queryParam("week", "2025-W20").get("/api/v1/reports/weekly").then().statusCode(200)
                .body("data.dealsWon", equalTo(1)).body("data.dealsLost", equalTo(1)).body("data.dealStageMoves", equalTo(3))
                .body("data.revenue[0].currency", equalTo("CNY")).body("data.revenue[0].amount", equalTo(80000.00f))
                .body("data.collected", hasSize(1)).body("data.collected[0].amount", equalTo(2500.00f))
                .body("data.monthTargets[0].metric", equalTo("REVENUE")).body("data.monthTargets[0].measured", equalTo(true))
                .body("data.monthTargets[0].actual", equalTo(80000)).body("data.monthTargets[0].rate", equalTo(0.5f));
        manager.as().queryParam("teamId", team).queryParam("week", "2025-W20").get("/api/v1/reports/weekly/team").then().statusCode(200)
                .body("totals.dealsWon", equalTo(1)).body("totals.revenue[0].amount", equalTo(80000.00f))
                .body("totals.collected[0].amount", equalTo(2500.00f)).body("totals.dealStageMoves", equalTo(3));
    }
}
