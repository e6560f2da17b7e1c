package io.canvass.platform;

import static io.canvass.testing.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Query, path and form values a resource declares are checked before it runs, and a bad one is a 400 naming it. */
@QuarkusTest
class ParameterRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NUL = "\u0000";

    private static Api.TestUser rep() {
        return Api.user("REP", Api.team("hygiene", null));
    }

    @Test
    void aNulInAQueryValueNamesTheParameter() {
        rep().as().queryParam("q", "a" + NUL + "b").get("/api/v1/customers").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("q"));
        asAdmin().queryParam("entityId", NUL).get("/api/v1/audit").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("entityId"));
    }

    @Test
    void aNulInAPathValueNamesTheParameter() {
        asAdmin().urlEncodingEnabled(false).post("/api/v1/commission/periods/2026-1%001/close").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("period")).body("errors[0].message", containsString("U+0000"));
    }

    @Test
    void aNulInAFormFieldNamesTheField() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "svc_a" + NUL + "b")
                .formParam("client_secret", "secret")
                .post("/api/v1/auth/token").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("client_id"));
    }

    @Test
    void aDateOutsideTheAcceptedRangeInAQueryNamesTheParameter() {
        Api.TestUser rep = rep();
        rep.as().queryParam("date", "-5000-01-01").get("/api/v1/agenda").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("date"));
        rep.as().queryParam("from", "+99999-01-01T00:00:00Z").get("/api/v1/checkins").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("from"));
        asAdmin().queryParam("from", "1800-01-01").get("/api/v1/collections/kpis").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("from"));
        rep.as().queryParam("date", "2199-12-31").get("/api/v1/agenda").then().statusCode(200);
    }

    @Test
    void aMonthOrWeekGivenAsTextIsHeldToTheSameRange() {
        asAdmin().queryParam("from", "2300-01").get("/api/v1/expenses/report").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("from"));
        rep().as().queryParam("week", "2300-01-05").get("/api/v1/reports/weekly").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("week"));
    }

    @Test
    void aQueryValueOfTheWrongTypeIsA400NamingIt() {
        Api.TestUser rep = rep();
        rep.as().get("/api/v1/customers?grade=Z").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("grade")).body("errors[0].message", equalTo("must be one of A, B, C"));
        rep.as().get("/api/v1/customers?limit=abc").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        rep.as().get("/api/v1/customers?ownerId=not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("ownerId"));
        rep.as().get("/api/v1/checkins?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void anIdOfTheWrongTypeInThePathIsStillA404() {
        rep().as().get("/api/v1/customers/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }
}
