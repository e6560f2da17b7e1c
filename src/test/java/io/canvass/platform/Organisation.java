package io.canvass.platform;

import static io.restassured.RestAssured.given;

import io.canvass.notify.Reminders;
import io.canvass.testing.Api;
import io.canvass.testing.Api.TestUser;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation the authorisation matrix runs in, made through the public API: team A with a
 * sub-team, a separate team B, reps, their managers, a director and a service account limited to
 * team A, and for every party one record of each kind a path parameter can name.
 *
 * <pre>
 *   team A ── sub-team          team B
 *   rep A1, rep A2 │ rep S1     rep B1
 *   manager A      manager S    manager B        director, admin, service account (team A)
 * </pre>
 *
 * The records of rep A2, rep B1, team A, team B and the organisation are the victims; those of
 * rep A1 and rep S1 are what the attackers may legitimately use (their "own" ids).
 */
final class Organisation {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A closed commission period, far in the past so no other test closes it. */
    static final String STATEMENT_PERIOD = "2001-02";
    /** A period nobody closes: what an attacker tries to close. */
    static final String OPEN_PERIOD = "2001-03";
    static final double LAT = 31.2304;
    static final double LNG = 121.4737;
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /** What a path parameter, query parameter or body field can name. */
    enum Kind {
        CUSTOMER, FOLLOW_UP, CHECK_IN, DEAL, CONTRACT, INSTALMENT, CLAIM, RECEIPT, PRE_APPROVAL, BUDGET, TARGET,
        COACHING_TASK, PROPOSAL, ONBOARDING_PLAN, STATEMENT, COMMISSION_PLAN, NOTIFICATION, PUSH_SUBSCRIPTION,
        WEBHOOK_ENDPOINT, SERVICE_ACCOUNT, USER, TEAM, CADENCE_KIND, CADENCE_CODE, PERIOD,
        /** A user named as a mentor: only people of the reps' teams and their managers are victims here. */
        MENTOR,
        /** A client-generated id: a new one on every call. */
        FRESH,
        /** Nothing a fixture stands for (a webhook delivery, looked up within the endpoint of the path): a random id. */
        NONE
    }

    /**
     * Whose records. TEAM_A_SHARED: what team A shares with its members (its budget, its target),
     * out of reach of the sub-team's manager only. ADMIN_ONLY: what even a director does not reach.
     */
    enum Party { REP_A2, REP_B1, TEAM_A, TEAM_A_SHARED, TEAM_B, ORG, ADMIN_ONLY }

    /** The records of one party, and what must never show in a list read by someone outside it. */
    static final class Records {
        final String marker;
        final Map<Kind, List<String>> ids = new EnumMap<>(Kind.class);
        /** Marker and ids that must not show in an outsider's list, with what each is. */
        final Map<String, String> leakTokens = new LinkedHashMap<>();

        Records(String marker) {
            this.marker = marker;
            if (marker != null) {
                leakTokens.put(marker, "marker");
            }
        }

        /** Adds a record; {@code listed}: its id must not appear in an outsider's lists. */
        Records add(Kind kind, Object id, boolean listed) {
            ids.computeIfAbsent(kind, k -> new ArrayList<>()).add(id.toString());
            if (listed) {
                leakTokens.putIfAbsent(id.toString(), kind.name());
            }
            return this;
        }

        List<String> of(Kind kind) {
            return ids.getOrDefault(kind, List.of());
        }

        String first(Kind kind) {
            List<String> all = of(kind);
            return all.isEmpty() ? null : all.get(0);
        }
    }

    /** A caller and the parties whose records are out of their reach; {@code own}: ids they may use. */
    record Attacker(String name, UUID id, String token, Set<Party> victims, Map<Kind, String> own) {
    }

    final Map<Party, Records> parties = new EnumMap<>(Party.class);
    final List<Attacker> attackers = new ArrayList<>();
    final Map<String, String> emails = new HashMap<>();
    final Map<String, Object> cadence = new LinkedHashMap<>();
    final String adminId;
    final TestUser repA1;
    final TestUser repA2;
    final TestUser repB1;
    final TestUser repS1;
    final TestUser managerA;
    final TestUser managerS;
    final TestUser managerB;
    final TestUser director;
    final UUID teamA;
    final UUID subTeam;
    final UUID teamB;

