package io.canvass.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerBatchTest {

    static Map<String, Object> item(String externalId, String name, String grade, UUID ownerId) {
        Map<String, Object> item = new HashMap<>();
        item.put("externalId", externalId);
        item.put("name", name);
        item.put("grade", grade);
        item.put("ownerId", ownerId);
        return item;
    }

    @Test
    void upsertsByExternalIdAndASecondRunChangesNothing() {
        UUID team = Api.team("batch", null);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser manager = Api.manager(team);
        String a = Api.unique("erp");
        String b = Api.unique("erp");
        String name = Api.unique("苏州精密模具");
        List<Map<String, Object>> items = List.of(item(a, name, "A", rep.id()), item(b, "Wuxi Pumps", "C", rep.id()));
        String idA = manager.as().body(Map.of("items", items)).post("/api/v1/customers/batch")
                .then().statusCode(200)
                .body("created", equalTo(2)).body("failed", equalTo(0))
                .body("results[0].status", equalTo("CREATED")).body("results[0].externalId", equalTo(a))
                .body("results[1].index", equalTo(1))
                .extract().path("results[0].id");
        rep.as().get("/api/v1/customers/" + idA).then().statusCode(200).body("externalId", equalTo(a)).body("grade", equalTo("A"));

        manager.as().body(Map.of("items", items)).post("/api/v1/customers/batch")
                .then().statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0))
                .body("results[0].id", equalTo(idA));

        List<Map<String, Object>> changed = List.of(item(a, name, "B", rep.id()));
        manager.as().body(Map.of("items", changed)).post("/api/v1/customers/batch")
                .then().statusCode(200).body("results[0].status", equalTo("UPDATED"));
        rep.as().get("/api/v1/customers/" + idA).then().body("grade", equalTo("B"));
        List<String> ids = manager.as().queryParam("q", name).get("/api/v1/customers").then().extract().path("items.id");
        assertEquals(List.of(idA), ids, "one customer per external id");
    }

    @Test
    void twoIdenticalBatchesAtOnceApplyEveryItemOnceAndFailNone() throws Exception {
        UUID team = Api.team("batch", null);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser manager = Api.manager(team);
        String tag = Api.unique("sync");
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item(tag + "-" + i, tag + " customer " + i, "B", rep.id()));
        }
        // two sync workers of an integration send the same batch at the same moment, each with its own key
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = pool.invokeAll(List.of(
                    () -> manager.as().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("items", items))
                            .post("/api/v1/customers/batch"),
                    () -> manager.as().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("items", items))
                            .post("/api/v1/customers/batch")));
            for (var answer : answers) {
                io.restassured.response.Response r = answer.get();
                assertEquals(200, r.statusCode(), r.asString());
                assertEquals(0, (int) r.path("failed"), r.asString());
            }
        } finally {
            pool.shutdown();
        }
        List<String> names = manager.as().queryParam("q", tag).queryParam("limit", 100).get("/api/v1/customers").then()
                .statusCode(200).extract().path("items.name");
        assertEquals(20, names.size(), "one customer per external id: " + names);
        assertEquals(20, new java.util.HashSet<>(names).size(), "one customer per external id: " + names);
    }

    @Test
    void invalidItemsFailAloneWithTheirFieldNamed() {
        UUID team = Api.team("batch", null);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser manager = Api.manager(team);
        String good = Api.unique("erp");
        Map<String, Object> noName = item(Api.unique("erp"), null, "A", rep.id());
        manager.as().body(Map.of("items", List.of(noName, item(good, "OK Co", "B", rep.id()), item(good, "Again", "B", rep.id()))))
                .post("/api/v1/customers/batch")
                .then().statusCode(200)
                .body("failed", equalTo(2)).body("created", equalTo(1))
                .body("results[0].status", equalTo("FAILED"))
                .body("results[0].problem.type", equalTo("https://canvass.io/problems/validation"))
                .body("results[0].problem.errors[0].field", equalTo("items[0].name"))
                .body("results[0].id", nullValue())
                .body("results[1].status", equalTo("CREATED"))
                .body("results[2].problem.errors[0].field", equalTo("items[2].externalId"));
        manager.as().body(Map.of("items", List.of())).post("/api/v1/customers/batch")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("items"));
    }

    @Test
    void authenticationRoleAndScope() {
        given().contentType(ContentType.JSON).body(Map.of("items", List.of())).post("/api/v1/customers/batch").then().statusCode(401);
        UUID team = Api.team("batch", null);
        Api.TestUser rep = Api.user("REP", team);
        rep.as().body(Map.of("items", List.of(item(Api.unique("erp"), "x", "A", rep.id()))))
                .post("/api/v1/customers/batch").then().statusCode(403);

        // another team's customer cannot be reached through its external id
        UUID otherTeam = Api.team("batch", null);
        Api.TestUser otherRep = Api.user("REP", otherTeam);
        String theirs = Api.unique("erp");
        Api.manager(otherTeam).as().body(Map.of("items", List.of(item(theirs, "Theirs", "A", otherRep.id()))))
                .post("/api/v1/customers/batch").then().body("created", equalTo(1));
        Api.manager(team).as().body(Map.of("items", List.of(item(theirs, "Mine now", "C", rep.id()))))
                .post("/api/v1/customers/batch").then().statusCode(200)
                .body("results[0].status", equalTo("FAILED"))
                .body("results[0].problem.type", equalTo("https://canvass.io/problems/conflict"));
        // and an owner outside the manager's teams is refused
        Api.manager(team).as().body(Map.of("items", List.of(item(Api.unique("erp"), "Elsewhere", "C", otherRep.id()))))
                .post("/api/v1/customers/batch").then()
                .body("results[0].problem.errors[0].field", equalTo("items[0].ownerId"));
    }
}
