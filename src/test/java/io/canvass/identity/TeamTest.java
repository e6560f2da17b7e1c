package io.canvass.identity;

import static io.canvass.testing.Api.asAdmin;
import static io.canvass.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamTest {

    @Test
    void teamsFormATreeThatCannotLoop() {
        UUID root = Api.team("root", null);
        UUID child = Api.team("child", root);
        UUID grandchild = Api.team("grandchild", child);

        asAdmin().body(Map.of("name", unique("root"), "parentId", grandchild.toString()))
                .put("/api/v1/teams/" + root).then()
                .statusCode(400).body("errors[0].field", equalTo("parentId"));
        asAdmin().get("/api/v1/teams/" + grandchild).then().statusCode(200).body("parentId", equalTo(child.toString()));
    }

    @Test
    void siblingNamesAreUnique() {
        UUID root = Api.team("root", null);
        String name = unique("华东");
        asAdmin().body(Map.of("name", name, "parentId", root.toString())).post("/api/v1/teams").then().statusCode(201);
        asAdmin().body(Map.of("name", name, "parentId", root.toString())).post("/api/v1/teams").then().statusCode(409);
    }

    @Test
    void aRetriedCreateWithTheSameKeyMakesOneTeam() {
        String name = unique("retried");
        String key = UUID.randomUUID().toString();
        String id = asAdmin().header("Idempotency-Key", key).body(Map.of("name", name)).post("/api/v1/teams").then()
                .statusCode(201).header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("createdAt", org.hamcrest.Matchers.notNullValue()).extract().path("id");
        asAdmin().header("Idempotency-Key", key).body(Map.of("name", name)).post("/api/v1/teams").then()
                .statusCode(201).header("Idempotent-Replayed", "true").header("Location", org.hamcrest.Matchers.endsWith(id))
                .body("id", equalTo(id));
        asAdmin().header("Idempotency-Key", key).body(Map.of("name", unique("other"))).post("/api/v1/teams").then().statusCode(422);
    }

    @Test
    void onlyEmptyTeamsCanBeDeleted() {
        UUID root = Api.team("root", null);
        UUID child = Api.team("child", root);
        Api.user("REP", child);
        asAdmin().delete("/api/v1/teams/" + root).then().statusCode(409);
        asAdmin().delete("/api/v1/teams/" + child).then().statusCode(409);
        UUID empty = Api.team("empty", null);
        asAdmin().delete("/api/v1/teams/" + empty).then().statusCode(204);
        asAdmin().get("/api/v1/teams/" + empty).then().statusCode(404);
    }

    @Test
    void managersCanBeAssignedAndMustBeManagers() {
        UUID team = Api.team("managed", null);
        Api.TestUser manager = Api.manager();
        Api.TestUser rep = Api.user("REP", team);
        asAdmin().body(Map.of("userIds", Set.of(rep.id()))).put("/api/v1/teams/" + team + "/managers").then().statusCode(400);
        asAdmin().body(Map.of("userIds", Set.of(manager.id()))).put("/api/v1/teams/" + team + "/managers").then()
                .statusCode(200).body("managerIds", equalTo(List.of(manager.id().toString())));
        manager.as().get("/api/v1/me").then().body("managedTeamIds", hasItem(team.toString()));
        asAdmin().get("/api/v1/audit?entityType=team&entityId=" + team).then()
                .body("items.action", hasItem("team.managers_changed"));
    }

    @Test
    void settingTheSameManagersAgainChangesNothing() {
        UUID team = Api.team("same-managers", null);
        Api.TestUser first = Api.manager();
        Api.TestUser second = Api.manager();
        Map<String, Object> both = Map.of("userIds", Set.of(first.id(), second.id()));
        asAdmin().body(both).put("/api/v1/teams/" + team + "/managers").then().statusCode(200);
        asAdmin().body(both).put("/api/v1/teams/" + team + "/managers").then()
                .statusCode(200).body("managerIds", org.hamcrest.Matchers.containsInAnyOrder(first.id().toString(), second.id().toString()));
        asAdmin().body(Map.of("userIds", Set.of(second.id()))).put("/api/v1/teams/" + team + "/managers").then()
                .statusCode(200).body("managerIds", equalTo(List.of(second.id().toString())));
        asAdmin().body(Map.of("userIds", Set.of())).put("/api/v1/teams/" + team + "/managers").then()
                .statusCode(200).body("managerIds", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), org.hamcrest.Matchers.empty()));
        first.as().get("/api/v1/me").then().body("managedTeamIds", org.hamcrest.Matchers.not(hasItem(team.toString())));
    }

    @Test
    void listPagesWithACursor() {
        for (int i = 0; i < 3; i++) {
            Api.team("paged", null);
        }
        String next = asAdmin().get("/api/v1/teams?limit=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).extract().path("nextCursor");
        asAdmin().get("/api/v1/teams?limit=2&cursor=" + next).then().statusCode(200);
    }
}
