package io.canvass.customer;

import static io.canvass.testing.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static Map<String, Object> customer(String name, String grade) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("grade", grade);
        body.put("industry", "机械制造");
        body.put("tags", List.of("展会2026"));
        body.put("contacts", List.of(Map.of("name", "刘强", "title", "采购经理", "phone", "13912345678", "decisionRole", "DECISION_MAKER")));
        return body;
    }

    static Response create(Api.TestUser rep, String name, String grade) {
        return rep.as().body(customer(name, grade)).post("/api/v1/customers");
    }

    static Api.TestUser rep() {
        return Api.user("REP", Api.team("sales", null), java.util.Set.of(), "zh-CN");
    }

    @Test
    void repCreatesACustomerWithAFirstFollowUpTomorrow() {
        Api.TestUser rep = rep();
        create(rep, "上海华工机械有限公司", "B").then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("ownerId", equalTo(rep.id().toString()))
                .body("teamId", equalTo(rep.teamId().toString()))
                .body("stage", equalTo("INITIAL_INTENT"))
                .body("cadenceDays", equalTo(7))
                .body("contacts[0].name", equalTo("刘强"))
                .body("pendingFollowUp.status", equalTo("OPEN"))
                .body("pendingFollowUp.dueOn", equalTo(TODAY.plusDays(1).toString()))
                .body("health.score", equalTo(100))
                .body("health.components.name", hasItems("recency", "followUpDiscipline"));
    }

    @Test
    void invalidCustomersNameTheField() {
        Api.TestUser rep = rep();
        rep.as().body(Map.of("name", "")).post("/api/v1/customers").then()
                .statusCode(400).body("errors.field", hasItems("name", "grade"));
        Map<String, Object> lost = customer("流失客户", "C");
        lost.put("stage", "LOST");
        rep.as().body(lost).post("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("lostReason"));
        Map<String, Object> half = customer("半个坐标", "C");
        half.put("lat", 31.2);
        rep.as().body(half).post("/api/v1/customers").then().statusCode(400).body("errors[0].field", equalTo("lng"));
    }

    @Test
    void repCannotReadOrChangeAnotherRepsCustomer() {
        Api.TestUser owner = rep();
        Api.TestUser other = Api.user("REP", owner.teamId());
        Response created = create(owner, "别人的客户", "A");
        String id = created.path("id");
        String followUp = created.path("pendingFollowUp.id");

        other.as().get("/api/v1/customers/" + id).then().statusCode(404).contentType("application/problem+json");
        other.as().body(Map.of("name", "stolen")).patch("/api/v1/customers/" + id).then().statusCode(404);
        other.as().delete("/api/v1/customers/" + id).then().statusCode(404);
        other.as().get("/api/v1/customers/" + id + "/timeline").then().statusCode(404);
        other.as().get("/api/v1/follow-ups/" + followUp).then().statusCode(404);
        other.as().body(Map.of("channel", "CALL", "summary", "x")).post("/api/v1/follow-ups/" + followUp + "/complete").then().statusCode(404);
        other.as().get("/api/v1/customers").then().statusCode(200).body("items.id", not(hasItem(id)));
        Map<String, Object> forOwner = customer("代建", "C");
        forOwner.put("ownerId", owner.id());
        other.as().body(forOwner).post("/api/v1/customers").then().statusCode(403);
    }

    @Test
    void unauthenticatedCallsAreRejected() {
        io.restassured.RestAssured.given().get("/api/v1/customers").then().statusCode(401);
        io.restassured.RestAssured.given().get("/api/v1/agenda").then().statusCode(401);
    }

    @Test
    void managerSeesAndFiltersTheTeamsCustomers() {
        UUID team = Api.team("filters", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String tag = Api.unique("tag");
        Map<String, Object> body = customer("杭州云帆科技有限公司", "A");
        body.put("tags", List.of(tag));
        String a = rep.as().body(body).post("/api/v1/customers").path("id");
        String b = create(rep, "Ningbo Harbour Logistics", "C").path("id");

        manager.as().get("/api/v1/customers?teamId=" + team).then().statusCode(200).body("items.id", hasItems(a, b));
        manager.as().get("/api/v1/customers?teamId=" + team + "&grade=A").then().body("items.id", equalTo(List.of(a)));
        manager.as().get("/api/v1/customers?teamId=" + team + "&q=云帆").then().body("items.id", equalTo(List.of(a)));
        manager.as().get("/api/v1/customers?teamId=" + team + "&q=harbour").then().body("items.id", equalTo(List.of(b)));
        manager.as().get("/api/v1/customers?teamId=" + team + "&q=刘强").then().body("items.size()", equalTo(2));
        manager.as().get("/api/v1/customers?tag=" + tag).then().body("items.id", equalTo(List.of(a)));
        manager.as().get("/api/v1/customers?teamId=" + team + "&sort=NAME").then()
                .body("items.name", equalTo(List.of("Ningbo Harbour Logistics", "杭州云帆科技有限公司")));
        String cursor = manager.as().get("/api/v1/customers?teamId=" + team + "&limit=1").then().extract().path("nextCursor");
        manager.as().get("/api/v1/customers?teamId=" + team + "&limit=1&cursor=" + cursor).then().body("items.id", equalTo(List.of(a)));
        Api.manager(Api.team("elsewhere", null)).as().get("/api/v1/customers/" + a).then().statusCode(404);
    }

    @Test
    void staleUpdateIsRefused() {
        Api.TestUser rep = rep();
        Response created = create(rep, "并发客户", "B");
        String id = created.path("id");
        String etag = created.header("ETag");
        rep.as().header("If-Match", etag).body(Map.of("notes", "first")).patch("/api/v1/customers/" + id).then().statusCode(200);
        rep.as().header("If-Match", etag).body(Map.of("notes", "second")).patch("/api/v1/customers/" + id).then().statusCode(412);
    }

    @Test
    void gradeAndStageChangesAreKeptAndRescheduleTheFollowUp() {
        Api.TestUser rep = rep();
        String id = create(rep, "升级客户", "C").path("id");
        rep.as().body(Map.of("grade", "A", "stage", "KEY_ACCOUNT")).patch("/api/v1/customers/" + id).then()
                .statusCode(200)
                .body("cadenceDays", equalTo(3))
                .body("pendingFollowUp.dueOn", equalTo(TODAY.plusDays(3).toString()));
        rep.as().get("/api/v1/customers/" + id + "/timeline").then().statusCode(200)
                .body("items.kind", hasItems("GRADE", "STAGE", "CREATED"))
                .body("items.find { it.kind == 'GRADE' }.from", equalTo("C"))
                .body("items.find { it.kind == 'GRADE' }.to", equalTo("A"));
        rep.as().body(Map.of("stage", "LOST", "lostReason", "选择了竞品")).patch("/api/v1/customers/" + id).then()
                .statusCode(200).body("pendingFollowUp", equalTo(null));
        asAdmin().get("/api/v1/audit?entityType=customer&entityId=" + id).then().body("items.action", hasItems("customer.created", "customer.updated"));
    }

    @Test
    void deletedCustomersAreRestoredByAManager() {
        UUID team = Api.team("restore", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String id = create(rep, "误删客户", "B").path("id");
        rep.as().delete("/api/v1/customers/" + id).then().statusCode(204);
        rep.as().get("/api/v1/customers/" + id).then().statusCode(404);
        rep.as().post("/api/v1/customers/" + id + "/restore").then().statusCode(403);
        manager.as().get("/api/v1/customers?deleted=true").then().body("items.id", hasItem(id));
        manager.as().post("/api/v1/customers/" + id + "/restore").then().statusCode(200)
                .body("deletedAt", equalTo(null)).body("pendingFollowUp.status", equalTo("OPEN"));
    }

    @Test
    void managerReassignsACustomerWithItsFollowUp() {
        UUID team = Api.team("reassign", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser from = Api.user("REP", team);
        Api.TestUser to = Api.user("REP", team);
        String id = create(from, "交接客户", "B").path("id");
        from.as().body(Map.of("ownerId", to.id(), "reason", "x")).post("/api/v1/customers/" + id + "/owner").then().statusCode(403);
        manager.as().body(Map.of("ownerId", to.id(), "reason", "区域调整")).post("/api/v1/customers/" + id + "/owner").then()
                .statusCode(200)
                .body("ownerId", equalTo(to.id().toString()))
                .body("pendingFollowUp.ownerId", equalTo(to.id().toString()));
        from.as().get("/api/v1/customers/" + id).then().statusCode(404);
        to.as().get("/api/v1/customers/" + id + "/timeline").then().body("items.find { it.kind == 'OWNER' }.reason", equalTo("区域调整"));
        Api.TestUser outsider = Api.user("REP", Api.team("outside", null));
        manager.as().body(Map.of("ownerId", outsider.id(), "reason", "x")).post("/api/v1/customers/" + id + "/owner").then()
                .statusCode(400).body("errors[0].field", equalTo("ownerId"));
    }
}
