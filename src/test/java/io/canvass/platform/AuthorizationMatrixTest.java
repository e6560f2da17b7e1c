package io.canvass.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.notify.Reminders;
import io.canvass.platform.Organisation.Attacker;
import io.canvass.platform.Organisation.Kind;
import io.canvass.platform.Organisation.Party;
import io.canvass.platform.Organisation.Records;
import io.canvass.testing.Api;
import io.canvass.testing.OpenApi;
import io.canvass.testing.OpenApi.Operation;
import io.canvass.testing.OpenApi.Parameter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Object-level authorisation as a matrix generated from the served OpenAPI document: every
 * operation, called by every caller who must not reach a record (a rep against other reps', a
 * manager against other teams', a service account limited to a team against the rest, a director
 * against what only admins hold), with that record's id in the path, in the body or in the query,
 * is refused; and no list, export or report shows another scope's rows. The scope rule is the
 * product's: REP their own records, MANAGER the subtrees of the teams they manage, DIRECTOR and
 * ADMIN everything, INTEGRATION everything or the subtree of its team.
 *
 * <p>A new path parameter or body id field fails the matrix until it is named in
 * {@link #PATH_PARAMETERS} or {@link #ID_FIELDS}, and a fixture stands for it in {@link Organisation}.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

    /** A path parameter of the operations under {@code prefix}, and what it names. */
    record PathParameter(String prefix, String name, Kind kind) {
    }

    static final List<PathParameter> PATH_PARAMETERS = List.of(
            new PathParameter("/api/v1/cadence-policies/{kind}/{code}", "kind", Kind.CADENCE_KIND),
            new PathParameter("/api/v1/cadence-policies/{kind}/{code}", "code", Kind.CADENCE_CODE),
            new PathParameter("/api/v1/checkins/{id}", "id", Kind.CHECK_IN),
            new PathParameter("/api/v1/coaching-proposals/{id}", "id", Kind.PROPOSAL),
            new PathParameter("/api/v1/coaching-tasks/{id}", "id", Kind.COACHING_TASK),
            new PathParameter("/api/v1/commission/periods/{period}", "period", Kind.PERIOD),
            new PathParameter("/api/v1/commission/plans/{id}", "id", Kind.COMMISSION_PLAN),
            new PathParameter("/api/v1/commission/statements/{id}", "id", Kind.STATEMENT),
            new PathParameter("/api/v1/contracts/{id}", "id", Kind.CONTRACT),
            new PathParameter("/api/v1/customers/{id}", "id", Kind.CUSTOMER),
            new PathParameter("/api/v1/deals/{id}", "id", Kind.DEAL),
            new PathParameter("/api/v1/expense-budgets/{id}", "id", Kind.BUDGET),
            new PathParameter("/api/v1/expense-claims/{id}", "id", Kind.CLAIM),
            new PathParameter("/api/v1/expense-claims/{id}/receipts/{receiptId}", "receiptId", Kind.RECEIPT),
            new PathParameter("/api/v1/expense-pre-approvals/{id}", "id", Kind.PRE_APPROVAL),
            new PathParameter("/api/v1/follow-ups/{id}", "id", Kind.FOLLOW_UP),
            new PathParameter("/api/v1/kpis/teams/{id}", "id", Kind.TEAM),
            new PathParameter("/api/v1/kpis/users/{id}", "id", Kind.USER),
            new PathParameter("/api/v1/notifications/{id}", "id", Kind.NOTIFICATION),
            new PathParameter("/api/v1/onboarding-plans/{repId}", "repId", Kind.ONBOARDING_PLAN),
            new PathParameter("/api/v1/push/subscriptions/{id}", "id", Kind.PUSH_SUBSCRIPTION),
            new PathParameter("/api/v1/service-accounts/{id}", "id", Kind.SERVICE_ACCOUNT),
            new PathParameter("/api/v1/targets/{id}", "id", Kind.TARGET),
            new PathParameter("/api/v1/teams/{id}", "id", Kind.TEAM),
            new PathParameter("/api/v1/users/{id}", "id", Kind.USER),
            new PathParameter("/api/v1/webhooks/endpoints/{id}", "id", Kind.WEBHOOK_ENDPOINT));

    /** Body fields and query parameters that carry an id, and what they name ({@code parentId}: see {@link #idKind}). */
    static final Map<String, Kind> ID_FIELDS = Map.ofEntries(
            Map.entry("customerId", Kind.CUSTOMER), Map.entry("dealId", Kind.DEAL), Map.entry("contractId", Kind.CONTRACT),
            Map.entry("instalmentId", Kind.INSTALMENT),
            Map.entry("teamId", Kind.TEAM), Map.entry("team", Kind.TEAM), Map.entry("managedTeamIds", Kind.TEAM),
            Map.entry("repId", Kind.USER), Map.entry("rep", Kind.USER), Map.entry("userId", Kind.USER), Map.entry("user", Kind.USER),
            Map.entry("ownerId", Kind.USER), Map.entry("actorId", Kind.USER), Map.entry("userIds", Kind.USER),
            Map.entry("owner_email", Kind.USER),
            Map.entry("mentorId", Kind.MENTOR),
            Map.entry("clientId", Kind.FRESH),
            // a delivery is looked up within the endpoint of the path; the endpoint is what the matrix attacks
            Map.entry("deliveryId", Kind.NONE));

    /** Dates in the examples are around the day they were written; they are moved to as far after today. */
    static final LocalDate EXAMPLES_WRITTEN = LocalDate.of(2026, 11, 20);
    /** Date fields that may not be in the future. */
    static final Set<String> PAST_DATES = Set.of("spentOn", "receivedOn", "signedOn", "hiredOn");
    /** Fields that must differ from one call to the next (numbers, external ids, emails, names). */
    static final Set<String> UNIQUE = Set.of("number", "externalId", "email", "name");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w.-]+");

    private static Organisation org;
    private static RuntimeException orgFailed;

    @Inject
    Pool pool;

    @Inject
    Reminders reminders;

    /** The organisation, made once for all the tests (a failure to make it is reported once, then rethrown). */
    Organisation org() {
        if (orgFailed != null) {
            throw orgFailed;
        }
        if (org == null) {
            try {
                long start = System.nanoTime();
                org = new Organisation(pool, reminders);
                System.out.printf("%n== the organisation was made in %.1f s%n", (System.nanoTime() - start) / 1e9);
            } catch (RuntimeException | AssertionError e) {
                orgFailed = new IllegalStateException("the organisation could not be made", e);
                throw e;
            }
        }
        return org;
    }

    /** How an attempt ended. */
    enum Outcome {
        /** 403 or 404: refused by scope. */
        REFUSED,
        /** 400 or 422 naming the field that carried the other scope's id. */
        REFUSED_ON_FIELD,
        /** Refused before scope was looked at (validation, state, version): proves nothing about scope. */
        NOT_PROVEN,
        /** 2xx: the caller reached the record. */
        REACHED,
        SERVER_ERROR
    }

    /** What the matrix saw, kept for the report. */
    static final class Tally {
        final String title;
        final List<String> reached = new ArrayList<>();
        final List<String> serverErrors = new ArrayList<>();
        final Map<String, Set<String>> notProven = new TreeMap<>();
        final Map<String, Set<String>> onField = new TreeMap<>();
        final Set<String> pairs = new TreeSet<>();
        int attempts;
        int refused;
        int refusedOnField;

        Tally(String title) {
            this.title = title;
        }

        void record(Operation op, Attacker who, String what, Outcome outcome, Response response) {
            attempts++;
            pairs.add(op.name() + " × " + who.name());
            String line = op.name() + " as " + who.name() + " " + what + " -> " + response.statusCode();
            switch (outcome) {
                case REFUSED -> refused++;
                case REFUSED_ON_FIELD -> {
                    refusedOnField++;
                    onField.computeIfAbsent(op.name(), k -> new TreeSet<>()).add(response.statusCode() + " " + detail(response));
                }
                case NOT_PROVEN -> notProven.computeIfAbsent(op.name(), k -> new TreeSet<>())
                        .add(response.statusCode() + " " + detail(response));
                case REACHED -> reached.add(line);
                case SERVER_ERROR -> serverErrors.add(line + " " + detail(response));
            }
        }

        void report() {
            StringBuilder out = new StringBuilder("\n== ").append(title).append(": ").append(attempts).append(" attempts, ")
                    .append(pairs.size()).append(" operation × caller pairs; refused: ").append(refused).append(" with 403 or 404, ")
                    .append(refusedOnField).append(" with a problem naming the field that carried the id\n");
            if (!notProven.isEmpty()) {
                out.append("   refused before scope was checked (validation, state or version), so these prove nothing about scope:\n");
                notProven.forEach((op, statuses) -> out.append("     ").append(op).append(": ").append(statuses).append('\n'));
            }
            if (!onField.isEmpty()) {
                out.append("   refused with a problem naming the field that carried the other scope's id:\n");
                onField.forEach((op, statuses) -> out.append("     ").append(op).append(": ").append(statuses).append('\n'));
            }
            reached.forEach(line -> out.append("   REACHED ").append(line).append('\n'));
            System.out.println(out);
        }

        void assertClean() {
            assertEquals(List.of(), serverErrors, title + ": server errors");
            assertEquals(List.of(), reached, title + ": callers reached records outside their scope");
        }
    }

    /** The problem's detail, or the start of the body. */
    static String detail(Response response) {
        if (String.valueOf(response.contentType()).startsWith(Problem.MEDIA_TYPE)) {
            return response.jsonPath().getString("detail");
        }
        // ids and unique names differ from call to call: without them, equal answers report once
        String body = String.valueOf(response.asString()).replaceAll("\\s+", " ").replaceAll("[0-9a-f-]{8,}", "…");
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    // ---------------------------------------------------------------------------------------------
    // 1. Lists, exports and reports show no other scope's rows

    @Test
    @Order(1)
    void noListExportOrReportShowsRecordsOutsideTheCallersScope() {
        Organisation o = org();
        OpenApi api = OpenApi.served();
        List<String> unknown = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> pairs = new TreeSet<>();
        // what the lists show to people entitled to the victims' records: a token nobody sees there cannot leak there either
        Map<String, String> unseen = new LinkedHashMap<>();
        for (Party party : List.of(Party.REP_A2, Party.REP_B1, Party.TEAM_A_SHARED, Party.TEAM_B)) {
            o.of(party).leakTokens.forEach((token, what) -> unseen.put(token, party + " " + what));
        }
        Map<String, Map<Kind, String>> entitled = new LinkedHashMap<>();
        entitled.put(Api.adminToken(), Map.of());
        for (Api.TestUser person : List.of(o.repA2, o.repB1, o.managerA, o.managerB)) {
            Map<Kind, String> own = new EnumMap<>(Kind.class);
            own.put(Kind.USER, person.id().toString());
            if (person.teamId() != null) {
                own.put(Kind.TEAM, person.teamId().toString());
            }
            entitled.put(person.token(), own);
        }
        int calls = 0;
        for (Operation op : api.operations()) {
            if (!op.method().equals("GET") || !op.inPath().isEmpty()) {
                continue;
            }
            if (op.streams()) {
                skipped.add(op.name() + ": a server-sent event stream that stays open; CheckInFeedTest checks its scope");
                continue;
            }
            for (Parameter q : op.inQuery()) {
                if (q.isUuid() ? idKind(op, q.name()) == null : q.required() && queryValue(op, q) == null) {
                    unknown.add(op.name() + " ?" + q.name());
                }
            }
            for (Attacker who : o.attackers) {
                for (Map<String, Object> query : listQueries(o, op, who.own(), who.victims())) {
                    Response response = Api.as(who.token()).queryParams(query).get(op.path());
                    calls++;
                    pairs.add(op.name() + " × " + who.name());
                    if (response.statusCode() >= 500) {
                        serverErrors.add(op.name() + " " + query + " as " + who.name() + " -> " + response.statusCode() + " " + detail(response));
                    } else if (response.statusCode() < 300) {
                        String body = response.asString();
                        List<String> shown = new ArrayList<>();
                        for (Party party : who.victims()) {
                            o.of(party).leakTokens.forEach((token, what) -> {
                                if (body.contains(token) && !query.containsValue(token)) {
                                    shown.add(party + " " + what);
                                }
                            });
                        }
                        if (!shown.isEmpty()) {
                            leaks.add(op.name() + " " + query + " as " + who.name() + " shows " + shown);
                        }
                    }
                }
            }
            entitled.forEach((token, own) -> {
                for (Map<String, Object> query : listQueries(o, op, own, EnumSet.allOf(Party.class))) {
                    Response response = Api.as(token).queryParams(query).get(op.path());
                    if (response.statusCode() < 300) {
                        String body = response.asString();
                        unseen.keySet().removeIf(body::contains);
                    }
                }
            });
        }
        System.out.println("\n== lists, exports and reports: " + calls + " calls, " + pairs.size() + " operation × caller pairs"
                + "\n   skipped: " + skipped
                + "\n   shown by no list even to the owner, their manager or the admin (so no list can leak them): " + unseen.values());
        assertEquals(List.of(), unknown, "query parameters the matrix does not know: add them to ID_FIELDS or queryValue");
        assertEquals(List.of(), serverErrors, "server errors");
        assertEquals(List.of(), leaks, "rows or fields of another scope in a list");
        assertTrue(pairs.size() > 100, "the lists were called (" + pairs.size() + " pairs)");
        assertTrue(unseen.values().stream().noneMatch(what -> what.endsWith("marker")),
                "the lists show the victims' records to the entitled, so the leak check can see them: " + unseen.values());
    }

    /**
     * The queries a list is called with: its required parameters (the caller's own ids for required
     * ids), then once aimed at each party: its ids in every id parameter, its marker as the search text.
     */
    static List<Map<String, Object>> listQueries(Organisation o, Operation op, Map<Kind, String> own, Set<Party> parties) {
        Map<String, Object> base = new LinkedHashMap<>();
        for (Parameter q : op.inQuery()) {
            Kind kind = q.isUuid() ? idKind(op, q.name()) : null;
            if (kind != null) {
                if (q.required() && own.get(kind) != null) {
                    base.put(q.name(), own.get(kind));
                }
            } else if (queryValue(op, q) != null) {
                base.put(q.name(), queryValue(op, q));
            }
        }
        List<Map<String, Object>> queries = new ArrayList<>();
        queries.add(base);
        for (Party party : parties) {
            Records records = o.of(party);
            Map<String, Object> aimed = new LinkedHashMap<>(base);
            for (Parameter q : op.inQuery()) {
                Kind kind = q.isUuid() ? idKind(op, q.name()) : null;
                if (kind != null && records.first(kind) != null) {
                    aimed.put(q.name(), records.first(kind));
                }
                if (q.name().equals("q") && records.marker != null) {
                    aimed.put("q", records.marker);
                }
            }
            if (!aimed.equals(base)) {
                queries.add(aimed);
            }
        }
        return queries;
    }

    // ---------------------------------------------------------------------------------------------
    // 2. An id in the path

    @Test
    @Order(2)
    void noOperationReachesARecordOutsideTheCallersScopeByItsIdInThePath() {
        Organisation o = org();
        OpenApi api = OpenApi.served();
        List<Operation> operations = api.operations().stream().filter(op -> !op.inPath().isEmpty())
                .sorted(Comparator.comparingInt(AuthorizationMatrixTest::destructiveness)).toList();
        List<String> unknown = new ArrayList<>();
        for (Operation op : operations) {
            for (Parameter p : op.inPath()) {
                if (pathKind(op, p.name()) == null) {
                    unknown.add(op.name() + " {" + p.name() + "}");
                }
            }
        }
        assertEquals(List.of(), unknown, "path parameters the matrix does not know: name them in PATH_PARAMETERS, with a fixture in Organisation");

        // the fixture ids name real records: the admin reads every one of them
        List<String> missing = new ArrayList<>();
        for (Operation op : operations) {
            if (!op.method().equals("GET")) {
                continue;
            }
            for (Party party : Party.values()) {
                for (String url : urls(op, o.of(party))) {
                    int status = Api.asAdmin().queryParams(requiredQuery(op)).get(url).statusCode();
                    if (status != 200) {
                        missing.add(op.name() + " " + url + " -> " + status);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "the admin reads every record the matrix aims at");

        Tally tally = new Tally("ids in the path");
        for (Operation op : operations) {
            for (Attacker who : o.attackers) {
                for (Party party : who.victims()) {
                    for (String url : urls(op, o.of(party))) {
                        Response response = send(op, who, url, requiredQuery(op), body(op, who, null, null));
                        tally.record(op, who, "on " + party + " " + url, outcome(response, null), response);
                    }
                }
            }
        }
        tally.report();
        tally.assertClean();
        assertTrue(tally.pairs.size() > 150, "the matrix covers the operations (" + tally.pairs.size() + " pairs)");
    }

    // ---------------------------------------------------------------------------------------------
    // 3. An id in the body (or the query of a write)

    @Test
    @Order(3)
    void noWriteAcceptsAnIdOutsideTheCallersScopeInItsBody() {
        Organisation o = org();
        OpenApi api = OpenApi.served();
        List<String> unknown = new ArrayList<>();
        Tally tally = new Tally("ids in the body");
        List<Operation> writes = api.operations().stream()
                .filter(op -> !op.method().equals("GET") && !op.method().equals("DELETE") && !op.path().startsWith("/api/v1/auth/"))
                .sorted(Comparator.comparingInt(AuthorizationMatrixTest::destructiveness)).toList();
        for (Operation op : writes) {
            List<Slot> slots = slots(op);
            for (Slot slot : slots) {
                if (slot.kind() == null) {
                    unknown.add(op.name() + " " + slot.where() + " " + slot.field());
                }
            }
            for (Attacker who : o.attackers) {
                String url = ownUrl(op, who);
                if (url == null) {
                    continue; // the caller has no record of that kind of their own: the path matrix covers the operation
                }
                for (Slot slot : slots) {
                    if (slot.kind() == null || slot.kind() == Kind.FRESH || slot.kind() == Kind.NONE) {
                        continue;
                    }
                    for (var aimedAt : victims(o, who, slot.kind()).entrySet()) {
                        String victim = aimedAt.getKey();
                        Map<String, Object> query = requiredQuery(op);
                        query.putAll(ownQuery(op, who));
                        Body body = body(op, who, slot, victim);
                        if (slot.where().equals("query")) {
                            query.put(slot.field(), victim);
                        }
                        Response response = send(op, who, url, query, body);
                        tally.record(op, who, slot.field() + "=" + aimedAt.getValue(), outcome(response, slot.field()), response);
                    }
                }
            }
        }
        tally.report();
        assertEquals(List.of(), unknown, "id fields the matrix does not know: name them in ID_FIELDS");
        tally.assertClean();
        assertTrue(tally.pairs.size() > 30, "the matrix covers the writes (" + tally.pairs.size() + " pairs)");
    }

    // ---------------------------------------------------------------------------------------------
    // 4. Nobody widens their own scope, and a director leaves the admins alone

    @Test
    @Order(4)
    void nobodyGainsRoleTeamsOrApprovalByChangingTheirOwnUser() {
        UUID home = Api.team("escalation-home", null);
        UUID other = Api.team("escalation-other", null);
        Api.TestUser rep = Api.user("REP", home);
        Api.TestUser manager = Api.manager(home);
        Api.TestUser director = Api.user("DIRECTOR", null, Set.of(), "en");
        Map<String, Object> account = Api.asAdmin().body(Map.of("name", Api.unique("escalation"), "teamId", home))
                .post("/api/v1/service-accounts").then().statusCode(201).extract().as(Map.class);
        String service = given().contentType("application/json")
                .body(Map.of("grantType", "client_credentials", "clientId", account.get("clientId"), "clientSecret", account.get("clientSecret")))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");

        record Self(String who, String token, String id) {
        }
        List<Self> people = List.of(new Self("rep", rep.token(), rep.id().toString()),
                new Self("manager", manager.token(), manager.id().toString()),
                new Self("director", director.token(), director.id().toString()),
                new Self("service account", service, account.get("id").toString()));
        List<Map<String, Object>> changes = List.of(Map.of("role", "ADMIN"), Map.of("role", "DIRECTOR"), Map.of("role", "MANAGER"),
                Map.of("teamId", other.toString()), Map.of("managedTeamIds", List.of(home.toString(), other.toString())),
                Map.of("financeApprover", true));
        List<String> gained = new ArrayList<>();
        for (Self self : people) {
            for (Map<String, Object> change : changes) {
                for (String path : List.of("/api/v1/users/" + self.id(), "/api/v1/me")) {
                    Map<String, Object> before = Api.asAdmin().get("/api/v1/users/" + self.id()).then().statusCode(200).extract().as(Map.class);
                    Response response = Api.as(self.token()).body(change).patch(path);
                    Map<String, Object> after = Api.asAdmin().get("/api/v1/users/" + self.id()).then().statusCode(200).extract().as(Map.class);
                    assertTrue(response.statusCode() < 500, "PATCH " + path + " " + change + " as the " + self.who() + ": " + response.statusCode());
                    String field = change.keySet().iterator().next();
                    if (response.statusCode() < 300 && gainedBy(self.who(), field, before, after)) {
                        gained.add("PATCH " + path.replace(self.id(), "{own id}") + " " + change + " as the " + self.who() + " -> "
                                + response.statusCode() + ", " + field + " " + before.get(field) + " -> " + after.get(field));
                    }
                }
            }
        }
        assertEquals(List.of(), gained, "people who widened their own scope");
    }

    @Test
    @Order(5)
    void aDirectorCannotChangeOrDeactivateAnAdmin() {
        Organisation o = org();
        o.director.as().body(Map.of("role", "DIRECTOR")).patch("/api/v1/users/" + o.adminId).then().statusCode(403);
        o.director.as().body(Map.of("displayName", "Not an admin")).patch("/api/v1/users/" + o.adminId).then().statusCode(403);
        o.director.as().post("/api/v1/users/" + o.adminId + "/deactivate").then().statusCode(403);
        Api.asAdmin().get("/api/v1/users/" + o.adminId).then().statusCode(200)
                .body("role", equalTo("ADMIN")).body("active", equalTo(true));
    }

    /**
     * Whether the change of {@code field} gave more than before. A director reaches every team
     * already: the team they are filed under gives them nothing.
     */
    static boolean gainedBy(String who, String field, Map<String, Object> before, Map<String, Object> after) {
        if (who.equals("director") && field.equals("teamId")) {
            return false;
        }
        if (field.equals("managedTeamIds")) {
            Set<Object> was = new java.util.HashSet<>(listOrEmpty(before.get(field)));
            return !was.containsAll(listOrEmpty(after.get(field)));
        }
        return !Objects.equals(before.get(field), after.get(field));
    }

    static List<?> listOrEmpty(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    // ---------------------------------------------------------------------------------------------
    // 5. A mentor is someone the manager reaches

    @Test
    @Order(6)
    void aManagerCannotNameAnotherTeamsPersonAsMentor() {
        Organisation o = org();
        String task = o.managerA.as().body(Map.of("repId", o.repA1.id(), "kind", "SKILL_TRAINING", "title", Api.unique("mentor"),
                        "goal", "需求挖掘", "dueOn", Organisation.today().plusDays(10).toString()))
                .post("/api/v1/coaching-tasks").then().statusCode(201).extract().path("id");
        List<String> accepted = new ArrayList<>();
        for (Api.TestUser outsider : List.of(o.repB1, o.managerB)) {
            String name = outsider == o.repB1 ? "rep B1" : "manager B";
            Map<String, Object> assign = Map.of("repId", o.repA1.id(), "kind", "SHADOW_VISIT", "title", Api.unique("mentor"),
                    "goal", "跟访", "dueOn", Organisation.today().plusDays(10).toString(), "mentorId", outsider.id());
            expectRefused(accepted, "POST /api/v1/coaching-tasks with " + name + " as mentor",
                    o.managerA.as().body(assign).post("/api/v1/coaching-tasks"));
            Map<String, Object> change = Map.of("title", "跟访", "goal", "跟访", "dueOn", Organisation.today().plusDays(12).toString(),
                    "mentorId", outsider.id());
            expectRefused(accepted, "PATCH /api/v1/coaching-tasks/{id} with " + name + " as mentor",
                    o.managerA.as().body(change).patch("/api/v1/coaching-tasks/" + task));
            expectRefused(accepted, "PUT /api/v1/onboarding-plans/{repId}/mentor with " + name + " as mentor",
                    o.managerA.as().body(Map.of("mentorId", outsider.id())).put("/api/v1/onboarding-plans/" + o.repA1.id() + "/mentor"));
            Api.TestUser newRep = Api.user("REP", o.teamA);
            o.managerA.as().get("/api/v1/onboarding-plans/" + newRep.id()).then().statusCode(404);
            expectRefused(accepted, "POST /api/v1/onboarding-plans with " + name + " as mentor",
                    o.managerA.as().body(Map.of("repId", newRep.id(), "mentorId", outsider.id())).post("/api/v1/onboarding-plans"));
        }
        assertEquals(List.of(), accepted, "mentors from another team were not refused");
    }

    /** Refused for the mentor: 403 or 404, or a validation problem naming mentorId. */
    static void expectRefused(List<String> accepted, String what, Response response) {
        Outcome outcome = outcome(response, "mentorId");
        if (outcome != Outcome.REFUSED && outcome != Outcome.REFUSED_ON_FIELD) {
            accepted.add(what + " -> " + response.statusCode() + (outcome == Outcome.REACHED ? "" : " " + detail(response)));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Building the calls

    /** Reads before writes, deletes last: a hole found by one call should not hide another behind a 404. */
    static int destructiveness(Operation op) {
        return switch (op.method()) {
            case "GET", "HEAD" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        };
    }

    static Kind pathKind(Operation op, String name) {
        return PATH_PARAMETERS.stream()
                .filter(p -> p.name().equals(name) && op.path().startsWith(p.prefix()))
                .max(Comparator.comparingInt(p -> p.prefix().length()))
                .map(PathParameter::kind).orElse(null);
    }

    static Kind idKind(Operation op, String field) {
        if (field.equals("parentId")) {
            return op.path().startsWith("/api/v1/targets") ? Kind.TARGET : Kind.TEAM;
        }
        return ID_FIELDS.get(field);
    }

    /** The operation's URLs aimed at the records of one party (none when the party holds no record of that kind). */
    static List<String> urls(Operation op, Records records) {
        List<Parameter> params = op.inPath();
        List<String> urls = new ArrayList<>();
        for (String first : records.of(pathKind(op, params.get(0).name()))) {
            String url = op.path().replace("{" + params.get(0).name() + "}", first);
            for (Parameter p : params.subList(1, params.size())) {
                String id = records.first(pathKind(op, p.name()));
                url = id == null ? null : url.replace("{" + p.name() + "}", id);
                if (url == null) {
                    break;
                }
            }
            if (url != null) {
                urls.add(url);
            }
        }
        return urls;
    }

    /** The operation's URL on the caller's own records; the path itself when it has no parameter; null when they have none. */
    static String ownUrl(Operation op, Attacker who) {
        String url = op.path();
        for (Parameter p : op.inPath()) {
            Kind kind = pathKind(op, p.name());
            String id = kind == null ? null : who.own().get(kind);
            if (id == null) {
                return null;
            }
            url = url.replace("{" + p.name() + "}", id);
        }
        return url;
    }

    /** Ids of {@code kind} out of the caller's reach, with whose they are; ids they may use themselves are never among them. */
    static Map<String, String> victims(Organisation o, Attacker who, Kind kind) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Party party : who.victims()) {
            for (String id : o.of(party).of(kind)) {
                if (!who.own().containsValue(id) && !id.equals(who.id().toString())) {
                    ids.putIfAbsent(id, party + "'s " + kind.name().toLowerCase() + " " + id);
                }
            }
        }
        return ids;
    }

    /** Values for the query parameters a call needs, and the ones that make lists show the most. */
    static Object queryValue(Operation op, Parameter q) {
        return switch (q.name()) {
            case "period" -> op.path().startsWith("/api/v1/commission/") ? Organisation.STATEMENT_PERIOD : Organisation.thisMonth().toString();
            case "month" -> Organisation.thisMonth().toString();
            case "lat" -> Organisation.LAT;
            case "lng" -> Organisation.LNG;
            case "limit", "radius" -> q.schema().get("maximum");
            case "groupBy" -> "REP";
            default -> null;
        };
    }

    static Map<String, Object> requiredQuery(Operation op) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (Parameter q : op.inQuery()) {
            if (q.required() && !q.isUuid()) {
                query.put(q.name(), queryValue(op, q));
            }
        }
        return query;
    }

    /** The caller's own ids for the id parameters a write requires in its query. */
    static Map<String, Object> ownQuery(Operation op, Attacker who) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (Parameter q : op.inQuery()) {
            Kind kind = q.isUuid() ? idKind(op, q.name()) : null;
            if (kind != null && q.required() && who.own().get(kind) != null) {
                query.put(q.name(), who.own().get(kind));
            }
        }
        return query;
    }

    /**
     * A place an id goes: a body field ({@code path} through objects, "*" for every element of a
     * list) or a query parameter. {@code always}: the example or the schema's required fields have
     * it; other fields are sent only when aimed at, so that one id is refused for itself and not for
     * not matching another. A team is always sent: a caller of no team (a manager) must name one.
     */
    record Slot(String where, List<String> path, boolean many, Kind kind, boolean always) {
        String field() {
            return path.get(path.size() - 1);
        }
    }

    /** The id slots of a write: in its example and schema, in a CSV body's owner column, and its id query parameters. */
    @SuppressWarnings("unchecked")
    static List<Slot> slots(Operation op) {
        List<Slot> slots = new ArrayList<>();
        List<String> types = op.bodyTypes();
        if (types.contains("application/json")) {
            collectSlots(op, op.example("application/json"), new ArrayList<>(), slots);
            Map<String, Object> schema = op.bodySchema("application/json");
            Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
            List<String> required = (List<String>) schema.getOrDefault("required", List.of());
            if (properties != null) {
                properties.forEach((field, value) -> {
                    Map<String, Object> property = op.api().resolve((Map<String, Object>) value);
                    boolean one = "uuid".equals(property.get("format"));
                    boolean many = "array".equals(property.get("type"))
                            && "uuid".equals(op.api().resolve((Map<String, Object>) property.get("items")).get("format"));
                    if ((one || many) && slots.stream().noneMatch(s -> s.path().equals(List.of(field)))) {
                        slots.add(new Slot("body", List.of(field), many, idKind(op, field), required.contains(field)));
                    }
                });
            }
        } else if (types.contains("text/csv")) {
            slots.add(new Slot("csv", List.of("owner_email"), false, idKind(op, "owner_email"), true));
        }
        if (op.inPath().isEmpty()) {
            for (Parameter q : op.inQuery()) {
                if (q.isUuid()) {
                    slots.add(new Slot("query", List.of(q.name()), false, idKind(op, q.name()), q.required()));
                }
            }
        }
        return slots;
    }

    @SuppressWarnings("unchecked")
    static void collectSlots(Operation op, Object node, List<String> at, List<Slot> slots) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((field, value) -> {
                List<String> path = new ArrayList<>(at);
                path.add(field);
                if (value instanceof String s && isUuid(s)) {
                    slots.add(new Slot("body", path, false, idKind(op, field), true));
                } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof String s && isUuid(s))) {
                    slots.add(new Slot("body", path, true, idKind(op, field), true));
                } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                    List<String> each = new ArrayList<>(path);
                    each.add("*");
                    List<Slot> inside = new ArrayList<>();
                    collectSlots(op, list.get(0), each, inside);
                    inside.stream().filter(s -> !slots.contains(s)).forEach(slots::add);
                } else {
                    collectSlots(op, value, path, slots);
                }
            });
        }
    }

    static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A request body and its media type. */
    record Body(String type, Object content) {
    }

    /**
     * The operation's example body made valid for today and for the caller: every id slot holds the
     * caller's own id, but {@code aimed} which holds {@code victim}.
     */
    Body body(Operation op, Attacker who, Slot aimed, String victim) {
        return body(org(), op, who, aimed, victim);
    }

    /** {@link #body(Operation, Attacker, Slot, String)} in the organisation {@code o}. */
    @SuppressWarnings("unchecked")
    static Body body(Organisation o, Operation op, Attacker who, Slot aimed, String victim) {
        List<String> types = op.bodyTypes();
        if (types.isEmpty()) {
            return null;
        }
        if (op.path().startsWith("/api/v1/cadence-policies/")) {
            // the policy as it is: were the change accepted, nothing would change for the other tests
            return new Body("application/json", o.cadence);
        }
        if (op.path().equals("/api/v1/reminder-settings")) {
            // the organisation's defaults as they are: a change would hold other tests' reminders in quiet hours
            Map<String, Object> current = Api.asAdmin().get(op.path()).then().statusCode(200).extract().path("$");
            Map<String, Object> same = new LinkedHashMap<>();
            for (String field : List.of("quietStart", "quietEnd", "dailyCap")) {
                same.put(field, current.get(field));
            }
            return new Body("application/json", same);
        }
        if (op.path().equals("/api/v1/onboarding/milestones")) {
            // the template as it is: other tests' onboarding plans are made from it
            List<Map<String, Object>> milestones = Api.asAdmin().get(op.path()).then().statusCode(200).extract().path("$");
            List<Map<String, Object>> same = new ArrayList<>();
            for (Map<String, Object> m : milestones) {
                same.add(Map.of("dayOffset", m.get("dayOffset"), "kind", m.get("kind"), "title", m.get("title"), "goal", m.get("goal")));
            }
            return new Body("application/json", Map.of("milestones", same));
        }
        if (types.contains("application/json")) {
            Object content = normalised(op.example("application/json"), null);
            for (Slot slot : slots(op)) {
                if (!slot.where().equals("body") || slot.kind() == null) {
                    continue;
                }
                String id = slot.equals(aimed) ? victim
                        : !slot.always() && slot.kind() != Kind.TEAM ? null
                        : slot.kind() == Kind.FRESH || slot.kind() == Kind.NONE ? UUID.randomUUID().toString()
                        : who.own().get(slot.kind());
                put(content, slot.path(), 0, id == null ? null : slot.many() ? List.of(id) : id);
            }
            if (op.name().equals("POST /api/v1/targets") && aimed != null && aimed.field().equals("userId")) {
                // the example plans a team's target; a rep's is what names a user
                ((Map<String, Object>) content).put("level", "REP");
                ((Map<String, Object>) content).remove("teamId");
            }
            return new Body("application/json", content == null ? Map.of() : content);
        }
        if (types.contains("text/csv")) {
            String owner = Objects.requireNonNullElse(o.emails.get(aimed == null ? who.own().get(Kind.USER) : victim), Api.ADMIN_EMAIL);
            String csv = String.valueOf(op.example("text/csv"));
            StringBuilder rows = new StringBuilder();
            String[] lines = csv.split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = EMAIL.matcher(lines[i]).replaceAll(owner);
                rows.append(i == 0 ? line : Api.unique("行") + line).append('\n');
            }
            return new Body("text/csv; charset=UTF-8", rows.toString());
        }
        String image = types.stream().filter(t -> t.startsWith("image/png")).findFirst().orElse(types.get(0));
        return new Body(image, Organisation.PNG);
    }

    /** A copy of an example with dates moved after today, months made this month, unique values made unique, and no version. */
    @SuppressWarnings("unchecked")
    static Object normalised(Object node, String field) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            // an example's version is stale for any real record: without it the call is not refused as a concurrent edit
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (!k.equals("version")) {
                    copy.put(k, normalised(v, k));
                }
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(v -> normalised(v, field)).toList());
        }
        if (node instanceof String s) {
            if (INSTANT.matcher(s).matches()) {
                return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            }
            if (DATE.matcher(s).matches()) {
                if (PAST_DATES.contains(field)) {
                    return Organisation.earliestToday().toString();
                }
                long shift = Math.max(0, ChronoUnit.DAYS.between(EXAMPLES_WRITTEN, Organisation.today()));
                return LocalDate.parse(s).plusDays(shift).toString();
            }
            if (MONTH.matcher(s).matches()) {
                return Organisation.thisMonth().toString();
            }
            if (field != null && UNIQUE.contains(field) && !isUuid(s)) {
                return field.equals("email") ? Api.unique(s.substring(0, s.indexOf('@'))) + "@example.com" : Api.unique(s);
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static void put(Object node, List<String> path, int at, Object value) {
        if (node instanceof List<?> list && path.get(at).equals("*")) {
            list.forEach(element -> put(element, path, at + 1, value));
            return;
        }
        if (!(node instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        String key = path.get(at);
        if (at == path.size() - 1) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        } else {
            put(map.get(key), path, at + 1, value);
        }
    }

    static Response send(Operation op, Attacker who, String url, Map<String, Object> query, Body body) {
        RequestSpecification request = given().auth().oauth2(who.token()).queryParams(query).contentType("application/json");
        if (body != null) {
            request.contentType(body.type());
            if (body.content() instanceof byte[] bytes) {
                request.body(bytes);
            } else {
                request.body(body.content());
            }
        }
        return request.request(op.method(), url);
    }

    /**
     * How the call ended. A 200 that created nothing (the per-item results of a batch, the per-row
     * report of an import) is a refusal.
     */
    static Outcome outcome(Response response, String field) {
        int status = response.statusCode();
        if (status >= 500) {
            return Outcome.SERVER_ERROR;
        }
        if (status >= 200 && status < 300) {
            return refusedInside(response, field) ? Outcome.REFUSED_ON_FIELD : Outcome.REACHED;
        }
        if (status == 403 || status == 404) {
            return Outcome.REFUSED;
        }
        if ((status == 400 || status == 422) && field != null) {
            List<String> fields = response.jsonPath().getList("errors.field");
            if (fields != null && fields.stream().anyMatch(f -> f != null && f.endsWith(field))) {
                return Outcome.REFUSED_ON_FIELD;
            }
        }
        return Outcome.NOT_PROVEN;
    }

    static boolean refusedInside(Response response, String field) {
        if (field == null || !String.valueOf(response.contentType()).startsWith("application/json")) {
            return false;
        }
        var json = response.jsonPath();
        if (json.get("results") instanceof List<?> results && json.get("failed") instanceof Integer failed) {
            return failed == results.size();
        }
        if (json.get("created") instanceof List<?> created && json.get("rows") instanceof Integer) {
            return created.isEmpty();
        }
        return false;
    }
}
