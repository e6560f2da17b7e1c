package io.canvass.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each step of an expense claim is an event for integrations. */
@QuarkusTest
class ExpenseWebhookTest {

    @Inject
    Vertx vertx;

    Receiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = Receiver.start(vertx);
    }

    List<Receiver.Received> ofType(String path, String type) {
        return receiver.at(path).stream().filter(r -> WebhookTest.body(r).path("type").asText().equals(type)).toList();
    }

    @Test
    void submittedApprovedReturnedAndPaidClaimsAreEvents() {
        String path = "/ok/" + UUID.randomUUID();
        WebhookTest.register(Api.adminToken(), path, "expense.claim_submitted", "expense.claim_approved", "expense.claim_returned",
                "expense.claim_paid");
        UUID team = Api.team("hooks", null);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser manager = Api.manager(team);
        LocalDate day = LocalDate.now(ZoneId.of("Etc/GMT+12"));
        Api.asAdmin().body(Map.of("teamId", team, "category", "TRAVEL", "month", YearMonth.from(day).toString(), "amount", "500.00",
                "currency", "CNY")).post("/api/v1/expense-budgets").then().statusCode(201);
        String id = rep.as().body(Map.of("spentOn", day.toString(), "category", "TRAVEL", "amount", "120.00", "currency", "CNY",
                "description", "高铁往返")).post("/api/v1/expense-claims").then().statusCode(201).extract().path("id");
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        io.restassured.RestAssured.given().auth().oauth2(rep.token()).contentType("image/png").body(png)
                .post("/api/v1/expense-claims/" + id + "/receipts").then().statusCode(201);
        rep.as().post("/api/v1/expense-claims/" + id + "/submit").then().statusCode(200);
        manager.as().body(Map.of("comment", "请附行程单")).post("/api/v1/expense-claims/" + id + "/return").then().statusCode(200);
        rep.as().post("/api/v1/expense-claims/" + id + "/submit").then().statusCode(200);
        manager.as().body(Map.of()).post("/api/v1/expense-claims/" + id + "/approve").then().statusCode(200);
        Api.asAdmin().body(Map.of()).post("/api/v1/expense-claims/" + id + "/approve").then().statusCode(200);
        Api.asAdmin().body(Map.of()).post("/api/v1/expense-claims/" + id + "/pay").then().statusCode(200);

        Receiver.until("expense events delivered", () -> ofType(path, "expense.claim_submitted").size() == 2
                && ofType(path, "expense.claim_approved").size() == 2 && ofType(path, "expense.claim_returned").size() == 1
                && ofType(path, "expense.claim_paid").size() == 1);
        JsonNode returned = WebhookTest.body(ofType(path, "expense.claim_returned").get(0)).get("data");
        assertEquals(id, returned.get("claimId").asText());
        assertEquals("MANAGER", returned.get("step").asText());
        assertEquals("请附行程单", returned.get("comment").asText());
        assertEquals(manager.id().toString(), returned.get("actorId").asText());
        Set<String> steps = new java.util.TreeSet<>();
        ofType(path, "expense.claim_approved").forEach(r -> steps.add(WebhookTest.body(r).get("data").get("step").asText()));
        assertEquals(Set.of("MANAGER", "FINANCE"), steps);
        JsonNode paid = WebhookTest.body(ofType(path, "expense.claim_paid").get(0)).get("data");
        assertEquals("120.00", paid.get("amount").asText());
        assertEquals("CNY", paid.get("currency").asText());
        assertEquals("PAID", paid.get("status").asText());
        assertEquals(team.toString(), paid.get("teamId").asText());
    }
}
