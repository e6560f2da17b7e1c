package io.canvass.coaching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CoachingTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    OnboardingSweep sweep;

    static Map<String, Object> task(UUID repId, String kind, LocalDate due) {
        Map<String, Object> body = new HashMap<>();
        body.put("repId", repId);
        body.put("kind", kind);
        body.put("title", "跟访：需求挖掘");
        body.put("goal", "经理跟访两次，重点观察需求挖掘提问");
        body.put("dueOn", due.toString());
        return body;
    }

    @Test
    void aManagerAssignsTheRepReportsAndTheManagerReviews() {
        UUID team = Api.team("coach", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String id = manager.as().body(task(rep.id(), "SHADOW_VISIT", TODAY.plusDays(7))).post("/api/v1/coaching-tasks")
                .then().statusCode(201).body("status", equalTo("OPEN")).body("overdue", equalTo(false)).extract().path("id");

        rep.as().queryParam("open", true).get("/api/v1/coaching-tasks").then().statusCode(200).body("items.id", hasItem(id));
        rep.as().body(Map.of("status", "IN_PROGRESS", "progress", "已约好周四跟访")).post("/api/v1/coaching-tasks/" + id + "/progress")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).body("progress", equalTo("已约好周四跟访"));
        manager.as().body(Map.of("body", "注意开场白")).post("/api/v1/coaching-tasks/" + id + "/notes").then().statusCode(201);
        rep.as().body(Map.of("status", "DONE", "progress", "两次跟访完成")).post("/api/v1/coaching-tasks/" + id + "/progress")
                .then().statusCode(200).body("status", equalTo("DONE")).body("completedAt", notNullValue());
        rep.as().body(Map.of("status", "IN_PROGRESS")).post("/api/v1/coaching-tasks/" + id + "/progress").then().statusCode(409);
        manager.as().body(Map.of("status", "DONE", "outcome", "需求挖掘提问明显改善")).post("/api/v1/coaching-tasks/" + id + "/review")
                .then().statusCode(200).body("outcome", equalTo("需求挖掘提问明显改善")).body("reviewedBy", equalTo(manager.id().toString()))
                .body("notes", hasSize(1)).body("notes[0].body", equalTo("注意开场白"));
        rep.as().body(Map.of("status", "CANCELLED", "outcome", "x")).post("/api/v1/coaching-tasks/" + id + "/review").then().statusCode(403);
    }

    @Test
    void aManagerChangesTheTaskAndAStaleVersionIsRefused() {
        UUID team = Api.team("coach", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String id = manager.as().body(task(rep.id(), "SKILL_TRAINING", TODAY.plusDays(3))).post("/api/v1/coaching-tasks")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> change = new HashMap<>(Map.of("title", "谈判技巧", "goal", "完成谈判工作坊", "dueOn", TODAY.plusDays(10).toString(), "version", 0));
        manager.as().body(change).patch("/api/v1/coaching-tasks/" + id).then().statusCode(200).body("title", equalTo("谈判技巧"));
        manager.as().body(change).patch("/api/v1/coaching-tasks/" + id).then().statusCode(412);
        change.put("version", 1);
        change.put("dueOn", TODAY.minusDays(1).toString());
        manager.as().body(change).patch("/api/v1/coaching-tasks/" + id).then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
    }

    @Test
    void badAssignmentsAreRefusedNamingTheField() {
        UUID team = Api.team("coach", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        manager.as().body(task(rep.id(), "SHADOW_VISIT", TODAY.minusDays(1))).post("/api/v1/coaching-tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        Map<String, Object> noGoal = task(rep.id(), "SHADOW_VISIT", TODAY.plusDays(1));
        noGoal.remove("goal");
        manager.as().body(noGoal).post("/api/v1/coaching-tasks").then().statusCode(400).body("errors[0].field", equalTo("goal"));
        manager.as().body(task(manager.id(), "SHADOW_VISIT", TODAY.plusDays(1))).post("/api/v1/coaching-tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("repId"));
        rep.as().body(task(rep.id(), "SHADOW_VISIT", TODAY.plusDays(1))).post("/api/v1/coaching-tasks").then().statusCode(403);
        given().get("/api/v1/coaching-tasks").then().statusCode(401);
    }

    @Test
    void anotherTeamsCoachingIsNotFound() {
        UUID team = Api.team("coach", null);
        UUID other = Api.team("coach-other", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser peer = Api.user("REP", team);
        Api.TestUser otherManager = Api.manager(other);
        String id = manager.as().body(task(rep.id(), "MENTOR_SESSION", TODAY.plusDays(2))).post("/api/v1/coaching-tasks")
                .then().statusCode(201).extract().path("id");
        peer.as().get("/api/v1/coaching-tasks/" + id).then().statusCode(404);
        otherManager.as().get("/api/v1/coaching-tasks/" + id).then().statusCode(404);
        otherManager.as().body(Map.of("status", "CANCELLED", "outcome", "x")).post("/api/v1/coaching-tasks/" + id + "/review")
                .then().statusCode(404);
        peer.as().body(Map.of("body", "hi")).post("/api/v1/coaching-tasks/" + id + "/notes").then().statusCode(404);
        otherManager.as().body(task(rep.id(), "MENTOR_SESSION", TODAY.plusDays(2))).post("/api/v1/coaching-tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("repId"));
        peer.as().get("/api/v1/coaching-tasks").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void anOnboardingPlanTurnsTheTemplateIntoMilestonesWithAMentor() {
        UUID team = Api.team("coach", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser mentor = Api.user("REP", team);
        int milestones = manager.as().get("/api/v1/onboarding/milestones").then().statusCode(200).extract().path("items.size()");
        LocalDate start = TODAY.plusDays(1);
        manager.as().body(Map.of("repId", rep.id(), "mentorId", mentor.id(), "startsOn", start.toString()))
                .post("/api/v1/onboarding-plans").then().statusCode(201)
                .body("total", equalTo(milestones)).body("done", equalTo(0))
                .body("milestones.mentorId", everyItem(equalTo(mentor.id().toString())))
                .body("milestones[0].dueOn", equalTo(start.plusDays(1).toString()));
        manager.as().body(Map.of("repId", rep.id())).post("/api/v1/onboarding-plans").then().statusCode(409);
        // the mentor sees the milestones they mentor
        // the rep sees their mentor by name, though they may not list other users
        String first = rep.as().get("/api/v1/onboarding-plans/" + rep.id()).then().statusCode(200)
                .body("mentorId", equalTo(mentor.id().toString())).body("mentorName", equalTo("Test REP"))
                .extract().path("milestones[0].id");
        mentor.as().get("/api/v1/coaching-tasks/" + first).then().statusCode(200);
        mentor.as().get("/api/v1/onboarding-plans/" + rep.id()).then().statusCode(404);
        manager.as().body(Map.of("repId", rep.id(), "mentorId", rep.id())).post("/api/v1/onboarding-plans").then().statusCode(400);
    }

    @Test
    void aManagerNamesOnlyColleaguesOfTheirOwnTeamsAsMentor() {
        UUID team = Api.team("coach", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser stranger = Api.user("REP", Api.team("coach-other", null));
        Map<String, Object> withStranger = task(rep.id(), "MENTOR_SESSION", TODAY.plusDays(2));
        withStranger.put("mentorId", stranger.id());
        manager.as().body(withStranger).post("/api/v1/coaching-tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("mentorId"));
        manager.as().body(Map.of("repId", rep.id(), "mentorId", stranger.id())).post("/api/v1/onboarding-plans")
                .then().statusCode(400).body("errors[0].field", equalTo("mentorId"));
        manager.as().body(Map.of("repId", rep.id())).post("/api/v1/onboarding-plans").then().statusCode(201);
        manager.as().body(Map.of("mentorId", stranger.id())).put("/api/v1/onboarding-plans/" + rep.id() + "/mentor")
                .then().statusCode(400).body("errors[0].field", equalTo("mentorId"));
        String id = manager.as().body(task(rep.id(), "MENTOR_SESSION", TODAY.plusDays(2))).post("/api/v1/coaching-tasks")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> change = task(rep.id(), "MENTOR_SESSION", TODAY.plusDays(3));
        change.put("mentorId", stranger.id());
        manager.as().body(change).patch("/api/v1/coaching-tasks/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("mentorId"));
        stranger.as().get("/api/v1/coaching-tasks/" + id).then().statusCode(404);
        Map<String, Object> self = task(rep.id(), "MENTOR_SESSION", TODAY.plusDays(2));
        self.put("mentorId", manager.id());
        manager.as().body(self).post("/api/v1/coaching-tasks").then().statusCode(201);
    }

    @Test
    void newRepsGetAPlanByThemselvesOnce() {
        UUID team = Api.team("coach", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        sweep.sweep().await().atMost(Duration.ofSeconds(10));
        sweep.sweep().await().atMost(Duration.ofSeconds(10));
        manager.as().get("/api/v1/onboarding-plans/" + rep.id()).then().statusCode(200).body("createdBy", equalTo(null));
        manager.as().queryParam("repId", rep.id()).queryParam("kind", "ONBOARDING_MILESTONE").get("/api/v1/coaching-tasks")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aRepsQueuedProgressAndNoteReplayedFromThePhoneCountOnce() {
        UUID team = Api.team("coach", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String id = manager.as().body(task(rep.id(), "SKILL_TRAINING", TODAY.plusDays(7))).post("/api/v1/coaching-tasks")
                .then().statusCode(201).extract().path("id");
        String done = UUID.randomUUID().toString();
        String note = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            // the phone did not hear the first answer and sends the same writes again with the same keys
            rep.as().header("Idempotency-Key", done).body(Map.of("status", "DONE", "progress", "完成产品培训考核"))
                    .post("/api/v1/coaching-tasks/" + id + "/progress").then().statusCode(200).body("status", equalTo("DONE"));
            rep.as().header("Idempotency-Key", note).body(Map.of("body", "考核 92 分"))
                    .post("/api/v1/coaching-tasks/" + id + "/notes").then().statusCode(201).body("body", equalTo("考核 92 分"));
        }
        rep.as().get("/api/v1/coaching-tasks/" + id).then().statusCode(200).body("status", equalTo("DONE")).body("notes", hasSize(1));
        // a new write with a key already used for another is refused, not taken for a replay
        rep.as().header("Idempotency-Key", note).body(Map.of("body", "另一条"))
                .post("/api/v1/coaching-tasks/" + id + "/notes").then().statusCode(422).contentType("application/problem+json");
    }

    /** The template as read, to be sent back: the milestones without their ids. */
    static List<Map<String, Object>> withoutIds(List<Map<String, Object>> milestones) {
        return milestones.stream().map(m -> {
            Map<String, Object> copy = new HashMap<>(m);
            copy.remove("id");
            return copy;
        }).toList();
    }

    @Test
    void onlyAdminsEditTheTemplate() {
        List<Map<String, Object>> current = Api.asAdmin().get("/api/v1/onboarding/milestones").then().statusCode(200).extract().path("items");
        List<Map<String, Object>> body = withoutIds(current);
        Api.manager(Api.team("coach", null)).as().body(Map.of("milestones", body)).put("/api/v1/onboarding/milestones").then().statusCode(403);
        Api.asAdmin().body(Map.of("milestones", List.of())).put("/api/v1/onboarding/milestones").then().statusCode(400);
        Api.asAdmin().body(Map.of("milestones", body)).put("/api/v1/onboarding/milestones").then().statusCode(200)
                .body("items.size()", equalTo(current.size())).body("items.title", equalTo(current.stream().map(m -> m.get("title")).toList()));
    }

    @Test
    void aTemplateSavedOnAnOlderCopyIsRefusedNotLostOver() {
        String path = "/api/v1/onboarding/milestones";
        List<Map<String, Object>> current = Api.asAdmin().get(path).then().statusCode(200).extract().path("items");
        List<Map<String, Object>> body = withoutIds(current);
        // two admins open the same version; the first saves, the second's save names the version it edited
        String opened = Api.asAdmin().get(path).then().statusCode(200).extract().header("ETag");
        String saved = Api.asAdmin().header("If-Match", opened).body(Map.of("milestones", body)).put(path)
                .then().statusCode(200).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(opened, saved);
        Api.asAdmin().header("If-Match", opened).body(Map.of("milestones", body.subList(0, 1))).put(path)
                .then().statusCode(412).contentType("application/problem+json");
        Api.asAdmin().get(path).then().statusCode(200).header("ETag", equalTo(saved)).body("items.size()", equalTo(current.size()));
        Api.asAdmin().header("If-Match", saved).body(Map.of("milestones", body)).put(path).then().statusCode(200);
    }
}
