package io.canvass.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.kpi.KpiQueries;
import io.canvass.kpi.RepNumbers;
import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo organisation tells one coherent story, as its managers see it through the API: six months
 * of visits with a shape, funnels that narrow with a drop-off at every stage, collection rates that
 * are what the listed instalments say (below 100 % where instalments are overdue, none overdue longer
 * than the story allows), every rep out visiting last week, and dashboards read from the rollups that
 * agree with the records.
 */
@QuarkusTest
class DemoStoryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> MANAGERS = List.of("manager.east@demo.canvass.io", "manager.south@demo.canvass.io");

    @Inject
    Pool pool;

    @Inject
    DemoData demo;

    @Inject
    KpiQueries queries;

    @BeforeEach
    void seeded() {
        DemoOrganisation.seeded(pool, demo);
    }

    /** A signed-in demo manager and the team they run. */
    record Manager(String token, String teamId) {
        io.restassured.specification.RequestSpecification as() {
            return Api.as(token);
        }
    }

    private static Manager manager(String email) {
        Api.TestUser m = DemoOrganisation.signIn(email);
        return new Manager(m.token(), m.teamId().toString());
    }

    /** The six whole months before this one. */
    private static List<YearMonth> lastSixMonths() {
        YearMonth now = YearMonth.now(ZONE);
        List<YearMonth> months = new ArrayList<>();
        for (int ago = 6; ago >= 1; ago--) {
            months.add(now.minusMonths(ago));
        }
        return months;
    }

    private static JsonPath dashboard(Manager m, YearMonth month) {
        String body = m.as().get("/api/v1/kpis/teams/" + m.teamId() + "?period=" + month).then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @Test
    void eachTeamsTrendHasVisitsInEveryMonthAndAShape() {
        for (String email : MANAGERS) {
            Manager m = manager(email);
            List<Integer> monthly = new ArrayList<>();
            Set<BigDecimal> attainment = new HashSet<>();
            for (YearMonth month : lastSixMonths()) {
                JsonPath report = dashboard(m, month);
                List<Integer> weeks = report.getList("trend.effectiveVisits", BigDecimal.class).stream().map(BigDecimal::intValue).toList();
                assertTrue(weeks.stream().filter(w -> w > 0).count() >= 4, email + ": weeks with visits in " + month + ": " + weeks);
                monthly.add(report.getInt("indicators.effectiveVisits"));
                attainment.addAll(report.getList("reps.achievements.flatten().findAll { it.metric == 'EFFECTIVE_VISITS' }.rate", BigDecimal.class));
            }
            int low = monthly.stream().min(Integer::compare).orElseThrow();
            int high = monthly.stream().max(Integer::compare).orElseThrow();
            assertTrue(low > 0 && high >= low * 1.3, email + ": months differ (a dip, a strong month): " + monthly);
            assertTrue(new HashSet<>(monthly).size() >= 4, email + ": the trend is not flat: " + monthly);
            assertTrue(attainment.size() >= 6, email + ": attainment of the visit targets varies by rep and month: " + attainment);
        }
    }

    @Test
    void eachTeamsFunnelNarrowsStageByStageWithoutAnEmptyStage() {
        for (String email : MANAGERS) {
            Manager m = manager(email);
            for (YearMonth month : lastSixMonths()) {
                List<Integer> counts = dashboard(m, month).getList("funnel.stages.count", BigDecimal.class).stream().map(BigDecimal::intValue).toList();
                assertEquals(4, counts.size());
                for (int i = 0; i < counts.size(); i++) {
                    assertTrue(counts.get(i) > 0, email + " " + month + ": no stage is empty: " + counts);
                    assertTrue(i == 0 || counts.get(i) <= counts.get(i - 1), email + " " + month + ": each stage at most the one before: " + counts);
                }
                assertTrue(counts.get(3) < counts.get(0), email + " " + month + ": leads drop off on the way to won: " + counts);
            }
        }
    }

    /** An instalment as the contract API lists it. */
    record Listed(LocalDate dueOn, String currency, BigDecimal amount, BigDecimal collected, boolean overdue, long daysOverdue) {
    }

    private static List<Listed> instalments(Manager m) {
        List<Listed> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = m.as().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/contracts").then().statusCode(200).extract().jsonPath();
            for (String id : page.getList("items.id", String.class)) {
                JsonPath contract = m.as().get("/api/v1/contracts/" + id).then().statusCode(200).extract().jsonPath();
                for (Map<String, Object> i : contract.<Map<String, Object>>getList("plan.instalments")) {
                    all.add(new Listed(LocalDate.parse((String) i.get("dueOn")), (String) i.get("currency"), new BigDecimal((String) i.get("amount")),
                            new BigDecimal((String) i.get("collected")), (Boolean) i.get("overdue"), ((Number) i.get("daysOverdue")).longValue()));
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    @Test
    void collectionRatesAreWhatTheListedInstalmentsSayAndNothingIsOverdueLongerThanTheStoryAllows() {
        List<Listed> everyone = new ArrayList<>();
        for (String email : MANAGERS) {
            Manager m = manager(email);
            List<Listed> listed = instalments(m);
            everyone.addAll(listed);
            boolean someMonthShort = false;
            for (YearMonth month : lastSixMonths()) {
                Map<String, BigDecimal[]> expected = new TreeMap<>();
                Set<String> overdue = new HashSet<>();
                for (Listed i : listed) {
                    if (YearMonth.from(i.dueOn()).equals(month)) {
                        BigDecimal[] sums = expected.computeIfAbsent(i.currency(), c -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
                        sums[0] = sums[0].add(i.amount());
                        sums[1] = sums[1].add(i.collected());
                        if (i.overdue()) {
                            overdue.add(i.currency());
                        }
                    }
                }
                JsonPath report = dashboard(m, month);
                List<Map<String, Object>> shown = report.getList("indicators.collections.findAll { it.due > 0 }");
                assertEquals(expected.keySet(), new HashSet<>(shown.stream().map(c -> (String) c.get("currency")).toList()),
                        email + " " + month + ": a collection rate for each currency with instalments due");
                for (Map<String, Object> c : shown) {
                    String currency = (String) c.get("currency");
                    BigDecimal[] sums = expected.get(currency);
                    BigDecimal rate = (BigDecimal) c.get("rate");
                    assertEquals(0, sums[0].compareTo((BigDecimal) c.get("due")), email + " " + month + " " + currency + ": due " + c);
                    assertEquals(0, sums[1].compareTo((BigDecimal) c.get("collected")), email + " " + month + " " + currency + ": collected " + c);
                    assertEquals(0, sums[1].divide(sums[0], 4, RoundingMode.HALF_UP).compareTo(rate), email + " " + month + " " + currency + ": rate " + c);
                    if (overdue.contains(currency)) {
                        assertTrue(rate.compareTo(BigDecimal.ONE) < 0, email + " " + month + " " + currency + ": not 100 % with instalments overdue " + c);
                        someMonthShort = true;
                    }
                }
            }
            assertTrue(someMonthShort, email + ": some month's collections are short of overdue instalments");
        }
        List<Long> overdue = everyone.stream().filter(Listed::overdue).map(Listed::daysOverdue).sorted().toList();
        assertFalse(overdue.isEmpty(), "some instalments are overdue now");
        assertTrue(overdue.get(overdue.size() - 1) <= DemoMoney.OLDEST_OVERDUE_DAYS,
                "nothing is overdue longer than the story allows (" + DemoMoney.OLDEST_OVERDUE_DAYS + " days): " + overdue);
        assertTrue(overdue.stream().anyMatch(d -> d <= 30) && overdue.stream().anyMatch(d -> d > 30 && d <= 90)
                && overdue.stream().anyMatch(d -> d > 90), "overdue in every band (1–30, 31–90, 90+ days): " + overdue);
    }

    @Test
    void everyRepVisitedCustomersInTheLastWeek() {
        Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
        for (String email : MANAGERS) {
            Manager m = manager(email);
            JsonPath report = dashboard(m, YearMonth.now(ZONE).minusMonths(1));
            List<String> reps = report.getList("reps.userId", String.class);
            assertEquals(4, reps.size(), email + ": four reps");
            for (String rep : reps) {
                m.as().queryParam("userId", rep).queryParam("from", weekAgo.toString()).queryParam("limit", 1).get("/api/v1/checkins")
                        .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1));
            }
        }
    }

    @Test
    void theDashboardsRollupsAgreeWithTheRecords() {
        List<java.util.UUID> reps = pool.query("""
                select u.id from app_user u join team t on t.id = u.team_id
                where u.role = 'REP' and u.email like '%@demo.canvass.io' and not u.finance_approver""").execute()
                .await().atMost(Duration.ofSeconds(10)).stream().map(r -> r.getUUID(0)).toList();
        assertEquals(8, reps.size());
        for (YearMonth month : lastSixMonths()) {
            Instant from = month.atDay(1).atStartOfDay(ZONE).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
            Map<java.util.UUID, RepNumbers> rolled = queries.numbers(reps, from, to, ZONE, 30, true).await().atMost(Duration.ofSeconds(30));
            Map<java.util.UUID, RepNumbers> live = queries.numbers(reps, from, to, ZONE, 30, false).await().atMost(Duration.ofSeconds(30));
            for (java.util.UUID rep : reps) {
                assertEquals(counts(live.get(rep)), counts(rolled.get(rep)), month + ": the rollup answers as the records do for " + rep);
            }
            assertEquals(queries.trend(reps, from, to, ZONE, false).await().atMost(Duration.ofSeconds(30)),
                    queries.trend(reps, from, to, ZONE, true).await().atMost(Duration.ofSeconds(30)), month + ": the trend too");
        }
    }

    private static String counts(RepNumbers n) {
        Map<String, Object> c = new HashMap<>();
        c.put("visits", n.visits);
        c.put("effective", n.effectiveVisits);
        c.put("new", n.newCustomers);
        c.put("due", n.followUpsDue);
        c.put("onTime", n.followUpsOnTime);
        c.put("funnel", java.util.Arrays.toString(n.funnel));
        c.put("proposals", n.proposals);
        c.put("won", n.dealsWon);
        c.put("lost", n.dealsLost);
        c.put("revenue", plain(n.revenue));
        c.put("collectionDue", plain(n.collectionDue));
        c.put("collected", plain(n.collectionCollected));
        c.put("received", plain(n.received));
        c.put("settled", n.instalmentsSettled + "/" + n.settledDaysLate);
        return new TreeMap<>(c).toString();
    }

    private static Map<String, String> plain(Map<String, BigDecimal> amounts) {
        Map<String, String> out = new TreeMap<>();
        amounts.forEach((k, v) -> {
            if (v.signum() != 0) {
                out.put(k, v.stripTrailingZeros().toPlainString());
            }
        });
        return out;
    }
}