    private final Pool pool;
    /** The closed commission period the statements are of. */
    final String statementPeriod;

    Organisation(Pool pool, Reminders reminders) {
        this(pool, reminders, STATEMENT_PERIOD);
    }

    /** An organisation whose statements are of {@code statementPeriod}: each organisation closes a period of its own. */
    Organisation(Pool pool, Reminders reminders, String statementPeriod) {
        this.pool = pool;
        this.statementPeriod = statementPeriod;
        String run = UUID.randomUUID().toString().substring(0, 8);
        adminId = Api.asAdmin().get("/api/v1/me").then().statusCode(200).extract().path("id");
        teamA = Api.team("matrix-a", null);
        subTeam = Api.team("matrix-a-sub", teamA);
        teamB = Api.team("matrix-b-" + run, null);
        repA1 = person("REP", teamA);
        repA2 = person("REP", teamA);
        repS1 = person("REP", subTeam);
        repB1 = person("REP", teamB);
        managerA = remember(Api.manager(teamA));
        managerS = remember(Api.manager(subTeam));
        managerB = remember(Api.manager(teamB));
        director = remember(Api.user("DIRECTOR", null, Set.of(), "en"));

        String planA = commissionPlan(teamA);
        String planB = commissionPlan(teamB);
        String teamTargetA = teamTarget(teamA);
        String teamTargetB = teamTarget(teamB);
        String budgetA = budget(teamA);
        String budgetB = budget(teamB);

        Records ownA1 = repRecords(repA1, managerA, teamTargetA, "own-a1-" + run, false);
        Records ownS1 = repRecords(repS1, managerS, null, "own-s1-" + run, false);
        Records a2 = repRecords(repA2, managerA, teamTargetA, "victim-a2-" + run, true);
        Records b1 = repRecords(repB1, managerB, teamTargetB, "victim-b1-" + run, true);
        parties.put(Party.REP_A2, a2);
        parties.put(Party.REP_B1, b1);

        // team A and its manager appear on rep A1's own records: out of reach by id, but no leak when listed
        parties.put(Party.TEAM_A, new Records(null)
                .add(Kind.TEAM, teamA, false).add(Kind.USER, managerA.id(), false));
        parties.put(Party.TEAM_A_SHARED, new Records(null)
                .add(Kind.TARGET, teamTargetA, true).add(Kind.BUDGET, budgetA, true));
        parties.put(Party.TEAM_B, new Records("matrix-b-" + run)
                .add(Kind.TEAM, teamB, true).add(Kind.USER, managerB.id(), true).add(Kind.MENTOR, managerB.id(), true)
                .add(Kind.TARGET, teamTargetB, true).add(Kind.BUDGET, budgetB, true));

        Map<String, Object> policy = Api.asAdmin().get("/api/v1/cadence-policies").then().statusCode(200).extract().path("items[0]");
        cadence.put("intervalDays", policy.get("intervalDays"));
        cadence.put("missAfterDays", policy.get("missAfterDays"));
        parties.put(Party.ORG, new Records(null)
                .add(Kind.USER, director.id(), false).add(Kind.USER, adminId, false)
                .add(Kind.COMMISSION_PLAN, planA, false).add(Kind.COMMISSION_PLAN, planB, false)
                .add(Kind.CADENCE_KIND, policy.get("kind"), false).add(Kind.CADENCE_CODE, policy.get("code"), false)
                .add(Kind.PERIOD, OPEN_PERIOD, false));

        Map<String, Object> serviceA = serviceAccount("matrix team A", teamA);
        Map<String, Object> serviceOther = serviceAccount("matrix other", null);
        parties.put(Party.ADMIN_ONLY, new Records(null)
                .add(Kind.SERVICE_ACCOUNT, serviceOther.get("id"), false)
                .add(Kind.WEBHOOK_ENDPOINT, webhookEndpoint("victim-hook-" + run), false));

        // notifications, statements and devices last: they need the records above
        for (var party : List.of(a2, b1)) {
            reminders.schedule(UUID.fromString(party.first(Kind.USER)), "FOLLOW_UP_OVERDUE",
                    Map.of("customer", "客户 " + party.marker, "dueOn", today().toString()));
        }
        reminders.dispatchAll();
        Api.asAdmin().post("/api/v1/commission/periods/" + statementPeriod + "/close").then().statusCode(200);
        for (TestUser rep : List.of(repA2, repB1)) {
            Records records = rep == repA2 ? a2 : b1;
            records.add(Kind.NOTIFICATION, rep.as().get("/api/v1/notifications").then().statusCode(200)
                    .extract().path("items[0].id"), true);
            records.add(Kind.STATEMENT, Api.asAdmin().get("/api/v1/commission/statements?period=" + statementPeriod + "&rep=" + rep.id())
                    .then().statusCode(200).extract().path("items[0].id"), true);
            records.add(Kind.PUSH_SUBSCRIPTION, rep.as().body(Map.of("endpoint", "http://localhost:9/push/" + records.marker,
                            "keys", Map.of("p256dh", "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
                                    "auth", "BTBZMqHH6r4Tts7J_aSIgg"),
                            "label", records.marker))
                    .post("/api/v1/push/subscriptions").then().statusCode(201).extract().path("id"), true);
        }

        String serviceToken = given().contentType(ContentType.JSON)
                .body(Map.of("grantType", "client_credentials", "clientId", serviceA.get("clientId"), "clientSecret", serviceA.get("clientSecret")))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");

        Set<Party> beyondRep = EnumSet.of(Party.REP_A2, Party.REP_B1, Party.TEAM_A, Party.TEAM_B, Party.ORG, Party.ADMIN_ONLY);
        Set<Party> beyondSubTeam = EnumSet.allOf(Party.class);
        Set<Party> beyondTeamA = EnumSet.of(Party.REP_B1, Party.TEAM_B, Party.ORG, Party.ADMIN_ONLY);
        attackers.add(new Attacker("rep A1", repA1.id(), repA1.token(), beyondRep, own(ownA1, teamA, teamTargetA, managerA)));
        attackers.add(new Attacker("manager A", managerA.id(), managerA.token(), beyondTeamA,
                own(ownA1, teamA, teamTargetA, managerA)));
        attackers.add(new Attacker("manager of the sub-team", managerS.id(), managerS.token(), beyondSubTeam,
                own(ownS1, subTeam, null, managerS)));
        attackers.add(new Attacker("service account of team A", UUID.fromString((String) serviceA.get("id")), serviceToken,
                beyondTeamA, own(ownA1, teamA, teamTargetA, null)));
        attackers.add(new Attacker("director", director.id(), director.token(), EnumSet.of(Party.ADMIN_ONLY),
                own(ownA1, teamA, teamTargetA, managerA)));
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** The earliest calendar day anywhere: never in the future for a date the server checks in any zone. */
    static LocalDate earliestToday() {
        return LocalDate.now(ZoneId.of("Etc/GMT+12"));
    }

    static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    Records of(Party party) {
        return parties.get(party);
    }

    private TestUser person(String role, UUID team) {
        return remember(Api.user(role, team));
    }

    private TestUser remember(TestUser user) {
        emails.put(user.id().toString(), user.email());
        return user;
    }

    private static Map<Kind, String> own(Records records, UUID team, String teamTarget, TestUser mentor) {
        Map<Kind, String> own = new EnumMap<>(Kind.class);
        records.ids.forEach((kind, ids) -> own.put(kind, ids.get(0)));
        own.put(Kind.TEAM, team.toString());
        if (teamTarget != null) {
            own.put(Kind.TARGET, teamTarget);
        } else {
            own.remove(Kind.TARGET);
        }
        own.remove(Kind.MENTOR);
        if (mentor != null) {
            own.put(Kind.MENTOR, mentor.id().toString());
        }
        return own;
    }

    /** One record of every kind a rep owns, made by the rep and their manager; {@code victim}: the claim is submitted. */
    private Records repRecords(TestUser rep, TestUser manager, String teamTarget, String marker, boolean victim) {
        Records records = new Records(marker).add(Kind.USER, rep.id(), true).add(Kind.MENTOR, rep.id(), true);
        String customer = rep.as().body(Map.of("name", "客户 " + marker, "grade", "B", "stage", "INITIAL_INTENT",
                        "lat", LAT, "lng", LNG, "notes", marker,
                        "contacts", List.of(Map.of("name", "联系人 " + marker, "phone", "139" + (10_000_000 + Math.abs(marker.hashCode() % 89_999_999))))))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        records.add(Kind.CUSTOMER, customer, true);

        String checkIn = UUID.randomUUID().toString();
        rep.as().body(Map.of("clientId", checkIn, "customerId", customer, "clientTime", Instant.now().toString(),
                        "position", Map.of("lat", LAT, "lng", LNG, "accuracy", 15, "fixAge", 3),
                        "purpose", "DEMO", "notes", marker, "outcome", marker))
                .post("/api/v1/checkins").then().statusCode(201);
        given().auth().oauth2(rep.token()).contentType("image/png").body(PNG).put("/api/v1/checkins/" + checkIn + "/photo")
                .then().statusCode(204);
        records.add(Kind.CHECK_IN, checkIn, true);
        // the visit completed the first follow-up and scheduled the next: that one is still open
        records.add(Kind.FOLLOW_UP, rep.as().get("/api/v1/customers/" + customer).then().statusCode(200)
                .extract().path("pendingFollowUp.id"), true);

        String deal = rep.as().body(Map.of("customerId", customer, "name", "项目 " + marker, "amount", "300000.00", "currency", "CNY",
                        "productLine", "自动化设备", "expectedCloseOn", today().plusDays(30).toString()))
                .post("/api/v1/deals").then().statusCode(201).extract().path("id");
        records.add(Kind.DEAL, deal, true);

        Response contract = rep.as().body(Map.of("customerId", customer, "number", "HT-" + marker, "value", "120000.00",
                        "currency", "CNY", "startsOn", today().minusMonths(11).toString(), "endsOn", today().plusDays(45).toString(),
                        "status", "ACTIVE",
                        "plan", Map.of("split", Map.of("count", 2, "firstDueOn", today().plusDays(10).toString(), "everyMonths", 1))))
                .post("/api/v1/contracts");
        contract.then().statusCode(201);
        records.add(Kind.CONTRACT, contract.path("id"), true).add(Kind.INSTALMENT, contract.path("plan.instalments[0].id"), true);

        Map<String, Object> claim = new HashMap<>(Map.of("spentOn", earliestToday().toString(), "category", "TRAVEL",
                "amount", "88.00", "currency", "CNY", "customerId", customer, "description", "招待 " + marker));
        String claimId = rep.as().body(claim).post("/api/v1/expense-claims").then().statusCode(201).extract().path("id");
        String receipt = given().auth().oauth2(rep.token()).contentType("image/png").body(PNG)
                .post("/api/v1/expense-claims/" + claimId + "/receipts").then().statusCode(201).extract().path("id");
        if (victim) {
            rep.as().post("/api/v1/expense-claims/" + claimId + "/submit").then().statusCode(200);
        }
        records.add(Kind.CLAIM, claimId, true).add(Kind.RECEIPT, receipt, true);
        records.add(Kind.PRE_APPROVAL, rep.as().body(Map.of("teamId", rep.teamId(), "category", "MARKETING_EVENTS",
                        "month", thisMonth().toString(), "amount", "800.00", "currency", "CNY", "reason", "展会 " + marker))
                .post("/api/v1/expense-pre-approvals").then().statusCode(201).extract().path("id"), true);

        String task = manager.as().body(Map.of("repId", rep.id(), "kind", "SHADOW_VISIT", "title", "跟访 " + marker,
                        "goal", marker, "dueOn", today().plusDays(14).toString()))
                .post("/api/v1/coaching-tasks").then().statusCode(201).extract().path("id");
        rep.as().body(Map.of("body", "笔记 " + marker)).post("/api/v1/coaching-tasks/" + task + "/notes").then().statusCode(201);
        records.add(Kind.COACHING_TASK, task, true);
        int plan = manager.as().body(Map.of("repId", rep.id(), "startsOn", today().toString()))
                .post("/api/v1/onboarding-plans").then().extract().statusCode();
        if (plan != 201 && plan != 409) {
            throw new AssertionError("onboarding plan of " + marker + ": " + plan);
        }
        records.add(Kind.ONBOARDING_PLAN, rep.id(), false);
        records.add(Kind.PROPOSAL, proposal(rep, marker), true);

        if (teamTarget != null) {
            records.add(Kind.TARGET, manager.as().body(Map.of("parentId", teamTarget, "period", thisMonth().toString(), "level", "REP",
                            "userId", rep.id(), "metric", "EFFECTIVE_VISITS", "value", 10))
                    .post("/api/v1/targets").then().statusCode(201).extract().path("id"), true);
        }
        rep.as().body(Map.of("behaviour", "周报 " + marker, "problems", marker, "supportNeeded", marker, "submit", false))
                .put("/api/v1/reports/weekly").then().statusCode(200);
        return records;
    }

    /**
     * A coaching proposal: only the diagnosis makes them, from weeks of history, so the row is
     * written as the diagnosis writes it.
     */
    private String proposal(TestUser rep, String marker) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                        insert into coaching_proposal (id, rep_id, team_id, rule, kind, evidence, evidence_key, window_start, window_end, status)
                        values ($1, $2, $3, 'VISIT_QUALITY', 'SHADOW_VISIT', $4, $5, $6, $7, 'OPEN')""")
                .execute(Tuple.from(List.of(id, rep.id(), rep.teamId(), new JsonObject().put("marker", marker), marker,
                        today().minusDays(28), today())))
                .await().atMost(Duration.ofSeconds(10));
        return id.toString();
    }

    private static String teamTarget(UUID team) {
        return Api.asAdmin().body(Map.of("period", thisMonth().toString(), "level", "TEAM", "teamId", team,
                        "metric", "EFFECTIVE_VISITS", "value", 400))
                .post("/api/v1/targets").then().statusCode(201).extract().path("id");
    }

    /** The team's travel budget for the month the claims are dated in. */
    private static String budget(UUID team) {
        return Api.asAdmin().body(Map.of("teamId", team, "category", "TRAVEL", "month", YearMonth.from(earliestToday()).toString(),
                        "amount", "20000.00", "currency", "CNY"))
                .post("/api/v1/expense-budgets").then().statusCode(201).extract().path("id");
    }

    private static String commissionPlan(UUID team) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", Api.unique("matrix plan"));
        plan.put("periodKind", "MONTH");
        plan.put("teamId", team);
        plan.put("base", "REVENUE_WON");
        plan.put("currency", "CNY");
        plan.put("tiers", List.of(Map.of("from", 0, "to", 100, "rate", "1"), Map.of("from", 100, "rate", "2")));
        return Api.asAdmin().body(plan).post("/api/v1/commission/plans").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> serviceAccount(String name, UUID team) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique(name));
        body.put("teamId", team);
        return Api.asAdmin().body(body).post("/api/v1/service-accounts").then().statusCode(201).extract().as(Map.class);
    }

    /** The admin's endpoint, disabled at once so that nothing is ever delivered to it. */
    private static String webhookEndpoint(String marker) {
        String id = Api.asAdmin().body(Map.of("url", "http://localhost:9/hooks/" + marker, "description", marker,
                        "eventTypes", List.of("contract.renewed")))
                .post("/api/v1/webhooks/endpoints").then().statusCode(201).extract().path("endpoint.id");
        Api.asAdmin().body(Map.of("active", false)).patch("/api/v1/webhooks/endpoints/" + id).then().statusCode(200);
        return id;
    }
}
