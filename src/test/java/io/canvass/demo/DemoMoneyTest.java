package io.canvass.demo;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's deals and contracts satisfy every database rule and show up where a rep looks. */
@QuarkusTest
class DemoMoneyTest {

    @Inject
    Pool pool;

    @Test
    void theDemoMoneyLoadsAndFillsTheRadarAndTheOverdueList() {
        Money.Team t = Money.team();
        List<Tuple> customers = new ArrayList<>();
        List<Tuple> inserts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID id = UUID.randomUUID();
            inserts.add(Tuple.of(id, "演示客户 " + i, t.rep().id(), t.teamId()));
            // the columns DemoMoney reads: id (0), name (1), stage (10)
            customers.add(Tuple.from(Arrays.asList(id, "c" + i, null, null, null, null, null, null, null, null, "WON")));
        }
        pool.preparedQuery("insert into customer (id, name, owner_id, team_id, grade, stage) values ($1, $2, $3, $4, 'B', 'WON')")
                .executeBatch(inserts).await().atMost(Duration.ofSeconds(30));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        DemoMoney.Rows rows = DemoMoney.generate(customers, today);
        assertEquals(60, rows.deals().size());
        assertEquals(40, rows.contracts().size());
        assertTrue(rows.instalments().stream().anyMatch(i -> i.getValue(7) == null && i.getLocalDate(3).isBefore(today)), "some instalment is overdue");
        pool.withTransaction(tx -> tx.preparedQuery(DemoMoney.INSERT_DEAL).executeBatch(rows.deals())
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_STAGE).executeBatch(rows.stages()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_CONTRACT).executeBatch(rows.contracts()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_EVENT).executeBatch(rows.events()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_INSTALMENT).executeBatch(rows.instalments()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_PAYMENT).executeBatch(rows.payments())))
                .await().atMost(Duration.ofSeconds(60));

        t.rep().as().get("/api/v1/deals/pipeline").then().statusCode(200).body("stages.count", org.hamcrest.Matchers.everyItem(greaterThan(0)));
        t.rep().as().get("/api/v1/renewals?within=90d").then().statusCode(200)
                .body("radar", hasItem(7)).body("radar", hasItem(30)).body("radar", hasItem(60)).body("radar", hasItem(90))
                .body("expiredUndecided", hasItem(true));
        t.rep().as().get("/api/v1/agenda").then().statusCode(200).body("collections.size()", greaterThan(0));
        Api.user("REP", t.teamId()).as().get("/api/v1/renewals").then().body("size()", org.hamcrest.Matchers.equalTo(0));
    }
}
