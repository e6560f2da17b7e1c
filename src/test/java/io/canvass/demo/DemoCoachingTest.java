package io.canvass.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's targets, coaching and weekly reports show where a manager and a rep look. */
@QuarkusTest
class DemoCoachingTest {

    @Inject
    Pool pool;

    @Inject
    DemoData demo;

    @Test
    void theDemoLoopLoadsAndFillsTheScreens() {
        DemoOrganisation.seeded(pool, demo);
        Map<String, Api.TestUser> logins = new HashMap<>();
        for (String email : List.of("manager.east@demo.canvass.io", "li.na@demo.canvass.io", "zhang.min@demo.canvass.io")) {
            logins.put(email, DemoOrganisation.signIn(email));
        }
        UUID east = logins.get("li.na@demo.canvass.io").teamId();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String month = YearMonth.from(today).toString();
        Api.TestUser manager = logins.get("manager.east@demo.canvass.io");
        Api.TestUser liNa = logins.get("li.na@demo.canvass.io");
        manager.as().queryParam("period", month).queryParam("teamId", east).queryParam("level", "TEAM").get("/api/v1/targets")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].remainder", equalTo(10));
        // every past month of the story has its approved plan, down to the reps who were there
        String lastMonth = YearMonth.from(today).minusMonths(1).toString();
        long eastThen = DemoData.PEOPLE.stream().filter(p -> p.role().equals("REP") && p.team() == 0 && p.hiredOn().isBefore(today.withDayOfMonth(1)))
                .count();
        manager.as().queryParam("period", lastMonth).queryParam("teamId", east).queryParam("level", "REP").queryParam("metric", "EFFECTIVE_VISITS").queryParam("status", "APPROVED")
                .get("/api/v1/targets").then().statusCode(200).body("items.size()", equalTo((int) eastThen));
        manager.as().queryParam("period", month).queryParam("status", "SUBMITTED").queryParam("level", "REP").get("/api/v1/targets")
                .then().statusCode(200).body("items.size()", greaterThan(0));
        manager.as().queryParam("status", "OPEN").get("/api/v1/coaching-proposals").then().statusCode(200)
                .body("items.rule", hasItem("VISIT_QUALITY"));
        liNa.as().queryParam("period", month).get("/api/v1/kpis/me").then().statusCode(200)
                .body("achievements.metric", hasItem("EFFECTIVE_VISITS"));
        liNa.as().get("/api/v1/coaching-tasks").then().statusCode(200).body("items.mentorId", hasItem(liNa.id().toString()));
        logins.get("zhang.min@demo.canvass.io").as().get("/api/v1/onboarding-plans/" + logins.get("zhang.min@demo.canvass.io").id())
                .then().statusCode(200).body("mentorId", equalTo(liNa.id().toString())).body("milestones.size()", equalTo(6));
        manager.as().queryParam("teamId", east).queryParam("week", today.minusWeeks(1).toString()).get("/api/v1/reports/weekly/team")
                .then().statusCode(200).body("submitted", equalTo(2));
    }
}
