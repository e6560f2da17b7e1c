package io.canvass.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.contract.RenewalScan;
import io.canvass.contract.collection.OverdueScan;
import io.canvass.followup.MissedFollowUpSweeper;
import io.canvass.platform.outbound.HostResolver;
import io.canvass.platform.outbound.InternalTargets;
import io.canvass.platform.outbound.RebindingResolver;
import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Inject
    MissedFollowUpSweeper sweeper;

    @Inject
    RenewalScan renewals;

    @Inject
    OverdueScan overdue;

    Receiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = Receiver.start(vertx);
    }

    static Map<String, Object> register(String token, String path, String... types) {
        return Api.as(token).body(Map.of("url", Receiver.url(path), "description", "test receiver", "eventTypes", List.of(types)))
                .post("/api/v1/webhooks/endpoints")
                .then().statusCode(201).header("Location", notNullValue())
                .body("secret", org.hamcrest.Matchers.startsWith("whsec_"))
                .extract().as(Map.class);
    }

    static String customer(Api.TestUser rep) {
        return rep.as().body(Map.of("name", Api.unique("客户"), "grade", "B", "stage", "INITIAL_INTENT", "lat", 31.23, "lng", 121.47))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static JsonNode body(Receiver.Received r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    List<Receiver.Received> ofType(String path, String type) {
        return receiver.at(path).stream().filter(r -> body(r).path("type").asText().equals(type)).toList();
    }

    @Test
    void eventsArriveSignedAsStandardWebhooksAndOnlyTheSubscribedTypes() throws Exception {
        String path = "/ok/" + UUID.randomUUID();
        Map<String, Object> created = register(Api.adminToken(), path, "customer.created", "checkin.created", "followup.completed");
        String secret = (String) created.get("secret");
        String endpointId = (String) ((Map<?, ?>) created.get("endpoint")).get("id");
        Api.TestUser rep = Api.user("REP", Api.team("hooks", null));

        String customerId = customer(rep);
        rep.as().body(Map.of("grade", "A")).patch("/api/v1/customers/" + customerId).then().statusCode(200);
        Map<String, Object> checkIn = new HashMap<>();
        checkIn.put("clientId", UUID.randomUUID().toString());
        checkIn.put("customerId", customerId);
        checkIn.put("clientTime", Instant.now().minusSeconds(30).toString());
        checkIn.put("position", Map.of("lat", 31.23, "lng", 121.47, "accuracy", 10, "fixAge", 3));
        checkIn.put("purpose", "DEMO");
        checkIn.put("outcome", "演示");
        rep.as().body(checkIn).post("/api/v1/checkins").then().statusCode(201);

        Receiver.until("customer.created, checkin.created and followup.completed delivered",
                () -> !ofType(path, "customer.created").isEmpty() && !ofType(path, "checkin.created").isEmpty()
                        && !ofType(path, "followup.completed").isEmpty());
        Receiver.Received message = ofType(path, "customer.created").get(0);
        JsonNode event = body(message);
        assertEquals(customerId, event.at("/data/customerId").asText());
        assertEquals("B", event.at("/data/grade").asText());
        assertEquals(message.id(), event.get("id").asText(), "webhook-id is the event id");
        assertNotNull(event.get("timestamp").asText());
        assertEquals(message.id(), StandardWebhooksVerifier.verify(secret, message), "the reference library accepts the signature");
        assertNull(StandardWebhooksVerifier.verify(WebhookSignature.newSecret(), message), "and refuses it under another secret");
        JsonNode visit = body(ofType(path, "checkin.created").get(0));
        assertEquals(checkIn.get("clientId"), visit.at("/data/checkInId").asText());
        assertEquals("VERIFIED", visit.at("/data/verdict").asText());
        assertEquals("VISIT", body(ofType(path, "followup.completed").get(0)).at("/data/channel").asText());

        // the filter: customer.grade_changed happened but this endpoint never subscribed, so it has no delivery of it
        List<String> types = Api.asAdmin().get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries")
                .then().statusCode(200).extract().path("items.eventType");
        assertTrue(!types.contains("customer.grade_changed") && types.contains("customer.created"), "deliveries: " + types);
        Api.asAdmin().get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries?status=DELIVERED")
                .then().statusCode(200).body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatus", equalTo(204)).body("items[0].lastLatencyMs", notNullValue());
    }

    @Test
    void gradeAndStageChangesAreEventsWithBeforeAndAfter() {
        String path = "/ok/" + UUID.randomUUID();
        register(Api.adminToken(), path, "customer.grade_changed", "customer.stage_changed");
        Api.TestUser rep = Api.user("REP", Api.team("hooks", null));
        String customerId = customer(rep);
        rep.as().body(Map.of("grade", "A", "stage", "HIGH_INTENT")).patch("/api/v1/customers/" + customerId).then().statusCode(200);
        Receiver.until("both changes delivered", () -> ofType(path, "customer.grade_changed").size() == 1
                && ofType(path, "customer.stage_changed").size() == 1);
        JsonNode grade = body(ofType(path, "customer.grade_changed").get(0)).get("data");
        assertEquals("B", grade.get("from").asText());
        assertEquals("A", grade.get("to").asText());
        JsonNode stage = body(ofType(path, "customer.stage_changed").get(0)).get("data");
        assertEquals("INITIAL_INTENT", stage.get("from").asText());
        assertEquals("HIGH_INTENT", stage.get("to").asText());
    }

    @Test
    void assignedCoachingIsAnEvent() {
        String path = "/ok/" + UUID.randomUUID();
        register(Api.adminToken(), path, "coaching.assigned");
        UUID team = Api.team("hooks", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        LocalDate due = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7);
        String taskId = manager.as().body(Map.of("repId", rep.id(), "kind", "SHADOW_VISIT", "title", "跟访：需求挖掘",
                        "goal", "经理跟访两次，重点观察需求挖掘提问", "dueOn", due.toString()))
                .post("/api/v1/coaching-tasks").then().statusCode(201).extract().path("id");
        Receiver.until("coaching.assigned delivered", () -> ofType(path, "coaching.assigned").size() == 1);
        JsonNode data = body(ofType(path, "coaching.assigned").get(0)).get("data");
        assertEquals(taskId, data.get("taskId").asText());
        assertEquals(rep.id().toString(), data.get("repId").asText());
        assertEquals(manager.id().toString(), data.get("assignedBy").asText());
        assertEquals("SHADOW_VISIT", data.get("kind").asText());
        assertEquals(due.toString(), data.get("dueOn").asText());
    }

    @Test
    void missedFollowUpsAreOverdueEvents() {
        String path = "/ok/" + UUID.randomUUID();
        register(Api.adminToken(), path, "followup.overdue");
        Api.TestUser rep = Api.user("REP", Api.team("hooks", null));
        String customerId = customer(rep);
        pool.preparedQuery("update follow_up set due_on = due_on - 30, due_at = due_at - interval '30 days' where customer_id = $1")
                .execute(Tuple.of(UUID.fromString(customerId))).await().atMost(Duration.ofSeconds(10));
        sweeper.sweepBatch().await().atMost(Duration.ofSeconds(30));
        Receiver.until("followup.overdue delivered", () -> ofType(path, "followup.overdue").stream()
                .anyMatch(r -> body(r).at("/data/customerId").asText().equals(customerId)));
    }

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The data of the events of a type received at a path whose {@code field} is {@code value}, once per event id. */
    Collection<JsonNode> data(String path, String type, String field, String value) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        ofType(path, type).stream().map(WebhookTest::body)
                .filter(e -> e.at("/data/" + field).asText().equals(value))
                .forEach(e -> byId.putIfAbsent(e.get("id").asText(), e.get("data")));
        return byId.values();
    }

    /** How many events of a type about a record were stored (in the transaction of the change, so no waiting). */
    long stored(String type, String field, String value) {
        return pool.preparedQuery("select count(*) from webhook_event where type = $1 and payload ->> $2 = $3")
                .execute(Tuple.of(type, field, value)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /** Noon in Shanghai (the test users' zone), {@code daysLeft} days before {@code day}. */
    static Instant daysBefore(LocalDate day, int daysLeft) {
        return day.minusDays(daysLeft).atTime(12, 0).atZone(SHANGHAI).toInstant();
    }

    @Test
    void dealStageChangesAreEventsWithTheAmountAsADecimalString() {
        String path = "/ok/" + UUID.randomUUID();
        register(Api.adminToken(), path, "deal.stage_changed");
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        String dealId = t.rep().as().body(Map.of("customerId", customer, "name", "二期产线改造", "amount", "1234.5", "currency", "CNY"))
                .post("/api/v1/deals").then().statusCode(201).extract().path("id");
        t.rep().as().body(Map.of("stage", "PROPOSAL")).post("/api/v1/deals/" + dealId + "/stage").then().statusCode(200);
        t.manager().as().body(Map.of("stage", "LOST", "reason", "选择了竞品")).post("/api/v1/deals/" + dealId + "/stage").then().statusCode(200);
        assertEquals(2, stored("deal.stage_changed", "dealId", dealId), "one event per move, none for the creation");

        Receiver.until("both moves delivered", () -> data(path, "deal.stage_changed", "dealId", dealId).size() == 2);
        Map<String, JsonNode> byTarget = data(path, "deal.stage_changed", "dealId", dealId).stream()
                .collect(Collectors.toMap(d -> d.get("to").asText(), d -> d));
        JsonNode proposal = byTarget.get("PROPOSAL");
        assertEquals("QUALIFICATION", proposal.get("from").asText());
        assertEquals("1234.50", proposal.get("amount").asText(), "a decimal string in the currency's minor units");
        assertTrue(proposal.get("amount").isTextual(), "never a JSON number");
        assertEquals("CNY", proposal.get("currency").asText());
        assertEquals(customer, proposal.get("customerId").asText());
        assertEquals(t.rep().id().toString(), proposal.get("ownerId").asText());
        assertEquals(t.teamId().toString(), proposal.get("teamId").asText());
        assertEquals(t.rep().id().toString(), proposal.get("changedBy").asText());
        assertNull(proposal.get("closedAt"), "still open");
        JsonNode lost = byTarget.get("LOST");
        assertEquals("PROPOSAL", lost.get("from").asText());
        assertEquals("选择了竞品", lost.get("lostReason").asText());
        assertEquals(t.manager().id().toString(), lost.get("changedBy").asText());
        assertNotNull(lost.get("closedAt"));
    }

    @Test
    void aRenewalIsAnEventNamingTheSuccessor() {
        String path = "/ok/" + UUID.randomUUID();
        register(Api.adminToken(), path, "contract.renewed");
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        LocalDate end = LocalDate.now(SHANGHAI).plusDays(40);
        String id = Money.activeContract(t.rep(), customer, end);
        String number = Api.unique("HT");
        String successorId = t.rep().as().body(Map.of("decision", "RENEW", "successor",
                        Map.of("number", number, "value", "132000.5", "currency", "USD", "endsOn", end.plusYears(1).toString())))
                .post("/api/v1/contracts/" + id + "/renewal/decision").then().statusCode(200).extract().path("successorId");

        Receiver.until("contract.renewed delivered", () -> !data(path, "contract.renewed", "contractId", id).isEmpty());
        JsonNode renewed = data(path, "contract.renewed", "contractId", id).iterator().next();
        assertEquals(successorId, renewed.get("successorId").asText());
        assertEquals(number, renewed.get("successorNumber").asText());
        assertEquals("132000.50", renewed.get("successorValue").asText());
        assertEquals("USD", renewed.get("successorCurrency").asText());
        assertEquals(end.plusDays(1).toString(), renewed.get("successorStartsOn").asText());
        assertEquals(end.plusYears(1).toString(), renewed.get("successorEndsOn").asText());
        assertEquals(customer, renewed.get("customerId").asText());
        assertEquals(t.rep().id().toString(), renewed.get("decidedBy").asText());
        assertEquals(t.teamId().toString(), renewed.get("teamId").asText());
        assertEquals(1, stored("contract.renewed", "contractId", id));
    }

    @Test
    void paymentsAreEventsWithWhatIsStillOwedAndOnlyTheirSubscribersGetThem() {
        String path = "/ok/" + UUID.randomUUID();
        register(Api.adminToken(), path, "payment.received");
        Map<String, Object> other = register(Api.adminToken(), "/ok/" + UUID.randomUUID(), "instalment.overdue");
        String otherId = (String) ((Map<?, ?>) other.get("endpoint")).get("id");
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        LocalDate today = LocalDate.now(SHANGHAI);
        Map<String, Object> body = Money.contract(customer, "150.00", "CNY", today, today.plusYears(1));
        body.put("plan", Map.of("instalments", List.of(Map.of("dueOn", today.plusDays(5).toString(), "amount", "100.00"),
                Map.of("dueOn", today.plusDays(35).toString(), "amount", "50.00"))));
        String id = t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        String instalment = t.rep().as().get("/api/v1/contracts/" + id).then().statusCode(200).extract().path("plan.instalments[0].id");
        t.rep().as().body(Map.of("instalmentId", instalment, "amount", "40", "receivedOn", today.toString(), "reference", "BANK-0001"))
                .post("/api/v1/contracts/" + id + "/payments").then().statusCode(201);
        t.rep().as().body(Map.of("instalmentId", instalment, "amount", "60.00", "receivedOn", today.toString()))
                .post("/api/v1/contracts/" + id + "/payments").then().statusCode(201);

        Receiver.until("both payments delivered", () -> data(path, "payment.received", "contractId", id).size() == 2);
        Map<String, JsonNode> byAmount = data(path, "payment.received", "contractId", id).stream()
                .collect(Collectors.toMap(d -> d.get("amount").asText(), d -> d));
        assertEquals(Set.of("40.00", "60.00"), byAmount.keySet());
        JsonNode first = byAmount.get("40.00");
        assertEquals("60.00", first.get("instalmentOutstanding").asText());
        assertNull(first.get("instalmentPaidOn"), "not paid in full yet");
        assertEquals("BANK-0001", first.get("reference").asText());
        assertEquals("CNY", first.get("currency").asText());
        assertEquals(instalment, first.get("instalmentId").asText());
        assertEquals(today.toString(), first.get("receivedOn").asText());
        assertEquals(t.rep().id().toString(), first.get("recordedBy").asText());
        JsonNode second = byAmount.get("60.00");
        assertEquals("0.00", second.get("instalmentOutstanding").asText());
        assertEquals(today.toString(), second.get("instalmentPaidOn").asText());
        List<String> paymentIds = t.rep().as().get("/api/v1/contracts/" + id).then().extract().path("payments.id");
        assertEquals(Set.copyOf(paymentIds), Set.of(first.get("paymentId").asText(), second.get("paymentId").asText()));

        // the filter: the endpoint subscribed to instalment.overdue only was given no delivery of these payments
        List<String> types = Api.asAdmin().get("/api/v1/webhooks/endpoints/" + otherId + "/deliveries")
                .then().statusCode(200).extract().path("items.eventType");
        assertTrue(!types.contains("payment.received"), "deliveries: " + types);
    }

    @Test
    void renewalWindowsAndOverdueInstalmentsAreEventsOnceEachToTheOwner() {
        String path = "/ok/" + UUID.randomUUID();
        register(Api.adminToken(), path, "contract.expiring", "instalment.overdue");
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate end = today.plusDays(100);
        LocalDate due = today.plusDays(5);
        Map<String, Object> body = Money.contract(customer, "120000", "CNY", end.minusYears(1).plusDays(1), end);
        body.put("plan", Map.of("instalments", List.of(Map.of("dueOn", due.toString(), "amount", "100.00"))));
        Map<String, Object> created = t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201).extract().as(Map.class);
        String id = (String) created.get("id");
        String instalment = t.rep().as().get("/api/v1/contracts/" + id).then().extract().path("plan.instalments[0].id");
        t.rep().as().body(Map.of("instalmentId", instalment, "amount", "30", "receivedOn", today.toString()))
                .post("/api/v1/contracts/" + id + "/payments").then().statusCode(201);

        List<UUID> only = List.of(UUID.fromString(customer));
        for (int daysLeft : new int[] { 95, 90, 90, 89, 60 }) {
            renewals.scan(daysBefore(end, daysLeft), only).await().atMost(Duration.ofSeconds(30));
        }
        for (int daysLeft : new int[] { 0, -1, -1, -8 }) {
            overdue.scan(daysBefore(due, daysLeft), only).await().atMost(Duration.ofSeconds(30));
        }
        // the manager was escalated to on the eighth day, which is an alert but no second event
        t.rep().as().get("/api/v1/contracts/" + id).then().statusCode(200)
                .body("alerts.kind", hasItem("COLLECTION_ESCALATION"));
        assertEquals(2, stored("contract.expiring", "contractId", id), "once per window: 90 and 60");
        assertEquals(1, stored("instalment.overdue", "instalmentId", instalment), "once per instalment");

        Receiver.until("both windows and the overdue instalment delivered", () -> data(path, "contract.expiring", "contractId", id).size() == 2
                && data(path, "instalment.overdue", "instalmentId", instalment).size() == 1);
        Map<Integer, JsonNode> windows = data(path, "contract.expiring", "contractId", id).stream()
                .collect(Collectors.toMap(d -> d.get("windowDays").asInt(), d -> d));
        assertEquals(Set.of(90, 60), windows.keySet());
        JsonNode expiring = windows.get(90);
        assertEquals(created.get("number"), expiring.get("number").asText());
        assertEquals("120000.00", expiring.get("value").asText());
        assertEquals("CNY", expiring.get("currency").asText());
        assertEquals(end.toString(), expiring.get("endsOn").asText());
        assertEquals(t.rep().id().toString(), expiring.get("ownerId").asText());
        assertEquals(t.teamId().toString(), expiring.get("teamId").asText());
        assertEquals(customer, expiring.get("customerId").asText());
        JsonNode late = data(path, "instalment.overdue", "instalmentId", instalment).iterator().next();
        assertEquals(id, late.get("contractId").asText());
        assertEquals(created.get("number"), late.get("contractNumber").asText());
        assertEquals(1, late.get("position").asInt());
        assertEquals(due.toString(), late.get("dueOn").asText());
        assertEquals("100.00", late.get("amount").asText());
        assertEquals("70.00", late.get("outstanding").asText());
        assertEquals("CNY", late.get("currency").asText());
        assertEquals(t.rep().id().toString(), late.get("ownerId").asText());
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheOverlap() throws Exception {
        String path = "/ok/" + UUID.randomUUID();
        Map<String, Object> created = register(Api.adminToken(), path, "customer.created");
        String oldSecret = (String) created.get("secret");
        String id = (String) ((Map<?, ?>) created.get("endpoint")).get("id");
        String newSecret = Api.asAdmin().body(Map.of("overlap", "PT1H")).post("/api/v1/webhooks/endpoints/" + id + "/rotate-secret")
                .then().statusCode(200).body("endpoint.previousSecretValidUntil", notNullValue()).extract().path("secret");
        customer(Api.user("REP", Api.team("hooks", null)));
        Receiver.until("a message after the rotation", () -> !receiver.at(path).isEmpty());
        Receiver.Received message = receiver.at(path).get(0);
        assertEquals(2, message.signature().split(" ").length, "two signatures: " + message.signature());
        assertNotNull(StandardWebhooksVerifier.verify(newSecret, message), "valid under the new secret");
        assertNotNull(StandardWebhooksVerifier.verify(oldSecret, message), "and under the previous one");
        // a rotation without overlap drops the previous secret at once
        Api.asAdmin().body(Map.of("overlap", "PT0S")).post("/api/v1/webhooks/endpoints/" + id + "/rotate-secret")
                .then().statusCode(200).body("endpoint.previousSecretValidUntil", nullValue());
        Api.asAdmin().body(Map.of("overlap", "P30D")).post("/api/v1/webhooks/endpoints/" + id + "/rotate-secret")
                .then().statusCode(400).body("errors[0].field", equalTo("overlap"));
    }

    @Test
    void failingReceiverIsRetriedThenMarkedFailedAndTheEndpointDisabledWithANotice() throws Exception {
        String path = "/fail/" + UUID.randomUUID();
        Map<String, Object> created = register(Api.adminToken(), path, "customer.created");
        String id = (String) ((Map<?, ?>) created.get("endpoint")).get("id");
        Api.TestUser rep = Api.user("REP", Api.team("hooks", null));
        customer(rep);
        Receiver.until("the delivery is FAILED after its retries", () -> "FAILED".equals(Api.asAdmin()
                .get("/api/v1/webhooks/endpoints/" + id + "/deliveries").then().extract().path("items[0].status")));
        int attempts = Api.asAdmin().get("/api/v1/webhooks/endpoints/" + id + "/deliveries").then().extract().path("items[0].attempts");
        assertTrue(attempts > 1, "retried before giving up: " + attempts);
        assertEquals(attempts, receiver.at(path).size(), "each attempt reached the receiver");
        assertEquals(1, receiver.at(path).stream().map(Receiver.Received::id).distinct().count(), "every retry carries the same webhook-id");
        String deliveryId = Api.asAdmin().get("/api/v1/webhooks/endpoints/" + id + "/deliveries").then().extract().path("items[0].id");

        // events keep failing: once every attempt has failed for long enough, the endpoint is disabled with a notice
        Receiver.until("the endpoint is disabled", () -> {
            customer(rep);
            return Api.asAdmin().get("/api/v1/webhooks/endpoints/" + id).then().extract().path("active").equals(false);
        });
        Api.asAdmin().get("/api/v1/webhooks/endpoints/" + id).then().statusCode(200)
                .body("disabled.reason", org.hamcrest.Matchers.containsString("failed"))
                .body("disabled.at", notNullValue());
        Api.asAdmin().get("/api/v1/audit?entityType=webhook_endpoint&entityId=" + id).then().statusCode(200)
                .body("items.action", hasItem("webhook.disabled"));

        // disabled: no redelivery until it is enabled again; then, with the receiver fixed, the message goes through
        Api.asAdmin().body(Map.of("deliveryId", deliveryId)).post("/api/v1/webhooks/endpoints/" + id + "/redeliveries").then().statusCode(409);
        receiver.answer(path, 200);
        Api.asAdmin().body(Map.of("active", true)).patch("/api/v1/webhooks/endpoints/" + id).then().statusCode(200)
                .body("active", equalTo(true)).body("disabled", nullValue());
        Api.asAdmin().body(Map.of("deliveryId", deliveryId)).post("/api/v1/webhooks/endpoints/" + id + "/redeliveries").then().statusCode(202);
        Receiver.until("the redelivery succeeds", () -> Api.asAdmin().get("/api/v1/webhooks/endpoints/" + id + "/deliveries")
                .then().extract().jsonPath().getList("items.findAll { it.id == '" + deliveryId + "' }.status").contains("DELIVERED"));
        Api.asAdmin().body(Map.of("deliveryId", UUID.randomUUID())).post("/api/v1/webhooks/endpoints/" + id + "/redeliveries").then().statusCode(404);
    }

    @Test
    void redirectsAreNotFollowed() {
        String path = "/redirect/" + UUID.randomUUID();
        Map<String, Object> created = register(Api.adminToken(), path, "customer.created");
        String id = (String) ((Map<?, ?>) created.get("endpoint")).get("id");
        customer(Api.user("REP", Api.team("hooks", null)));
        Receiver.until("an attempt was made", () -> !receiver.at(path).isEmpty() && Api.asAdmin()
                .get("/api/v1/webhooks/endpoints/" + id + "/deliveries").then().extract().path("items[0].lastStatus") != null);
        Api.asAdmin().get("/api/v1/webhooks/endpoints/" + id + "/deliveries").then()
                .body("items[0].lastStatus", equalTo(302)).body("items[0].lastError", equalTo("redirect not followed"));
        assertTrue(receiver.at("/ok/redirected").isEmpty(), "the redirect target was never called");
    }

    @Test
    void internalAndPlainHttpTargetsAreRefused() {
        for (String url : List.of("http://example.com/hook", "https://10.0.0.7/hook", "https://169.254.169.254/latest/meta-data",
                "https://192.168.1.20/hook", "https://172.16.0.1/x", "https://100.64.0.1/x", "https://[fd00::1]/x",
                "https://[::ffff:10.0.0.1]/x", "ftp://example.com/x", "https://user:pw@example.com/x", "not a url")) {
            Api.asAdmin().body(Map.of("url", url, "eventTypes", List.of("customer.created")))
                    .post("/api/v1/webhooks/endpoints")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
    }

    @Test
    void aTargetAimedInsideTheNetworkInAnyFormIsRefusedNamingTheField() {
        for (String url : InternalTargets.URLS) {
            Api.asAdmin().body(Map.of("url", url, "eventTypes", List.of("customer.created")))
                    .post("/api/v1/webhooks/endpoints")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("url")));
        }
    }

    @Test
    void aDeliveryGoesToTheAddressThatWasCheckedWhateverTheNameResolvesToLater() {
        // one lookup when the endpoint is saved, one before the delivery; any later one would answer an address nobody listens on
        RebindingResolver dns = new RebindingResolver("hooks.rebind.test", 2, "127.0.0.1", "192.0.2.1");
        QuarkusMock.installMockForType(dns, HostResolver.class);
        String path = "/ok/" + UUID.randomUUID();
        Api.asAdmin().body(Map.of("url", "http://hooks.rebind.test:" + Receiver.PORT + path, "eventTypes", List.of("customer.created")))
                .post("/api/v1/webhooks/endpoints").then().statusCode(201);

        customer(Api.user("REP", Api.team("hooks", null)));

        Receiver.until("the delivery arrived at the checked address", () -> !receiver.at(path).isEmpty());
        assertEquals("hooks.rebind.test:" + Receiver.PORT, receiver.at(path).get(0).host(), "the Host header keeps the name");
        assertEquals(2, dns.lookups(), "the name was looked up by the guard only");
    }

    @Test
    void validationAuthenticationRoleAndScope() {
        Api.asAdmin().body(Map.of("url", Receiver.url("/ok/x"), "eventTypes", List.of("deal.won")))
                .post("/api/v1/webhooks/endpoints").then().statusCode(400).body("errors[0].field", equalTo("eventTypes[0]"));
        Api.asAdmin().body(Map.of("url", Receiver.url("/ok/x"), "eventTypes", List.of()))
                .post("/api/v1/webhooks/endpoints").then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        given().contentType(ContentType.JSON).get("/api/v1/webhooks/endpoints").then().statusCode(401);
        Api.user("MANAGER", null).as().get("/api/v1/webhooks/endpoints").then().statusCode(403);

        // an integration account manages its own endpoints only, and they are limited to its team subtree
        UUID team = Api.team("integration", null);
        String integration = integrationToken(team);
        Map<String, Object> own = register(integration, "/ok/" + UUID.randomUUID(), "customer.created");
        String ownId = (String) ((Map<?, ?>) own.get("endpoint")).get("id");
        assertEquals(List.of(team.toString()), ((Map<?, ?>) own.get("endpoint")).get("teamIds"));
        Map<String, Object> admins = register(Api.adminToken(), "/ok/" + UUID.randomUUID(), "customer.created");
        String adminsId = (String) ((Map<?, ?>) admins.get("endpoint")).get("id");
        Api.as(integration).get("/api/v1/webhooks/endpoints/" + adminsId).then().statusCode(404);
        Api.as(integration).delete("/api/v1/webhooks/endpoints/" + adminsId).then().statusCode(404);
        List<String> listed = Api.as(integration).get("/api/v1/webhooks/endpoints").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(ownId), listed);
        Api.asAdmin().get("/api/v1/webhooks/endpoints/" + ownId).then().statusCode(200);
        Api.as(integration).delete("/api/v1/webhooks/endpoints/" + ownId).then().statusCode(204);
        Api.as(integration).get("/api/v1/webhooks/endpoints/" + ownId).then().statusCode(404);
        given().auth().oauth2(Api.adminToken()).get("/api/v1/webhooks/event-types").then().statusCode(200)
                .body("items.type", hasItem("checkin.created")).body("items.schema", hasItem("CheckInCreatedData"));
    }

    @Test
    void aTeamScopedIntegrationOnlyReceivesItsTeamsEvents() {
        UUID team = Api.team("scoped", null);
        String path = "/ok/" + UUID.randomUUID();
        register(integrationToken(team), path, "customer.created");
        String outside = customer(Api.user("REP", Api.team("elsewhere", null)));
        String inside = customer(Api.user("REP", team));
        Receiver.until("the team's customer.created", () -> !receiver.at(path).isEmpty());
        List<String> customers = receiver.at(path).stream().map(r -> body(r).at("/data/customerId").asText()).toList();
        assertEquals(List.of(inside), customers, "never " + outside);
    }

    @Test
    void staleIfMatchIsRefused() {
        Map<String, Object> created = register(Api.adminToken(), "/ok/" + UUID.randomUUID(), "customer.created");
        String id = (String) ((Map<?, ?>) created.get("endpoint")).get("id");
        Api.asAdmin().header("If-Match", "\"99\"").body(Map.of("description", "x")).patch("/api/v1/webhooks/endpoints/" + id)
                .then().statusCode(412);
    }

    static String integrationToken(UUID team) {
        Map<String, Object> account = Api.asAdmin().body(Map.of("name", Api.unique("erp"), "teamId", team))
                .post("/api/v1/service-accounts").then().statusCode(201).extract().as(Map.class);
        return given().contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", account.get("clientId"), "clientSecret", account.get("clientSecret")))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }
}
