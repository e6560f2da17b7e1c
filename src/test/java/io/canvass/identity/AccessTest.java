package io.canvass.identity;

import static io.canvass.testing.Api.asAdmin;
import static io.canvass.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each role against each administrative endpoint, and team scope on user records. */
@QuarkusTest
class AccessTest {

    @Test
    void onlyAdminsAndDirectorsShapeTheTeamTree() {
        UUID team = Api.team("roles", null);
        Map<String, Integer> expected = Map.of("ADMIN", 201, "DIRECTOR", 201, "MANAGER", 403, "REP", 403);
        expected.forEach((role, status) -> {
            Api.TestUser user = "MANAGER".equals(role) ? Api.manager(team) : Api.user(role, team);
            user.as().body(Map.of("name", unique("t"))).post("/api/v1/teams").then().statusCode(status);
        });
    }

    @Test
    void onlyAdminsManageServiceAccounts() {
        UUID team = Api.team("roles", null);
        for (String role : List.of("DIRECTOR", "REP")) {
            Api.user(role, team).as().body(Map.of("name", "x")).post("/api/v1/service-accounts").then().statusCode(403);
            Api.user(role, team).as().get("/api/v1/service-accounts").then().statusCode(403);
        }
        Api.manager(team).as().get("/api/v1/service-accounts").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://canvass.io/problems/forbidden"));
    }

