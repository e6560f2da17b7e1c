package io.canvass.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's incentives load, close last month, and a rep, even the newest, opens a real statement. */
@QuarkusTest
class DemoIncentivesTest {

    @Inject
    Pool pool;

    @Inject
    DemoIncentives incentives;

    @Test
    void theDemoIncentivesFreezeLastMonthAndKeepThisMonthLive() {
        UUID org = Api.team("演示", null);
        UUID region = Api.team("演示大区", org);
        Api.TestUser director = Api.user("DIRECTOR", org);
        Api.TestUser manager = Api.manager(region);
        List<Api.TestUser> reps = new ArrayList<>();
        List<Tuple> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api.TestUser rep = Api.user("REP", region);
            reps.add(rep);
            customers.add(Tuple.of(UUID.randomUUID(), "演示客户 " + i, rep.id(), region));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.TestUser newcomer = reps.get(7);
        pool.preparedQuery("update app_user set hired_on = $2 where id = $1").execute(Tuple.of(newcomer.id(), today.minusDays(20)))
                .await().atMost(Duration.ofSeconds(10));
        pool.preparedQuery("insert into customer (id, name, owner_id, team_id, grade, stage) values ($1, $2, $3, $4, 'A', 'WON')")
                .executeBatch(customers).await().atMost(Duration.ofSeconds(30));

        pool.withTransaction(tx -> incentives.seed(tx, org, director.id(), today)).await().atMost(Duration.ofSeconds(60));

        String lastMonth = today.withDayOfMonth(1).minusMonths(1).toString().substring(0, 7);
        String thisMonth = today.toString().substring(0, 7);
        for (Api.TestUser rep : reps) {
            rep.as().get("/api/v1/commission/statements?period=" + lastMonth).then().statusCode(200)
                    .body("items[0].status", equalTo("FROZEN"))
                    .body("items[0].id", notNullValue())
                    .body("items[0].planName", equalTo("全国销售部月度提成"))
                    .body("items[0].target.value", notNullValue());
        }
        List<Integer> tiers = manager.as().get("/api/v1/commission/statements?period=" + lastMonth).then().statusCode(200)
                .body("items.size()", equalTo(8)).extract().path("items.tier.index");
        Set<Integer> distinct = new HashSet<>(tiers);
        assertTrue(distinct.size() >= 3, "last month's statements fall in several tiers: " + tiers);
        if (today.getDayOfMonth() > 1) {
            reps.get(0).as().get("/api/v1/commission/statements?period=" + thisMonth).then().statusCode(200)
                    .body("items[0].status", equalTo("LIVE"))
                    .body("items[0].lines.kind", hasItem("DEAL"));
        }
        manager.as().get("/api/v1/honours?team=" + region + "&month=" + lastMonth).then().statusCode(200)
                .body("topSeller.repId", notNullValue())
                .body("topSeller.dealsWon", greaterThan(0));
    }
}
