package io.canvass.platform;

import static io.canvass.testing.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every JSON body is read with the same rules: storable text, dates in range, numbers of a sane size, enums by name. */
@QuarkusTest
class JsonInputRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPES = "https://canvass.io/problems/";
    private static final String NUL = "\u0000";

    private static Api.TestUser rep() {
        return Api.user("REP", Api.team("hygiene", null));
    }

    private static String customer(Api.TestUser rep) {
        return rep.as().body(Map.of("name", Api.unique("客户"), "grade", "B")).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> checkIn(String customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
        body.put("customerId", customerId);
        body.put("clientTime", Instant.now().minusSeconds(30).toString());
        body.put("purpose", "DEMO");
        return body;
    }

    @Test
    void aNulInAJsonStringIsA400NamingTheField() {
        asAdmin().body(Map.of("name", "a" + NUL + "b")).post("/api/v1/teams").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("U+0000"));
    }

    @Test
    void aNulDeepInABodyNamesItsPath() {
        Api.TestUser rep = rep();
        rep.as().body(Map.of("name", Api.unique("c"), "grade", "A", "contacts", List.of(Map.of("name", "王" + NUL))))
                .post("/api/v1/customers").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("contacts[0].name"));
        rep.as().body(Map.of("name", Api.unique("c"), "grade", "A", "tags", List.of("ok", "b" + NUL)))
                .post("/api/v1/customers").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("tags[1]"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedWhileEmojiAreKept() {
        asAdmin().body("{\"name\":\"a\\ud800b\"}").post("/api/v1/teams").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        String name = Api.unique("华东团队😀");
        asAdmin().body(Map.of("name", name)).post("/api/v1/teams").then()
                .statusCode(201).body("name", equalTo(name));
    }

    @Test
    void aDateOutsideTheAcceptedRangeInABodyNamesTheField() {
        Api.TestUser rep = rep();
        Map<String, Object> body = checkIn(customer(rep));
        body.put("nextActionDue", "+99999-01-01");
        rep.as().body(body).post("/api/v1/checkins").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("nextActionDue"))
                .body("errors[0].message", equalTo(Dates.RANGE));
        body.put("nextActionDue", null);
        body.put("clientTime", "-5000-01-01T00:00:00Z");
        rep.as().body(body).post("/api/v1/checkins").then()
                .statusCode(400).body("errors[0].field", equalTo("clientTime")).body("errors[0].message", equalTo(Dates.RANGE));
        asAdmin().body(Map.of("email", Api.unique("hire") + "@example.com", "displayName", "Hire", "password", "a-long-password",
                        "role", "REP", "teamId", rep.teamId().toString(), "hiredOn", "1899-12-31"))
                .post("/api/v1/users").then()
                .statusCode(400).body("errors[0].field", equalTo("hiredOn"));
    }

    @Test
    void aMonthGivenAsTextInABodyIsHeldToTheSameRange() {
        asAdmin().body(Map.of("teamId", Api.team("budget", null).toString(), "category", "TRAVEL", "month", "0000-01",
                        "amount", "100.00", "currency", "CNY"))
                .post("/api/v1/expense-budgets").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("month"));
    }

    @Test
    void anEnumGivenByPositionIsRefused() {
        rep().as().body("{\"name\":\"x\",\"grade\":1}").post("/api/v1/customers").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("grade"));
    }

    @Test
    void aNumberBeyondADoubleIsRefused() {
        Api.TestUser rep = rep();
        Map<String, Object> body = checkIn(customer(rep));
        String json = io.canvass.testing.Http.json(body).replace("}", ",\"position\":{\"lat\":31.2,\"lng\":121.4,\"accuracy\":1e400}}");
        rep.as().body(json).post("/api/v1/checkins").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("position.accuracy"));
    }

    @Test
    void aDecimalWithAnExtremeExponentIsRefused() {
        asAdmin().body("{\"name\":\"p\",\"periodKind\":\"MONTH\",\"appliesToRole\":\"REP\",\"base\":\"REVENUE_WON\",\"currency\":\"CNY\","
                        + "\"tiers\":[{\"from\":0,\"to\":1e-1000000000,\"rate\":1},{\"from\":1e-1000000000,\"rate\":2}]}")
                .post("/api/v1/commission/plans").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("tiers[0].to"));
    }

    @Test
    void deeplyNestedOrInvalidUtf8JsonIsA400() {
        Api.TestUser rep = rep();
        rep.as().body("{\"name\":\"x\",\"grade\":\"A\",\"tags\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                .post("/api/v1/customers").then().statusCode(400).contentType(PROBLEM);
        rep.as().body("{\"name\":\"a\u00ffb\",\"grade\":\"A\"}".getBytes(StandardCharsets.ISO_8859_1))
                .post("/api/v1/customers").then().statusCode(400).contentType(PROBLEM).body("detail", notNullValue());
        assertNotEquals(500, rep.as().body("{\"name\":" + "1".repeat(5000) + "}").post("/api/v1/customers").statusCode());
    }

    @Test
    void aValueOfTheWrongJsonTypeIsA400NamingTheFieldNeverCoerced() {
        Api.TestUser rep = rep();
        String[][] cases = {
            { "{\"name\":123,\"grade\":\"B\"}", "name", "must be a string" },
            { "{\"name\":false,\"grade\":\"B\"}", "name", "must be a string" },
            { "{\"name\":\"n\",\"grade\":2}", "grade", "must be one of" },
            { "{\"name\":\"n\",\"grade\":\"2\"}", "grade", "must be one of" },
            { "{\"name\":\"n\",\"grade\":\"B\",\"stage\":3}", "stage", "must be one of" },
            { "{\"name\":\"n\",\"grade\":\"B\",\"lat\":\"31.2\",\"lng\":121.4}", "lat", "must be a number" },
            { "{\"name\":\"n\",\"grade\":\"B\",\"cadenceDaysOverride\":7.5}", "cadenceDaysOverride", "must be a whole number" },
            { "{\"name\":\"n\",\"grade\":\"B\",\"cadenceDaysOverride\":\"7\"}", "cadenceDaysOverride", "must be a whole number" },
            { "{\"name\":\"n\",\"grade\":\"B\",\"tags\":\"vip\"}", "tags", "must be an array" },
            { "{\"name\":\"n\",\"grade\":\"B\",\"tags\":[true]}", "tags[0]", "must be a string" },
            { "{\"name\":[\"n\"],\"grade\":\"B\"}", "name", "must be a string" },
        };
        for (String[] c : cases) {
            rep.as().body(c[0]).post("/api/v1/customers").then()
                    .statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(TYPES + "validation"))
                    .body("errors[0].field", equalTo(c[1]))
                    .body("errors[0].message", containsString(c[2]));
        }
        asAdmin().body("{\"displayName\":\"x\",\"financeApprover\":\"true\"}").patch("/api/v1/users/" + rep.id()).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("financeApprover"))
                .body("errors[0].message", containsString("must be true or false"));
    }

    @Test
    void nullForAValueThatCannotBeAbsentIsRefused() {
        asAdmin().body("{\"milestones\":[{\"dayOffset\":null,\"kind\":\"ONBOARDING_MILESTONE\",\"title\":\"t\",\"goal\":\"g\"}]}")
                .put("/api/v1/onboarding/milestones").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("milestones[0].dayOffset"));
    }
}
