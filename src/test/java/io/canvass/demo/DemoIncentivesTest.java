package io.canvass.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo's incentives: last month closed with a frozen statement for every rep, even the newest,
 * falling in several tiers against targets set from what each rep won; this month live.
 */
@QuarkusTest
class DemoIncentivesTest {

    @Inject
    Pool pool;

    @Inject
    DemoData demo;

    @Test
    void theDemoIncentivesFreezeLastMonthAndKeepThisMonthLive() {
        DemoOrganisation.seeded(pool, demo);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String lastMonth = today.withDayOfMonth(1).minusMonths(1).toString().substring(0, 7);
        String thisMonth = today.toString().substring(0, 7);
        for (DemoData.Person p : DemoData.PEOPLE) {
            if (p.role().equals("REP")) {
                DemoOrganisation.signIn(p.email()).as().get("/api/v1/commission/statements?period=" + lastMonth).then().statusCode(200)
                        .body("items[0].status", equalTo("FROZEN"))
                        .body("items[0].id", notNullValue())
                        .body("items[0].planName", equalTo("全国销售部月度提成"))
                        .body("items[0].target.value", notNullValue());
            }
        }
        List<Integer> tiers = new ArrayList<>();
        for (String email : List.of("manager.east@demo.canvass.io", "manager.south@demo.canvass.io")) {
            Api.TestUser manager = DemoOrganisation.signIn(email);
            tiers.addAll(manager.as().get("/api/v1/commission/statements?period=" + lastMonth).then().statusCode(200)
                    .body("items.size()", equalTo(4)).extract().path("items.tier.index"));
            manager.as().get("/api/v1/honours?team=" + manager.teamId() + "&month=" + lastMonth).then().statusCode(200)
                    .body("topSeller.repId", notNullValue())
                    .body("topSeller.dealsWon", greaterThan(0));
        }
        Set<Integer> distinct = new HashSet<>(tiers);
        assertTrue(distinct.size() >= 3, "last month's statements fall in several tiers: " + tiers);
        if (today.getDayOfMonth() > 1) {
            DemoOrganisation.signIn("li.na@demo.canvass.io").as().get("/api/v1/commission/statements?period=" + thisMonth).then().statusCode(200)
                    .body("items[0].status", equalTo("LIVE"));
        }
    }
}
