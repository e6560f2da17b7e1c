package io.canvass.incentive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Honours of February 2012 on hand-built records with known winners. */
@QuarkusTest
class HonoursTest {

    @Inject
    Pool pool;

    @Test
    void honoursHaveKnownWinnersAndTiesAreBrokenTheSameWayEveryTime() {
        Records r = new Records(pool);
        LocalDate jan = LocalDate.of(2012, 1, 1);
        LocalDate feb = LocalDate.of(2012, 2, 1);
        UUID team = Api.team("honours", null);
        UUID sub = Api.team("honours-sub", team);
        UUID otherTeam = Api.team("honours-other", null);
        Api.TestUser a = Api.user("REP", team);
        Api.TestUser b = Api.user("REP", team);
        Api.TestUser c = Api.user("REP", sub);
        Api.TestUser veteran = Api.user("REP", team);
        Api.TestUser d = Api.user("REP", otherTeam);
        Api.TestUser manager = Api.manager(team);
        r.hired(c.id(), LocalDate.of(2012, 1, 15));
        r.hired(veteran.id(), LocalDate.of(2011, 11, 1));

        // top seller: a, b and c each won 300000; a and c in two deals, b in one: the smaller id of a and c wins
        UUID ca = r.customer(a.id(), team, "B");
        r.won(ca, "150000.00", "CNY", LocalDate.of(2012, 1, 10));
        r.won(ca, "100000.00", "CNY", LocalDate.of(2012, 2, 3));
        r.won(ca, "200000.00", "CNY", LocalDate.of(2012, 2, 4));
        r.won(ca, "999999.00", "USD", LocalDate.of(2012, 2, 4));
        UUID cb = r.customer(b.id(), team, "B");
        r.won(cb, "100000.00", "CNY", LocalDate.of(2012, 1, 11));
        r.won(cb, "300000.00", "CNY", LocalDate.of(2012, 2, 5));
        UUID cc = r.customer(c.id(), sub, "B");
        r.won(cc, "150000.00", "CNY", LocalDate.of(2012, 2, 6));
        r.won(cc, "150000.00", "CNY", LocalDate.of(2012, 2, 7));
        // hired 120 days before the month's last day: not a newcomer any more
        r.won(r.customer(veteran.id(), team, "B"), "100000.00", "CNY", LocalDate.of(2012, 2, 8));
        r.won(r.customer(d.id(), otherTeam, "B"), "1000000.00", "CNY", LocalDate.of(2012, 2, 9));

        // most improved: a from 50 % to 100 %, b from 100 % to 150 %: both +50 points, b's higher achievement wins
        r.target(a.id(), team, "REVENUE", jan, "300000.00", "CNY", "APPROVED");
        r.target(a.id(), team, "REVENUE", feb, "300000.00", "CNY", "APPROVED");
        r.target(b.id(), team, "REVENUE", jan, "100000.00", "CNY", "APPROVED");
        r.target(b.id(), team, "REVENUE", feb, "200000.00", "CNY", "APPROVED");
        r.target(c.id(), sub, "REVENUE", feb, "100000.00", "CNY", "SUBMITTED");

        UUID topSeller = a.id().compareTo(c.id()) < 0 ? a.id() : c.id();
        manager.as().get("/api/v1/honours?team=" + team + "&month=2012-02").then().statusCode(200)
                .body("month", equalTo("2012-02"))
                .body("currency", equalTo("CNY"))
                .body("topSeller.repId", equalTo(topSeller.toString()))
                .body("topSeller.revenue", equalTo("300000.00"))
                .body("topSeller.dealsWon", equalTo(2))
                .body("bestNewcomer.repId", equalTo(c.id().toString()))
                .body("bestNewcomer.hiredOn", equalTo("2012-01-15"))
                .body("mostImproved.repId", equalTo(b.id().toString()))
                .body("mostImproved.achievement", equalTo("150.00"))
                .body("mostImproved.previousAchievement", equalTo("100.00"))
                .body("mostImproved.increase", equalTo("50.00"));

        c.as().get("/api/v1/honours?team=" + sub + "&month=2012-02").then().statusCode(200)
                .body("topSeller.repId", equalTo(c.id().toString()))
                .body("mostImproved", nullValue());
        a.as().get("/api/v1/honours?month=2012-02").then().statusCode(200)
                .body("topSeller.repId", equalTo(d.id().toString()));
        a.as().get("/api/v1/honours?team=" + team + "&month=2012-02").then().statusCode(200);
        c.as().get("/api/v1/honours?team=" + team + "&month=2012-02").then().statusCode(200);

        a.as().get("/api/v1/honours?team=" + sub + "&month=2012-02").then().statusCode(404);
        Api.manager(otherTeam).as().get("/api/v1/honours?team=" + team + "&month=2012-02").then().statusCode(404);
        Api.asAdmin().get("/api/v1/honours?team=" + UUID.randomUUID() + "&month=2012-02").then().statusCode(404);
        Api.asAdmin().get("/api/v1/honours?month=2012").then().statusCode(400).body("errors.field", hasItem("month"));
        given().get("/api/v1/honours?month=2012-02").then().statusCode(401);
    }

    @Test
    void aMonthWithoutSalesHasNoHonours() {
        UUID team = Api.team("quiet", null);
        Api.user("REP", team);
        Api.manager(team).as().get("/api/v1/honours?team=" + team + "&month=2012-05").then().statusCode(200)
                .body("topSeller", nullValue()).body("bestNewcomer", nullValue()).body("mostImproved", nullValue());
    }
}
