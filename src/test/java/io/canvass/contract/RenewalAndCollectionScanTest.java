package io.canvass.contract;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.canvass.contract.collection.OverdueScan;
import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scans run as of a chosen instant, only over the customers of each test. */
@QuarkusTest
class RenewalAndCollectionScanTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.now(SHANGHAI);

    @Inject
    RenewalScan renewals;

    @Inject
    OverdueScan overdue;

    @Inject
    io.canvass.notify.Reminders reminders;

    void renewalScan(Instant at, String... customers) {
        renewals.scan(at, List.of(customers).stream().map(UUID::fromString).toList()).await().atMost(Duration.ofSeconds(30));
    }

    void overdueScan(Instant at, String... customers) {
        overdue.scan(at, List.of(customers).stream().map(UUID::fromString).toList()).await().atMost(Duration.ofSeconds(30));
    }

    /** Noon in Shanghai, {@code daysLeft} days before {@code end}. */
    static Instant daysBefore(LocalDate end, int daysLeft) {
        return end.minusDays(daysLeft).atTime(12, 0).atZone(SHANGHAI).toInstant();
    }

    static ValidatableResponse contract(Api.TestUser who, String id) {
        return who.as().get("/api/v1/contracts/" + id).then().statusCode(200);
    }

    @Test
    void eachWindowFiresOnceTheManagerHearsAtThirtyDaysAndAnUndecidedEndIsFlagged() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        LocalDate end = TODAY.plusDays(100);
        String id = Money.activeContract(t.rep(), customer, end);

        renewalScan(daysBefore(end, 100), customer);
        contract(t.rep(), id).body("alerts", hasSize(0)).body("renewalState", equalTo("UPCOMING"));

        renewalScan(daysBefore(end, 90), customer);
        renewalScan(daysBefore(end, 90), customer);
        renewalScan(daysBefore(end, 89), customer);
        contract(t.rep(), id)
                .body("alerts.windowDays", contains(90))
                .body("alerts[0].kind", equalTo("RENEWAL_WINDOW"))
                .body("alerts[0].recipientId", equalTo(t.rep().id().toString()))
                .body("renewalState", equalTo("IN_EVALUATION"))
                .body("evaluationOpenedOn", equalTo(end.minusDays(90).toString()))
                .body("events.kind", hasItem("EVALUATION_OPENED"));

        for (int daysLeft : new int[] { 60, 45, 30, 29, 7, 0 }) {
            renewalScan(daysBefore(end, daysLeft), customer);
        }
        contract(t.rep(), id)
                .body("alerts.findAll { it.kind == 'RENEWAL_WINDOW' }.windowDays", contains(90, 60, 30, 7))
                .body("alerts.findAll { it.kind == 'RENEWAL_ESCALATION' }.recipientId", contains(t.manager().id().toString()))
                .body("status", equalTo("ACTIVE"));
        String number = contract(t.rep(), id).extract().path("number");

        // each alert reached its recipient once, through the reminder engine
        reminders.dispatchAll();
        t.rep().as().get("/api/v1/notifications").then().statusCode(200)
                .body("items.findAll { it.kind == 'RENEWAL_WINDOW' }", hasSize(4))
                .body("items.findAll { it.kind == 'RENEWAL_WINDOW' }.link", everyItem(equalTo("/contracts/" + id)))
                .body("items.find { it.kind == 'RENEWAL_WINDOW' }.body", containsString("Contract " + number));
        t.manager().as().get("/api/v1/notifications").then().statusCode(200)
                .body("items.kind", contains("RENEWAL_ESCALATION"))
                .body("items[0].body", containsString(number));

        renewalScan(daysBefore(end, -1), customer);
        renewalScan(daysBefore(end, -2), customer);
        contract(t.rep(), id)
                .body("status", equalTo("EXPIRED"))
                .body("expiredUndecided", equalTo(true))
                .body("alerts.findAll { it.kind == 'CONTRACT_EXPIRED_UNDECIDED' }.recipientId",
                        org.hamcrest.Matchers.containsInAnyOrder(t.rep().id().toString(), t.manager().id().toString()))
                .body("alerts", hasSize(7))
                .body("events.kind", hasItem("EXPIRED"));

        // a decision is still taken after the end, and clears the flag
        t.rep().as().body(Map.of("decision", "CHURN", "reason", "客户改用内部系统")).post("/api/v1/contracts/" + id + "/renewal/decision")
                .then().statusCode(200).body("renewalState", equalTo("CHURNED")).body("expiredUndecided", equalTo(false));
    }

    @Test
    void anOwnerWhoActedIsNotEscalatedAndARenewedContractEndsRenewed() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        LocalDate end = TODAY.plusDays(40);
        String id = Money.activeContract(t.rep(), customer, end);
        t.rep().as().body(Map.of("note", "已发续约报价")).post("/api/v1/contracts/" + id + "/renewal/notes").then().statusCode(200);
        renewalScan(daysBefore(end, 30), customer);
        contract(t.rep(), id).body("alerts.kind", contains("RENEWAL_WINDOW")).body("alerts[0].windowDays", equalTo(30));

        t.rep().as().body(Map.of("decision", "RENEW", "successor", Map.of("number", Api.unique("HT"), "value", "1", "endsOn", end.plusYears(1).toString())))
                .post("/api/v1/contracts/" + id + "/renewal/decision").then().statusCode(200);
        renewalScan(daysBefore(end, 7), customer);
        renewalScan(daysBefore(end, -1), customer);
        contract(t.rep(), id).body("alerts", hasSize(1)).body("status", equalTo("RENEWED")).body("events.kind", hasItem("ENDED_RENEWED"));
    }

    @Test
    void windowsCountDaysInTheOwnersTimeZone() {
        UUID team = Api.team("zones", null);
        Api.TestUser east = Money.user("REP", team, "Pacific/Kiritimati");   // UTC+14
        Api.TestUser west = Money.user("REP", team, "Pacific/Pago_Pago");    // UTC-11
        String eastCustomer = Money.customer(east);
        String westCustomer = Money.customer(west);
        LocalDate end = TODAY.plusDays(150);
        String eastContract = Money.activeContract(east, eastCustomer, end);
        String westContract = Money.activeContract(west, westCustomer, end);
        // 02:00 on the first day of the 90-day window in Kiritimati is still the day before in Pago Pago
        Instant at = end.minusDays(90).atStartOfDay(ZoneId.of("Pacific/Kiritimati")).plusHours(2).toInstant();
        renewalScan(at, eastCustomer, westCustomer);
        contract(east, eastContract).body("alerts.windowDays", contains(90)).body("renewalState", equalTo("IN_EVALUATION"));
        contract(west, westContract).body("alerts", hasSize(0)).body("renewalState", equalTo("UPCOMING"));
        renewalScan(at.plus(Duration.ofDays(1)), eastCustomer, westCustomer);
        contract(east, eastContract).body("alerts.windowDays", contains(90));
        contract(west, westContract).body("alerts.windowDays", contains(90));
    }

    @Test
    void anUnpaidInstalmentRemindsTheOwnerTheDayAfterItIsDueAndTheManagerAWeekLater() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        Map<String, Object> body = Money.contract(customer, "150.00", "CNY", TODAY, TODAY.plusYears(1));
        LocalDate due = TODAY.plusDays(5);
        body.put("plan", Map.of("instalments", List.of(Map.of("dueOn", due.toString(), "amount", "100.00"),
                Map.of("dueOn", due.toString(), "amount", "50.00"))));
        String id = t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        List<String> instalments = contract(t.rep(), id).extract().path("plan.instalments.id");
        t.rep().as().body(Map.of("instalmentId", instalments.get(1), "amount", "50", "receivedOn", TODAY.toString()))
                .post("/api/v1/contracts/" + id + "/payments").then().statusCode(201);

        overdueScan(daysBefore(due, 0), customer);
        contract(t.rep(), id).body("alerts", hasSize(0));
        overdueScan(daysBefore(due, -1), customer);
        overdueScan(daysBefore(due, -1), customer);
        overdueScan(daysBefore(due, -6), customer);
        contract(t.rep(), id)
                .body("alerts.kind", contains("INSTALMENT_OVERDUE"))
                .body("alerts[0].instalmentId", equalTo(instalments.get(0)))
                .body("alerts[0].recipientId", equalTo(t.rep().id().toString()));
        overdueScan(daysBefore(due, -7), customer);
        overdueScan(daysBefore(due, -8), customer);
        contract(t.rep(), id)
                .body("alerts.kind", contains("INSTALMENT_OVERDUE", "COLLECTION_ESCALATION"))
                .body("alerts[1].recipientId", equalTo(t.manager().id().toString()))
                .body("alerts.instalmentId", not(hasItem(instalments.get(1))));

        reminders.dispatchAll();
        t.rep().as().get("/api/v1/notifications").then().statusCode(200)
                .body("items.kind", contains("INSTALMENT_OVERDUE"))
                .body("items[0].body", containsString("100.00 CNY"))
                .body("items[0].link", equalTo("/contracts/" + id));
        t.manager().as().get("/api/v1/notifications").then().statusCode(200)
                .body("items.kind", contains("COLLECTION_ESCALATION"));
    }

    @Test
    void renewalsDueAndOverdueInstalmentsAreOnTheAgendaAndInTheCustomersHealth() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        Map<String, Object> body = Money.contract(customer, "300.00", "CNY", TODAY.minusMonths(11), TODAY.plusDays(20));
        body.put("plan", Map.of("instalments", List.of(Map.of("dueOn", TODAY.minusDays(3).toString(), "amount", "100.00"),
                Map.of("dueOn", TODAY.plusDays(10).toString(), "amount", "200.00"))));
        String id = t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        String other = Money.activeContract(t.rep(), customer, TODAY.plusDays(200));

        t.rep().as().get("/api/v1/agenda").then().statusCode(200)
                .body("renewals.contractId", contains(id))
                .body("renewals[0].daysToEnd", equalTo(20))
                .body("renewals.contractId", not(hasItem(other)))
                .body("collections", hasSize(1))
                .body("collections[0].contractId", equalTo(id))
                .body("collections[0].daysOverdue", equalTo(3))
                .body("collections[0].outstanding", equalTo("100.00"));
        Api.user("REP", t.teamId()).as().get("/api/v1/agenda").then().body("renewals", hasSize(0)).body("collections", hasSize(0));

        int score = t.rep().as().get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("health.components.find { it.name == 'commercial' }.points", equalTo(-15))
                .extract().path("health.score");
        t.rep().as().get("/api/v1/customers?q=" + t.rep().as().get("/api/v1/customers/" + customer).path("name")).then()
                .body("items[0].healthScore", equalTo(score));
    }

    @Test
    void collectionRateAndCycleAddUpPerRepAndTeam() {
        Money.Team t = Money.team();
        Api.TestUser second = Api.user("REP", t.teamId());
        String customer = Money.customer(t.rep());
        Map<String, Object> body = Money.contract(customer, "3000.00", "CNY", TODAY.minusMonths(3), TODAY.plusYears(1));
        body.put("plan", Map.of("instalments", List.of(Map.of("dueOn", TODAY.minusDays(50).toString(), "amount", "1000.00"),
                Map.of("dueOn", TODAY.minusDays(20).toString(), "amount", "1000.00"),
                Map.of("dueOn", TODAY.plusDays(10).toString(), "amount", "1000.00"))));
        String id = t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        List<String> instalments = contract(t.rep(), id).extract().path("plan.instalments.id");
        pay(t.rep(), id, instalments.get(0), "600", TODAY.minusDays(50));
        pay(t.rep(), id, instalments.get(0), "400", TODAY.minusDays(40));
        pay(t.rep(), id, instalments.get(1), "500", TODAY.minusDays(5));
        Map<String, Object> yen = Money.contract(Money.customer(second), "3000", "JPY", TODAY.minusMonths(3), TODAY.plusYears(1));
        yen.put("plan", Map.of("instalments", List.of(Map.of("dueOn", TODAY.minusDays(30).toString(), "amount", "3000"))));
        second.as().body(yen).post("/api/v1/contracts").then().statusCode(201);

        String period = "/api/v1/collections/kpis?from=" + TODAY.minusDays(60) + "&to=" + TODAY.minusDays(1);
        // due in the period: 2000.00, collected against it 1500.00; cycle (600×0 + 400×10 + 500×15) / 1500 = 7.7 days
        t.manager().as().get(period + "&groupBy=REP").then().statusCode(200)
                .body("rows", hasSize(2))
                .body("rows.find { it.groupId == '" + t.rep().id() + "' }.due", equalTo("2000.00"))
                .body("rows.find { it.groupId == '" + t.rep().id() + "' }.collected", equalTo("1500.00"))
                .body("rows.find { it.groupId == '" + t.rep().id() + "' }.rate", equalTo(0.75f))
                .body("rows.find { it.groupId == '" + t.rep().id() + "' }.cycleDays", equalTo(7.7f))
                .body("rows.find { it.groupId == '" + t.rep().id() + "' }.paymentsReceived", equalTo(3))
                .body("rows.find { it.groupId == '" + second.id() + "' }.currency", equalTo("JPY"))
                .body("rows.find { it.groupId == '" + second.id() + "' }.rate", equalTo(0f))
                .body("rows.find { it.groupId == '" + second.id() + "' }.cycleDays", equalTo(null));
        t.manager().as().get(period + "&groupBy=TEAM").then().body("rows.groupId", contains(t.teamId().toString(), t.teamId().toString()));
        t.rep().as().get(period).then().body("rows", hasSize(1)).body("rows[0].groupId", equalTo(t.rep().id().toString()));
        Api.user("REP", t.teamId()).as().get(period).then().statusCode(200).body("rows", hasSize(0));
        Api.manager(Api.team("elsewhere", null)).as().get(period).then().body("rows", hasSize(0));
        t.manager().as().get("/api/v1/collections/kpis?from=" + TODAY + "&to=" + TODAY.minusDays(1)).then()
                .statusCode(400).body("errors.field", hasItem("to"));
        t.manager().as().get("/api/v1/collections/kpis?groupBy=NOPE").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
    }

    static void pay(Api.TestUser rep, String contract, String instalment, String amount, LocalDate on) {
        rep.as().body(Map.of("instalmentId", instalment, "amount", amount, "receivedOn", on.toString()))
                .post("/api/v1/contracts/" + contract + "/payments").then().statusCode(201);
    }
}
