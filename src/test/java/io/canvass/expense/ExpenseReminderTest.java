package io.canvass.expense;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.canvass.notify.ReminderScanner;
import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Approvers hear once a day how many expense items wait for them. */
@QuarkusTest
class ExpenseReminderTest {

    @Inject
    ReminderScanner scanner;

    @Inject
    Pool pool;

    /** A zone where the digest time (08:00) has passed today, whenever the test runs. */
    static ZoneId pastDigest() {
        return java.util.stream.IntStream.rangeClosed(-12, 14)
                .mapToObj(h -> ZoneId.of(h >= 0 ? "Etc/GMT-" + h : "Etc/GMT+" + (-h)))
                .filter(z -> ZonedDateTime.now(z).toLocalTime().isAfter(LocalTime.of(9, 0)))
                .findFirst().orElseThrow();
    }

    private Row reminder(UUID user) {
        var rows = pool.preparedQuery("select args ->> 'count', args ->> 'claims', dedupe_key, link from reminder where user_id = $1 and kind = 'EXPENSE_APPROVALS'")
                .execute(Tuple.of(user)).await().atMost(Duration.ofSeconds(10));
        assertEquals(rows.size() == 0 ? 0 : 1, rows.size(), "at most one a day");
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    @Test
    void managersAndFinanceGetOneReminderADayWithWhatWaitsForThem() {
        Expenses.Team t = Expenses.team();
        Api.TestUser finance = Expenses.finance();
        ZoneId zone = pastDigest();
        for (Api.TestUser user : new Api.TestUser[] { t.manager(), finance }) {
            user.as().body(Map.of("timeZone", zone.getId())).patch("/api/v1/me").then().statusCode(200);
        }
        Expenses.budget(t.id(), "TRAVEL", Expenses.thisMonth(), "1000.00", "CNY");
        String first = Expenses.submitted(t.rep(), "TRAVEL", "10.00", "CNY");
        Expenses.submitted(t.rep(), "TRAVEL", "20.00", "CNY");
        Expenses.submitted(t.rep(), "TRAVEL", "25.00", "CNY");
        Expenses.draft(t.rep(), "TRAVEL", "30.00", "CNY");
        t.manager().as().body(Map.of()).post("/api/v1/expense-claims/" + first + "/approve").then().statusCode(200);

        scanner.scan().await().atMost(Duration.ofMinutes(1));
        scanner.scan().await().atMost(Duration.ofMinutes(1));

        Row manager = reminder(t.manager().id());
        assertEquals("2", manager.getString(0));
        assertEquals("expenses:" + ZonedDateTime.now(zone).toLocalDate(), manager.getString(2));
        assertEquals("/expenses/approvals", manager.getString(3));
        assertEquals(null, reminder(t.rep().id()));
        // finance approvers see every team's claims at their step, other tests' included: at least this one
        org.junit.jupiter.api.Assertions.assertTrue(Integer.parseInt(reminder(finance.id()).getString(1)) >= 1);
        t.manager().as().get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("kinds.find { it.code == 'EXPENSE_APPROVALS' }.label", org.hamcrest.Matchers.equalTo("待您审批的费用（审批人）"));
    }
}
