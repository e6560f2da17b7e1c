package io.canvass.followup;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FollowUpTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pool pool;

    @Inject
    MissedFollowUpSweeper sweeper;

    private static Api.TestUser rep() {
        return Api.user("REP", Api.team("follow", null), java.util.Set.of(), "en");
    }

    private static Response customer(Api.TestUser rep, String name, String grade, String stage) {
        return rep.as().body(Map.of("name", name, "grade", grade, "stage", stage)).post("/api/v1/customers");
    }

    /** Moves a customer's pending follow-up {@code days} into the past. */
    private void dueDaysAgo(String customerId, int days) {
        pool.preparedQuery("update follow_up set due_on = due_on - $2::int, due_at = due_at - make_interval(days => $2) "
                        + "where customer_id = $1 and status in ('OPEN', 'SNOOZED')")
                .execute(Tuple.of(UUID.fromString(customerId), days + 1)).await().atMost(Duration.ofSeconds(5));
        pool.preparedQuery("update customer set last_touched_at = now() - make_interval(days => $2) where id = $1")
                .execute(Tuple.of(UUID.fromString(customerId), days + 4)).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void recordingAFollowUpSchedulesTheNextByCadence() {
        Api.TestUser rep = rep();
        Response c = customer(rep, "Weekly Co", "B", "HIGH_INTENT");
        String followUp = c.path("pendingFollowUp.id");
        rep.as().body(Map.of("channel", "VISIT", "summary", "Met the buyer", "feedback", "Likes the demo", "needChange", "Needs 80 units"))
                .post("/api/v1/follow-ups/" + followUp + "/complete").then()
                .statusCode(200).body("status", equalTo("DONE")).body("needChange", equalTo("Needs 80 units"));
        rep.as().get("/api/v1/customers/" + c.path("id")).then()
                .body("pendingFollowUp.dueOn", equalTo(TODAY.plusDays(7).toString()))
                .body("pendingFollowUp.scheduledBy", equalTo("CADENCE"))
                .body("lastTouchedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theAgreedNextActionWinsOverTheCadence() {
        Api.TestUser rep = rep();
        Response c = customer(rep, "Next Action Co", "A", "KEY_ACCOUNT");
        LocalDate agreed = TODAY.plusDays(10);
        rep.as().body(Map.of("channel", "CALL", "summary", "Asked for a quote", "nextAction", "Send quote", "nextActionDue", agreed.toString()))
                .post("/api/v1/follow-ups/" + c.path("pendingFollowUp.id") + "/complete").then().statusCode(200);
        rep.as().get("/api/v1/customers/" + c.path("id")).then()
                .body("pendingFollowUp.dueOn", equalTo(agreed.toString()))
                .body("pendingFollowUp.scheduledBy", equalTo("NEXT_ACTION"));
    }

    @Test
    void replayingARecordDoesNotScheduleTwice() {
        Api.TestUser rep = rep();
        Response c = customer(rep, "Replay Co", "B", "INITIAL_INTENT");
        String followUp = c.path("pendingFollowUp.id");
        Map<String, Object> record = Map.of("channel", "CALL", "summary", "Called from the car park");
        rep.as().body(record).post("/api/v1/follow-ups/" + followUp + "/complete").then().statusCode(200);
        rep.as().body(record).post("/api/v1/follow-ups/" + followUp + "/complete").then().statusCode(200).body("status", equalTo("DONE"));
        long pending = pool.preparedQuery("select count(*) from follow_up where customer_id = $1 and status in ('OPEN','SNOOZED')")
                .execute(Tuple.of(UUID.fromString(c.path("id")))).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertEquals(1, pending, "exactly one pending follow-up after a replay");
    }

    @Test
    void recordsAreValidated() {
        Api.TestUser rep = rep();
        String followUp = customer(rep, "Validation Co", "B", "INITIAL_INTENT").path("pendingFollowUp.id");
        rep.as().body(Map.of("summary", "")).post("/api/v1/follow-ups/" + followUp + "/complete").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("channel", "summary"));
        rep.as().body(Map.of("channel", "CALL", "summary", "x", "nextActionDue", TODAY.minusDays(2).toString()))
                .post("/api/v1/follow-ups/" + followUp + "/complete").then().statusCode(400).body("errors[0].field", equalTo("nextActionDue"));
        rep.as().body(Map.of("channel", "CALL", "summary", "x", "doneAt", "2020-01-01T00:00:00Z"))
                .post("/api/v1/follow-ups/" + followUp + "/complete").then().statusCode(400).body("errors[0].field", equalTo("doneAt"));
    }

    @Test
    void snoozingNeedsAReasonAndMovesTheDay() {
        Api.TestUser rep = rep();
        String followUp = customer(rep, "Snooze Co", "C", "INITIAL_INTENT").path("pendingFollowUp.id");
        rep.as().body(Map.of("until", TODAY.plusDays(5).toString())).post("/api/v1/follow-ups/" + followUp + "/snooze").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        rep.as().body(Map.of("until", TODAY.plusDays(5).toString(), "reason", "Customer on holiday"))
                .post("/api/v1/follow-ups/" + followUp + "/snooze").then()
                .statusCode(200).body("status", equalTo("SNOOZED")).body("dueOn", equalTo(TODAY.plusDays(5).toString()));
    }

    @Test
    void agendaReasonsFollowALanguageChangeWithoutANewToken() {
        Api.TestUser rep = Api.user("REP", Api.team("agenda-language", null), java.util.Set.of(), "zh-CN");
        String late = customer(rep, "Language Co", "A", "KEY_ACCOUNT").path("id");
        dueDaysAgo(late, 2);
        rep.as().get("/api/v1/agenda").then().statusCode(200).body("items[0].why", startsWith("已逾期 2 天"));

        rep.as().body(Map.of("locale", "en")).patch("/api/v1/me").then().statusCode(200).body("locale", equalTo("en"));

        rep.as().get("/api/v1/agenda").then().statusCode(200)
                .body("items[0].why", startsWith("overdue 2 days, grade A key account"));
    }

    @Test
    void agendaPutsOverdueFirstAndSaysWhy() {
        Api.TestUser rep = rep();
        String late = customer(rep, "Late Key Account", "A", "KEY_ACCOUNT").path("id");
        String today = customer(rep, "Due Today Co", "C", "INITIAL_INTENT").path("id");
        dueDaysAgo(late, 2);
        pool.preparedQuery("update follow_up set due_on = due_on - 1, due_at = due_at - interval '1 day' where customer_id = $1")
                .execute(Tuple.of(UUID.fromString(today))).await().atMost(Duration.ofSeconds(5));

        rep.as().get("/api/v1/agenda").then().statusCode(200)
                .body("date", equalTo(TODAY.toString()))
                .body("overdueCount", equalTo(1))
                .body("dueCount", equalTo(1))
                .body("items[0].customerId", equalTo(late))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].why", startsWith("overdue 2 days, grade A key account, 6 days untouched, cadence 3 days"))
                .body("items[1].customerId", equalTo(today));
    }

    @Test
    void managersSeeTheirTeamsLoad() {
        UUID team = Api.team("load", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String late = customer(rep, "Neglected Co", "B", "HIGH_INTENT").path("id");
        dueDaysAgo(late, 1);
        manager.as().get("/api/v1/agenda/team").then().statusCode(200)
                .body("reps.find { it.repId == '" + rep.id() + "' }.overdue", equalTo(1))
                .body("urgent[0].customerId", equalTo(late));
        rep.as().get("/api/v1/agenda/team").then().statusCode(403);
    }

    @Test
    void neglectedCustomersAreCountedAndListedTheSameWay() {
        UUID team = Api.team("neglect", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String neglected = customer(rep, "Forgotten Co", "C", "INITIAL_INTENT").path("id");
        String recent = customer(rep, "Recent Co", "C", "INITIAL_INTENT").path("id");
        pool.preparedQuery("update customer set last_touched_at = now() - interval '29 days' where id = $1")
                .execute(Tuple.of(UUID.fromString(neglected))).await().atMost(Duration.ofSeconds(5));
        pool.preparedQuery("update customer set last_touched_at = now() - interval '27 days' where id = $1")
                .execute(Tuple.of(UUID.fromString(recent))).await().atMost(Duration.ofSeconds(5));
        manager.as().get("/api/v1/agenda/team").then()
                .body("reps.find { it.repId == '" + rep.id() + "' }.neglected", equalTo(1));
        manager.as().get("/api/v1/customers?ownerId=" + rep.id() + "&neglected=true").then()
                .statusCode(200).body("items.id", equalTo(java.util.List.of(neglected)));
    }

    @Test
    void overdueBeyondTheGraceBecomesMissedAndANewFollowUpIsDueToday() {
        Api.TestUser rep = rep();
        String id = customer(rep, "Missed Co", "C", "INITIAL_INTENT").path("id");
        dueDaysAgo(id, 10);
        int swept = sweeper.sweepBatch().await().atMost(Duration.ofSeconds(10));
        assertTrue(swept >= 1, "the overdue follow-up is swept");
        rep.as().get("/api/v1/customers/" + id).then()
                .body("pendingFollowUp.dueOn", equalTo(TODAY.toString()))
                .body("pendingFollowUp.status", equalTo("OPEN"))
                .body("health.components.find { it.name == 'followUpDiscipline' }.points", equalTo(30));
        rep.as().get("/api/v1/customers/" + id + "/timeline").then().body("items.kind", org.hamcrest.Matchers.hasItem("FOLLOW_UP_MISSED"));
    }

    @Test
    void cadencePolicyIsEditableByDirectorsOnly() {
        UUID team = Api.team("policy", null);
        Api.manager(team).as().body(Map.of("intervalDays", 5, "missAfterDays", 2)).put("/api/v1/cadence-policies/GRADE/C").then().statusCode(403);
        Api.TestUser director = Api.user("DIRECTOR", team);
        director.as().get("/api/v1/cadence-policies").then().statusCode(200).body("items.size()", equalTo(7));
        director.as().body(Map.of("intervalDays", 0, "missAfterDays", 2)).put("/api/v1/cadence-policies/GRADE/C").then().statusCode(400);
        director.as().body(Map.of("intervalDays", 14, "missAfterDays", 5)).put("/api/v1/cadence-policies/GRADE/C").then()
                .statusCode(200).body("intervalDays", equalTo(14));
        director.as().body(Map.of("intervalDays", 14, "missAfterDays", 5)).put("/api/v1/cadence-policies/GRADE/Z").then().statusCode(404);
    }
}
