package io.canvass.coaching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Api;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis on hand-built records. Run as of Wednesday 18 June 2025: the window is the four
 * weeks from Monday 19 May to Monday 16 June (Shanghai), the months looked back on April and May.
 */
@QuarkusTest
class ProposalTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 18);

    @Inject
    Pool pool;

    @Inject
    DiagnosisService diagnosis;

    void sql(String statement, Object... args) {
        pool.preparedQuery(statement).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }

    static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    UUID customer(Api.TestUser rep) {
        UUID id = UUID.randomUUID();
        sql("insert into customer (id, name, owner_id, team_id, grade, stage, created_at) values ($1, $2, $3, $4, 'B', 'HIGH_INTENT', $5)",
                id, Api.unique("客户"), rep.id(), rep.teamId(), at("2025-05-01T03:00:00Z"));
        return id;
    }

    /** {@code visits} verified visits and {@code conversions} forward stage moves inside the window. */
    void activity(Api.TestUser rep, int visits, int conversions) {
        UUID c = customer(rep);
        for (int i = 0; i < visits; i++) {
            sql("""
                    insert into check_in (id, user_id, team_id, customer_id, client_time, verdict, purpose, request_hash)
                    values ($1, $2, $3, $4, $5, 'VERIFIED', 'FOLLOW_UP', '\\x00')""",
                    UUID.randomUUID(), rep.id(), rep.teamId(), c, at("2025-05-2" + (i % 9) + "T03:00:00Z"));
        }
        for (int i = 0; i < conversions; i++) {
            sql("insert into customer_change (id, customer_id, at, field, old_value, new_value) values ($1, $2, $3, 'STAGE', 'INITIAL_INTENT', 'HIGH_INTENT')",
                    UUID.randomUUID(), customer(rep), at("2025-06-0" + (i + 1) + "T03:00:00Z"));
        }
    }

    void followUps(Api.TestUser rep, int onTime, int late) {
        UUID c = customer(rep);
        for (int i = 0; i < onTime + late; i++) {
            String due = "2025-06-0" + (i + 1) + "T15:59:59Z";
            String done = i < onTime ? "2025-06-0" + (i + 1) + "T03:00:00Z" : "2025-06-0" + (i + 2) + "T03:00:00Z";
            sql("""
                    insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by, done_at)
                    values ($1, $2, $3, $4, $5, $6, 'CALL', 'DONE', 'CADENCE', $7)""",
                    UUID.randomUUID(), c, rep.id(), rep.teamId(), LocalDate.parse(due.substring(0, 10)), at(due), at(done));
        }
    }

    void approvedTarget(Api.TestUser rep, Api.TestUser manager, String month, int visits) {
        String id = rep.as().body(Map.of("period", month, "level", "REP", "userId", rep.id(), "metric", "EFFECTIVE_VISITS", "value", visits))
                .post("/api/v1/targets").then().statusCode(201).extract().path("id");
        rep.as().body(Map.of()).post("/api/v1/targets/" + id + "/submit").then().statusCode(200);
        manager.as().post("/api/v1/targets/" + id + "/approve").then().statusCode(200);
    }

    /** Runs the diagnosis on a Vert.x context, as the scheduler does. */
    void diagnose() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> diagnosis.diagnose(TODAY));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    List<Map<String, Object>> proposals(Api.TestUser manager, Api.TestUser rep) {
        return manager.as().queryParam("repId", rep.id()).get("/api/v1/coaching-proposals").then().statusCode(200).extract().path("items");
    }

    @Test
    void theNumbersProposeCoachingOnceAndTheManagerDecides() {
        UUID team = Api.team("diagnosis", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser busy = Api.user("REP", team);
        Api.TestUser late = Api.user("REP", team);
        Api.TestUser missing = Api.user("REP", team);
        activity(busy, 15, 0);
        activity(late, 12, 4);
        activity(missing, 10, 3);
        followUps(late, 2, 4);
        approvedTarget(missing, manager, "2025-04", 100);
        approvedTarget(missing, manager, "2025-05", 100);
        approvedTarget(late, manager, "2025-05", 100);

        diagnose();
        diagnose();

        List<Map<String, Object>> forBusy = proposals(manager, busy);
        List<Map<String, Object>> forLate = proposals(manager, late);
        List<Map<String, Object>> forMissing = proposals(manager, missing);
        assertEquals(List.of("VISIT_QUALITY"), forBusy.stream().map(p -> p.get("rule")).toList());
        assertEquals(List.of("TIME_MANAGEMENT"), forLate.stream().map(p -> p.get("rule")).toList());
        assertEquals(List.of("TARGET_MISSED"), forMissing.stream().map(p -> p.get("rule")).toList());
        Map<String, Object> evidence = (Map<String, Object>) forBusy.get(0).get("evidence");
        assertEquals(15, evidence.get("effectiveVisits"));
        assertEquals(0.3f, ((Number) evidence.get("teamMedianConversionRate")).floatValue());
        assertEquals("2025-05-19", forBusy.get(0).get("windowStart"));

        String dismissed = (String) forBusy.get(0).get("id");
        manager.as().body(Map.of("reason", " ")).post("/api/v1/coaching-proposals/" + dismissed + "/dismiss").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        manager.as().body(Map.of("reason", "本月在开拓新区域，拜访以初访为主")).post("/api/v1/coaching-proposals/" + dismissed + "/dismiss")
                .then().statusCode(200).body("status", equalTo("DISMISSED"));
        String accepted = (String) forLate.get(0).get("id");
        String task = manager.as().body(Map.of()).post("/api/v1/coaching-proposals/" + accepted + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("taskId", notNullValue()).extract().path("taskId");
        late.as().get("/api/v1/coaching-tasks/" + task).then().statusCode(200)
                .body("kind", equalTo("SKILL_TRAINING")).body("title", equalTo("时间管理：按时跟进"));
        manager.as().body(Map.of()).post("/api/v1/coaching-proposals/" + accepted + "/accept").then().statusCode(409);

        // unchanged evidence is not proposed again
        diagnose();
        assertEquals(1, proposals(manager, busy).size());
        assertEquals(1, proposals(manager, late).size());
    }

    @Test
    void proposalsStayWithTheRepsManagers() {
        UUID team = Api.team("diagnosis", null);
        UUID other = Api.team("diagnosis-other", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser otherManager = Api.manager(other);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser peer = Api.user("REP", team);
        followUps(rep, 0, 6);
        diagnose();
        String id = (String) proposals(manager, rep).get(0).get("id");
        otherManager.as().queryParam("repId", rep.id()).get("/api/v1/coaching-proposals").then().statusCode(200).body("items", hasSize(0));
        otherManager.as().body(Map.of()).post("/api/v1/coaching-proposals/" + id + "/accept").then().statusCode(404);
        otherManager.as().body(Map.of("reason", "x")).post("/api/v1/coaching-proposals/" + id + "/dismiss").then().statusCode(404);
        peer.as().get("/api/v1/coaching-proposals").then().statusCode(403);
        given().get("/api/v1/coaching-proposals").then().statusCode(401);
    }

    /** {@code proposals} deals put to the customer in the window, {@code won} of them won on 3 June. */
    void deals(Api.TestUser rep, int proposals, int won) {
        UUID c = customer(rep);
        for (int i = 0; i < proposals; i++) {
            UUID deal = UUID.randomUUID();
            boolean win = i < won;
            sql("""
                    insert into deal (id, customer_id, name, amount, currency, stage, closed_at, created_at)
                    values ($1, $2, $3, 10000, 'CNY', $4, $5, $6)""",
                    deal, c, Api.unique("商机"), win ? "WON" : "PROPOSAL", win ? at("2025-06-03T03:00:00Z") : null,
                    at("2025-05-2" + i % 9 + "T03:00:00Z"));
            sql("insert into deal_stage_change (id, deal_id, at, from_stage, to_stage) values ($1, $2, $3, null, 'PROPOSAL')",
                    UUID.randomUUID(), deal, at("2025-05-2" + i % 9 + "T03:00:00Z"));
        }
    }

    void approvedRevenue(Api.TestUser rep, Api.TestUser manager, String month, int value) {
        String id = rep.as().body(Map.of("period", month, "level", "REP", "userId", rep.id(), "metric", "REVENUE", "value", value,
                        "currency", "CNY"))
                .post("/api/v1/targets").then().statusCode(201).extract().path("id");
        rep.as().body(Map.of()).post("/api/v1/targets/" + id + "/submit").then().statusCode(200);
        manager.as().post("/api/v1/targets/" + id + "/approve").then().statusCode(200);
    }

    @Test
    void manyProposalsFewWinsProposeProposalFitAndMissedRevenueAnImprovementPlan() {
        UUID team = Api.team("diagnosis-money", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser seller = Api.user("REP", team);
        Api.TestUser closer = Api.user("REP", team);
        deals(seller, 8, 1);
        deals(closer, 8, 4);
        approvedRevenue(closer, manager, "2025-04", 50000);
        approvedRevenue(closer, manager, "2025-05", 50000);

        diagnose();

        List<Map<String, Object>> forSeller = proposals(manager, seller);
        List<Map<String, Object>> forCloser = proposals(manager, closer);
        assertEquals(List.of("PROPOSAL_FIT"), forSeller.stream().map(p -> p.get("rule")).toList());
        assertEquals(List.of("TARGET_MISSED"), forCloser.stream().map(p -> p.get("rule")).toList(),
                "wins often enough, but the revenue targets of April and May were missed (its wins came in June)");
        Map<String, Object> evidence = (Map<String, Object>) forSeller.get(0).get("evidence");
        assertEquals(8, evidence.get("proposals"));
        assertEquals(1, evidence.get("dealsWon"));
        assertEquals(0.3125f, ((Number) evidence.get("teamMedianWinsPerProposal")).floatValue());
        List<Map<String, Object>> missed = (List<Map<String, Object>>) ((Map<String, Object>) forCloser.get(0).get("evidence")).get("missed");
        assertEquals(List.of("REVENUE", "REVENUE"), missed.stream().map(m -> m.get("metric")).toList());
        assertEquals("CNY", missed.get(0).get("currency"));
        assertEquals(0, ((Number) missed.get(0).get("actual")).intValue());

        // the manager is told of each new proposal once, however often the diagnosis runs
        diagnose();
        io.vertx.mutiny.sqlclient.Row told = pool.preparedQuery(
                        "select count(*), count(distinct subject_id), string_agg(distinct link, ' ') from reminder where user_id = $1 and kind = 'COACHING_PROPOSED'")
                .execute(Tuple.of(manager.id())).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals(2L, told.getLong(0));
        assertEquals(2L, told.getLong(1));
        assertEquals("/team/proposals", told.getString(2), "the reminder opens the proposals inbox");
    }
}
