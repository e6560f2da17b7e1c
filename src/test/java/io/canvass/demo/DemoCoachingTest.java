package io.canvass.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's targets, coaching and weekly reports satisfy every database rule and show where a manager and a rep look. */
@QuarkusTest
class DemoCoachingTest {

    @Inject
    Pool pool;

    @Test
    void theDemoLoopLoadsAndFillsTheScreens() {
        UUID east = Api.team("demo-east", null);
        UUID south = Api.team("demo-south", null);
        Map<String, DemoCoaching.User> users = new HashMap<>();
        Map<String, Api.TestUser> logins = new HashMap<>();
        for (DemoData.Person p : DemoData.PEOPLE) {
            UUID team = p.team() == 1 ? south : east;
            Api.TestUser u = switch (p.role()) {
                case "MANAGER" -> Api.user("MANAGER", null, Set.of(team), "zh-CN");
                case "DIRECTOR" -> Api.user("DIRECTOR", null, Set.of(), "zh-CN");
                default -> Api.user("REP", team);
            };
            users.put(p.email(), new DemoCoaching.User(u.id(), p.email(), u.teamId() == null ? team : u.teamId()));
            logins.put(p.email(), u);
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        DemoCoaching.Rows rows = DemoCoaching.generate(users, List.of(east, south), today);
        pool.withTransaction(tx -> tx.preparedQuery(DemoCoaching.INSERT_TARGET).executeBatch(rows.targets())
                .chain(() -> tx.preparedQuery(DemoCoaching.INSERT_PLAN).executeBatch(rows.plans()))
                .chain(() -> tx.preparedQuery(DemoCoaching.INSERT_TASK).executeBatch(rows.tasks()))
                .chain(() -> tx.preparedQuery(DemoCoaching.INSERT_PROPOSAL).executeBatch(rows.proposals()))
                .chain(() -> tx.preparedQuery(DemoCoaching.INSERT_REPORT).executeBatch(rows.reports())))
                .await().atMost(Duration.ofSeconds(30));

        String month = YearMonth.from(today).toString();
        Api.TestUser manager = logins.get("manager.east@demo.canvass.io");
        Api.TestUser liNa = logins.get("li.na@demo.canvass.io");
        manager.as().queryParam("period", month).queryParam("teamId", east).queryParam("level", "TEAM").get("/api/v1/targets")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].remainder", equalTo(10));
        manager.as().queryParam("period", month).queryParam("status", "SUBMITTED").queryParam("level", "REP").get("/api/v1/targets")
                .then().statusCode(200).body("items.size()", greaterThan(0));
        manager.as().queryParam("status", "OPEN").get("/api/v1/coaching-proposals").then().statusCode(200)
                .body("items.rule", hasItem("VISIT_QUALITY"));
        liNa.as().queryParam("period", month).get("/api/v1/kpis/me").then().statusCode(200)
                .body("achievements.metric", hasItem("EFFECTIVE_VISITS"));
        liNa.as().get("/api/v1/coaching-tasks").then().statusCode(200).body("items.mentorId", hasItem(liNa.id().toString()));
        logins.get("zhang.min@demo.canvass.io").as().get("/api/v1/onboarding-plans/" + users.get("zhang.min@demo.canvass.io").id())
                .then().statusCode(200).body("mentorId", equalTo(liNa.id().toString())).body("milestones.size()", equalTo(6));
        manager.as().queryParam("teamId", east).queryParam("week", today.minusWeeks(1).toString()).get("/api/v1/reports/weekly/team")
                .then().statusCode(200).body("submitted", equalTo(2));
    }
}
