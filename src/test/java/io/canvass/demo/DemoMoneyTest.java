package io.canvass.demo;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's customers, deals and contracts satisfy every database rule and show up where a rep and a manager look. */
@QuarkusTest
class DemoMoneyTest {

    @Inject
    Pool pool;

    @Test
    void theDemoMoneyLoadsAndFillsThePipelineTheRadarAndTheOverdueList() {
        java.util.UUID team = Api.team("demo-money", null);
        Api.TestUser manager = Api.user("MANAGER", null, Set.of(team), "zh-CN");
        List<Api.TestUser> logins = new ArrayList<>();
        List<DemoCustomers.Rep> reps = new ArrayList<>();
        for (DemoData.Person p : DemoData.PEOPLE) {
            if (p.role().equals("REP")) {
                Api.TestUser rep = Api.user("REP", team);
                logins.add(rep);
                reps.add(new DemoCustomers.Rep(rep.id(), team, ZoneId.of(p.zone()), 31.2, 121.5, p.email(), p.hiredOn()));
            }
        }
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, DemoCustomers.ZONE);
        DemoCustomers.Rows story = DemoCustomers.generate(reps, now);
        DemoMoney.Rows rows = DemoMoney.generate(story.journeys(), now);
        assertTrue(rows.instalments().stream().anyMatch(i -> i.getValue(7) == null && i.getLocalDate(3).isBefore(today)), "some instalment is overdue");
        assertTrue(rows.instalments().stream().noneMatch(i -> i.getValue(7) == null
                && i.getLocalDate(3).isBefore(today.minusDays(DemoMoney.OLDEST_OVERDUE_DAYS))), "nothing is overdue longer than the story says");
        pool.withTransaction(tx -> DemoCustomers.CUSTOMERS.insert(tx, story.customers())
                .chain(() -> DemoCustomers.CHANGES.insert(tx, story.changes()))
                .chain(() -> DemoData.insert(tx, rows)))
                .await().atMost(Duration.ofSeconds(60));

        manager.as().queryParam("teamId", team).get("/api/v1/deals/pipeline").then().statusCode(200)
                .body("stages.count", everyItem(greaterThan(0)));
        manager.as().get("/api/v1/renewals?within=90d").then().statusCode(200)
                .body("radar", hasItem(7)).body("radar", hasItem(30)).body("radar", hasItem(60)).body("radar", hasItem(90))
                .body("expiredUndecided", hasItem(true)).body("renewalState", hasItem("RENEWED")).body("renewalState", hasItem("IN_EVALUATION"));
        assertTrue(logins.stream().anyMatch(rep -> rep.as().get("/api/v1/agenda").then().statusCode(200)
                .extract().<List<?>>path("collections").size() > 0), "some rep has an overdue instalment on Today");
        Api.user("REP", team).as().get("/api/v1/renewals").then().body("size()", org.hamcrest.Matchers.equalTo(0));
    }
}
