package io.canvass.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's deals, contracts and collections show up where its managers and reps look. */
@QuarkusTest
class DemoMoneyTest {

    @Inject
    Pool pool;

    @Inject
    DemoData demo;

    @Test
    void theDemoMoneyFillsThePipelineTheRadarAndTheOverdueList() {
        DemoOrganisation.seeded(pool, demo);
        List<Object> radar = new ArrayList<>();
        List<Object> states = new ArrayList<>();
        List<Object> expired = new ArrayList<>();
        for (String email : List.of("manager.east@demo.canvass.io", "manager.south@demo.canvass.io")) {
            Api.TestUser manager = DemoOrganisation.signIn(email);
            manager.as().queryParam("teamId", manager.teamId()).get("/api/v1/deals/pipeline").then().statusCode(200)
                    .body("stages.count", everyItem(greaterThan(0)));
            var renewals = manager.as().get("/api/v1/renewals?within=90d").then().statusCode(200).extract().jsonPath();
            radar.addAll(renewals.getList("items.radar"));
            states.addAll(renewals.getList("items.renewalState"));
            expired.addAll(renewals.getList("items.expiredUndecided"));
        }
        assertTrue(radar.containsAll(List.of(7, 30, 60, 90)), "every radar band has a renewal: " + radar);
        assertTrue(states.containsAll(List.of("UPCOMING", "IN_EVALUATION", "RENEWED")), "renewals undecided, being evaluated and renewed: " + states);
        assertTrue(expired.contains(true), "a contract just ended undecided");
        assertTrue(DemoData.PEOPLE.stream().filter(p -> p.role().equals("REP")).anyMatch(p -> DemoOrganisation.signIn(p.email()).as()
                .get("/api/v1/agenda").then().statusCode(200).extract().<List<?>>path("collections").size() > 0),
                "some rep has an overdue instalment on Today");
        Api.user("REP", Api.team("demo-money-outsider", null)).as().get("/api/v1/renewals").then().body("items.size()", equalTo(0));
    }
}