    @Test
    void auditIsForAdminsAndDirectors() {
        UUID team = Api.team("roles", null);
        Api.user("DIRECTOR", team).as().get("/api/v1/audit").then().statusCode(200);
        Api.manager(team).as().get("/api/v1/audit").then().statusCode(403);
        Api.user("REP", team).as().get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void repsCannotCreateUsers() {
        UUID team = Api.team("roles", null);
        Api.user("REP", team).as().body(newRep(team)).post("/api/v1/users").then().statusCode(403);
    }

    @Test
    void repCannotReadAnotherTeamsUser() {
        Api.TestUser rep = Api.user("REP", Api.team("east", null));
        Api.TestUser stranger = Api.user("REP", Api.team("west", null));
        rep.as().get("/api/v1/users/" + stranger.id()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://canvass.io/problems/not-found"));
        rep.as().get("/api/v1/users/" + rep.id()).then().statusCode(200);
        rep.as().get("/api/v1/users").then().statusCode(200).body("items.id", equalTo(List.of(rep.id().toString())));
    }

    @Test
    void repCannotReadATeammate() {
        UUID team = Api.team("east", null);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser mate = Api.user("REP", team);
        rep.as().get("/api/v1/users/" + mate.id()).then().statusCode(404);
    }

    @Test
    void managerSeesTheWholeSubtreeAndNothingElse() {
        UUID region = Api.team("region", null);
        UUID city = Api.team("city", region);
        UUID elsewhere = Api.team("elsewhere", null);
        Api.TestUser manager = Api.manager(region);
        Api.TestUser cityRep = Api.user("REP", city);
        Api.TestUser otherRep = Api.user("REP", elsewhere);

        manager.as().get("/api/v1/users/" + cityRep.id()).then().statusCode(200);
        manager.as().get("/api/v1/users/" + otherRep.id()).then().statusCode(404);
        manager.as().body(Map.of("displayName", "x")).patch("/api/v1/users/" + otherRep.id()).then().statusCode(404);
        manager.as().post("/api/v1/users/" + otherRep.id() + "/deactivate").then().statusCode(404);
        manager.as().get("/api/v1/users?limit=200").then().statusCode(200)
                .body("items.id", hasItem(cityRep.id().toString()))
                .body("items.id", not(hasItem(otherRep.id().toString())));
        manager.as().get("/api/v1/teams/" + city).then().statusCode(200);
        manager.as().get("/api/v1/teams/" + elsewhere).then().statusCode(404);
    }

    @Test
    void managerCreatesRepsOnlyInTheirTeams() {
        UUID mine = Api.team("mine", null);
        UUID theirs = Api.team("theirs", null);
        Api.TestUser manager = Api.manager(mine);
        manager.as().body(newRep(mine)).post("/api/v1/users").then().statusCode(201).body("teamId", equalTo(mine.toString()));
        manager.as().body(newRep(theirs)).post("/api/v1/users").then().statusCode(403);
        Map<String, Object> director = newRep(mine);
        director.put("role", "DIRECTOR");
        manager.as().body(director).post("/api/v1/users").then().statusCode(403);
    }

    @Test
    void directorCannotTouchAdmins() {
        UUID team = Api.team("roles", null);
        Api.TestUser director = Api.user("DIRECTOR", team);
        Api.TestUser admin = Api.user("ADMIN", team);
        director.as().body(Map.of("displayName", "x")).patch("/api/v1/users/" + admin.id()).then().statusCode(403);
        Map<String, Object> newAdmin = newRep(team);
        newAdmin.put("role", "ADMIN");
        director.as().body(newAdmin).post("/api/v1/users").then().statusCode(403);
    }

    @Test
    void managerCannotMakeThemselvesManagerOfAnotherTeam() {
        UUID root = Api.team("root", null);
        UUID mine = Api.team("mine", root);
        UUID theirs = Api.team("theirs", root);
        Api.TestUser manager = Api.manager(mine);
        Api.TestUser stranger = Api.user("REP", theirs);
        for (UUID team : List.of(theirs, root)) {
            manager.as().body(Map.of("managedTeamIds", List.of(mine, team))).patch("/api/v1/users/" + manager.id())
                    .then().statusCode(403).contentType("application/problem+json");
        }
        asAdmin().get("/api/v1/users/" + manager.id()).then().statusCode(200).body("managedTeamIds", equalTo(List.of(mine.toString())));
        manager.as().get("/api/v1/users/" + stranger.id()).then().statusCode(404);
        manager.as().body(newRep(theirs)).post("/api/v1/users").then().statusCode(403);
    }

    @Test
    void nobodyGrantsThemselvesAnything() {
        UUID team = Api.team("self", null);
        UUID other = Api.team("self-other", null);
        for (Api.TestUser self : List.of(Api.user("ADMIN", team), Api.user("DIRECTOR", team), Api.manager(team))) {
            List<Map<String, Object>> grants = List.of(
                    Map.of("role", "ADMIN".equals(self.role()) ? "REP" : "ADMIN"),
                    Map.of("teamId", other),
                    Map.of("managedTeamIds", List.of(other)),
                    Map.of("financeApprover", true),
                    Map.of("hiredOn", "2020-01-01"));
            grants.forEach(body -> self.as().body(body).patch("/api/v1/users/" + self.id())
                    .then().statusCode(403).contentType("application/problem+json"));
            self.as().body(Map.of("displayName", "Still Me")).patch("/api/v1/users/" + self.id()).then().statusCode(200);
        }
        Api.TestUser director = Api.user("DIRECTOR", team);
        Api.TestUser rep = Api.user("REP", team);
        director.as().body(Map.of("financeApprover", true)).patch("/api/v1/users/" + rep.id()).then().statusCode(403);
        Api.manager(team).as().body(Map.of("financeApprover", true)).patch("/api/v1/users/" + rep.id()).then().statusCode(403);
        asAdmin().get("/api/v1/users/" + rep.id()).then().body("financeApprover", equalTo(false));
    }

    @Test
    void managerMovesRepsOnlyBetweenTheirTeams() {
        UUID mine = Api.team("mine", null);
        UUID theirs = Api.team("theirs", null);
        Api.TestUser manager = Api.manager(mine);
        Api.TestUser rep = Api.user("REP", mine);
        manager.as().body(Map.of("teamId", theirs)).patch("/api/v1/users/" + rep.id()).then().statusCode(403);
        manager.as().body(Map.of("role", "MANAGER")).patch("/api/v1/users/" + rep.id()).then().statusCode(403);
        manager.as().body(Map.of("managedTeamIds", List.of(mine))).patch("/api/v1/users/" + rep.id()).then().statusCode(400);
        asAdmin().get("/api/v1/users/" + rep.id()).then().body("teamId", equalTo(mine.toString())).body("role", equalTo("REP"));
    }

    @Test
    void userChangesAreAudited() {
        UUID team = Api.team("audit", null);
        Api.TestUser rep = Api.user("REP", team);
        asAdmin().body(Map.of("displayName", "Renamed Rep")).patch("/api/v1/users/" + rep.id()).then().statusCode(200);
        asAdmin().get("/api/v1/audit?entityType=user&entityId=" + rep.id()).then().statusCode(200)
                .body("items.action", equalTo(List.of("user.created", "user.updated")))
                .body("items[1].before.displayName", equalTo("Test REP"))
                .body("items[1].after.displayName", equalTo("Renamed Rep"));
    }

    private static Map<String, Object> newRep(UUID team) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", unique("new") + "@example.com");
        body.put("displayName", "新同事");
        body.put("password", "a-long-password");
        body.put("role", "REP");
        body.put("teamId", team);
        return body;
    }
}
