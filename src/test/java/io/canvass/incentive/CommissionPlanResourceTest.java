package io.canvass.incentive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommissionPlanResourceTest {

    static Map<String, Object> tier(Object from, Object to, Object rate) {
        Map<String, Object> t = new HashMap<>();
        t.put("from", from);
        t.put("to", to);
        t.put("rate", rate);
        return t;
    }

    static Map<String, Object> plan(UUID team) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "华东月度提成");
        body.put("periodKind", "MONTH");
        body.put("teamId", team);
        body.put("base", "REVENUE_WON");
        body.put("currency", "CNY");
        body.put("cap", "50000.00");
        Map<String, Object> top = tier(120, null, "3");
        top.put("extraRate", "2");
        body.put("tiers", List.of(tier(0, 80, 0), tier(80, 100, "2"), tier(100, 120, "3"), top));
        body.put("oneOffs", List.of(Map.of("kind", "DEAL_WON_ABOVE", "above", "500000", "reward", "2000"),
                Map.of("kind", "KEY_ACCOUNT_WON", "reward", "1000.00")));
        return body;
    }

    @Test
    void anAdminCreatesReadsReplacesAndDeletesAPlanWithVersions() {
        UUID team = Api.team("plan", null);
        String id = Api.asAdmin().body(plan(team)).post("/api/v1/commission/plans").then().statusCode(201)
                .header("ETag", "W/\"0\"")
                .body("tiers[1].from", equalTo("80")).body("tiers[3].to", nullValue()).body("tiers[3].extraRate", equalTo("2"))
                .body("oneOffs[0].above", equalTo("500000.00")).body("cap", equalTo("50000.00"))
                .extract().path("id");

        UUID directorTeam = Api.team("dir", null);
        Api.user("DIRECTOR", directorTeam).as().get("/api/v1/commission/plans/" + id).then().statusCode(200)
                .body("name", equalTo("华东月度提成"));
        Api.user("DIRECTOR", directorTeam).as().get("/api/v1/commission/plans?limit=200").then().statusCode(200);

        Map<String, Object> changed = plan(team);
        changed.put("cap", null);
        Api.asAdmin().header("If-Match", "W/\"0\"").body(changed).put("/api/v1/commission/plans/" + id).then().statusCode(200)
                .header("ETag", "W/\"1\"").body("cap", nullValue()).body("version", equalTo(1));
        Api.asAdmin().header("If-Match", "W/\"0\"").body(changed).put("/api/v1/commission/plans/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        Api.asAdmin().header("If-Match", "W/\"0\"").delete("/api/v1/commission/plans/" + id).then().statusCode(412);
        Api.asAdmin().header("If-Match", "W/\"1\"").delete("/api/v1/commission/plans/" + id).then().statusCode(204);
        Api.asAdmin().get("/api/v1/commission/plans/" + id).then().statusCode(404);
    }

    @Test
    void oneTeamHasOnePlanPerPeriodKind() {
        UUID team = Api.team("plan", null);
        Api.asAdmin().body(plan(team)).post("/api/v1/commission/plans").then().statusCode(201);
        Api.asAdmin().body(plan(team)).post("/api/v1/commission/plans").then().statusCode(409).contentType("application/problem+json");
        Map<String, Object> quarterly = plan(team);
        quarterly.put("periodKind", "QUARTER");
        Api.asAdmin().body(quarterly).post("/api/v1/commission/plans").then().statusCode(201);
    }

    @Test
    void tiersMustBeContiguousNonOverlappingOpenEndedAndNotNegative() {
        UUID team = Api.team("plan", null);
        record Case(List<Map<String, Object>> tiers, String field) {
        }
        for (Case c : List.of(
                new Case(List.of(tier(0, 80, 0), tier(90, null, 2)), "tiers[1].from"),
                new Case(List.of(tier(0, 80, 0), tier(70, null, 2)), "tiers[1].from"),
                new Case(List.of(tier(10, 80, 0), tier(80, null, 2)), "tiers[0].from"),
                new Case(List.of(tier(0, 80, 0), tier(80, 120, 2)), "tiers[1].to"),
                new Case(List.of(tier(0, null, 0), tier(80, null, 2)), "tiers[0].to"),
                new Case(List.of(tier(0, 80, "-1"), tier(80, null, 2)), "tiers[0].rate"),
                new Case(List.of(tier(0, 80, 0), tier(80, 80, 2), tier(80, null, 2)), "tiers[1].to"))) {
            Map<String, Object> body = plan(team);
            body.put("tiers", c.tiers());
            Api.asAdmin().body(body).post("/api/v1/commission/plans").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(c.field()));
        }
        Map<String, Object> both = plan(team);
        both.put("appliesToRole", "REP");
        Api.asAdmin().body(both).post("/api/v1/commission/plans").then().statusCode(400).body("errors.field", hasItem("appliesToRole"));
        Map<String, Object> yen = plan(team);
        yen.put("currency", "JPY");
        yen.put("cap", "50000.5");
        Api.asAdmin().body(yen).post("/api/v1/commission/plans").then().statusCode(400).body("errors.field", hasItem("cap"));
        Map<String, Object> unknownTeam = plan(UUID.randomUUID());
        Api.asAdmin().body(unknownTeam).post("/api/v1/commission/plans").then().statusCode(400).body("errors.field", hasItem("teamId"));
    }

    @Test
    void onlyAdminsChangePlansAndManagersAndRepsDoNotReadThem() {
        UUID team = Api.team("plan", null);
        Api.TestUser director = Api.user("DIRECTOR", team);
        director.as().body(plan(team)).post("/api/v1/commission/plans").then().statusCode(403);
        Api.manager(team).as().get("/api/v1/commission/plans").then().statusCode(403);
        Api.user("REP", team).as().get("/api/v1/commission/plans").then().statusCode(403);
        given().contentType("application/json").body(plan(team)).post("/api/v1/commission/plans").then().statusCode(401);
        Api.asAdmin().get("/api/v1/commission/plans/" + UUID.randomUUID()).then().statusCode(404);
    }
}
