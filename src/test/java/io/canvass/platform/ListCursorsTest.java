package io.canvass.platform;

import static io.canvass.testing.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A cursor is good only for the list that returned it; anything else is a 400 naming cursor, never a 500. */
@QuarkusTest
class ListCursorsTest {

    private static final String PROBLEM = "application/problem+json";
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

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Every list that takes a cursor, with the parameters it requires. */
    private static final List<String> LISTS = List.of("/api/v1/customers", "/api/v1/checkins", "/api/v1/notifications",
            "/api/v1/users", "/api/v1/teams", "/api/v1/service-accounts", "/api/v1/webhooks/endpoints",
            "/api/v1/webhooks/endpoints/" + UUID.randomUUID() + "/deliveries", "/api/v1/targets?period=2026",
            "/api/v1/commission/statements?period=2026-11", "/api/v1/commission/plans", "/api/v1/audit", "/api/v1/contracts",
            "/api/v1/coaching-proposals", "/api/v1/coaching-tasks", "/api/v1/expense-claims", "/api/v1/expense-pre-approvals",
            "/api/v1/deals", "/api/v1/collections/overdue", "/api/v1/renewals/undecided");

    @Test
    void aCursorOfAnotherListOrGarbledIsNeverA500() {
        Api.TestUser rep = rep();
        customer(rep);
        customer(rep);
        String customersCursor = rep.as().get("/api/v1/customers?limit=1").then().statusCode(200).extract().path("nextCursor");
        List<String> bad = List.of(customersCursor, "!!!", base64("abc"), base64("abc\n" + UUID.randomUUID()),
                base64("checkins\nnot-a-number\n" + UUID.randomUUID()), base64("x".repeat(16)), "AAAA" + NUL);
        for (String list : LISTS) {
            for (String cursor : bad) {
                Response response = asAdmin().queryParam("cursor", cursor).get(list);
                int status = response.statusCode();
                assertTrue(status == 200 || status == 400 || status == 404,
                        () -> list + " with cursor " + cursor + ": " + status + " " + response.asString());
                if (status == 400) {
                    assertEquals("cursor", response.path("errors[0].field"), () -> list + ": " + response.asString());
                }
            }
        }
        rep.as().queryParam("cursor", customersCursor).get("/api/v1/checkins").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aCursorOfTheSameListStillPages() {
        Api.TestUser rep = rep();
        String customer = customer(rep);
        customer(rep);
        String first = rep.as().get("/api/v1/customers?limit=1").then().statusCode(200).extract().path("items[0].id");
        String next = rep.as().get("/api/v1/customers?limit=1").path("nextCursor");
        rep.as().queryParam("cursor", next).get("/api/v1/customers?limit=1").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", not(equalTo(first)));
        rep.as().body(checkIn(customer)).post("/api/v1/checkins").then().statusCode(201);
        rep.as().body(checkIn(customer)).post("/api/v1/checkins").then().statusCode(201);
        Response page = rep.as().get("/api/v1/checkins?limit=1");
        String checkInCursor = page.path("nextCursor");
        rep.as().queryParam("cursor", checkInCursor).get("/api/v1/checkins?limit=1").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", not(equalTo(page.path("items[0].id"))));
        rep.as().queryParam("cursor", checkInCursor).get("/api/v1/customers").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aNulInACursorIsACursorProblem() {
        rep().as().queryParam("cursor", base64("a" + NUL + "b\n" + UUID.randomUUID())).get("/api/v1/customers").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theLastPageHasNoNextCursorRatherThanANullOne() {
        Api.TestUser rep = rep();
        customer(rep);
        customer(rep);
        String next = rep.as().get("/api/v1/customers?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("nextCursor");
        rep.as().get("/api/v1/customers?limit=1&cursor=" + next).then().statusCode(200)
                .body("items", hasSize(1))
                .body("$", not(hasKey("nextCursor")));
    }
}
