package io.canvass.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.notify.Reminders;
import io.canvass.platform.AuthorizationMatrixTest.Body;
import io.canvass.platform.Organisation.Attacker;
import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.canvass.testing.OpenApi;
import io.canvass.testing.OpenApi.Operation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every write is safe to send again, generated from the served OpenAPI document: each POST, PUT,
 * PATCH and DELETE under /api/v1 is sent with an Idempotency-Key as the first of the callers who may
 * make it (with its example body, made valid for today, on that caller's own records), then sent
 * again with the same key: the second answer is the first one (status, Location, ETag, body, marked
 * {@code Idempotent-Replayed}) and the database is not written to again; the same key with another
 * request is refused (422). A write that failed is not kept: sent again with its key, it runs again.
 */
@QuarkusTest
class ReplaySafetyTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    /** Writes that change who may call: made after all the others, so the callers keep their tokens. */
    static final List<String> IDENTITY = List.of("/api/v1/users", "/api/v1/me", "/api/v1/service-accounts", "/api/v1/teams");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    Reminders reminders;

    @Test
    void everyWriteDeclaresTheIdempotencyKeyItHonours() {
        List<String> undeclared = writes(OpenApi.served()).stream()
                .filter(op -> !op.parameters().stream().anyMatch(p -> p.in().equals("header") && p.name().equals(Idempotency.HEADER)))
                .map(Operation::name)
                .toList();
        assertEquals(List.of(), undeclared, "writes without the Idempotency-Key header parameter in the OpenAPI document");
    }

    @Test
    void everyResourceWithWritesGoesThroughTheOneMechanism() throws Exception {
        Path classes = Path.of(ReplaySafe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> outside = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                boolean writes = Arrays.stream(type.getDeclaredMethods()).anyMatch(ReplaySafeInterceptor::isWrite);
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class) && writes && !type.isAnnotationPresent(ReplaySafe.class)) {
                    outside.add(type.getName());
                }
            }
        }
        assertEquals(List.of(), outside, "resources with writes that are not @ReplaySafe");
    }

    @Test
    void everyWriteSentAgainWithItsKeyIsAppliedOnceAndAnsweredAsTheFirstTime() {
        // a period of its own: the authorisation matrix's organisation closes the usual one
        Organisation o = new Organisation(pool, reminders, "2001-05");
        List<Attacker> callers = new ArrayList<>(List.of(o.attackers.get(0), o.attackers.get(1), o.attackers.get(4)));
        callers.add(new Attacker("admin", UUID.fromString(o.adminId), Api.adminToken(), Set.of(), o.attackers.get(1).own()));
        callers.add(o.attackers.get(3));
        List<Operation> writes = writes(OpenApi.served()).stream()
                .filter(op -> !op.path().startsWith("/api/v1/auth/"))
                .sorted(Comparator.comparingInt(ReplaySafetyTest::order))
                .toList();
        Set<String> proven = new TreeSet<>();
        Map<String, String> notApplied = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        for (Operation op : writes) {
            List<String> tried = new ArrayList<>();
            for (Attacker who : callers) {
                String url = AuthorizationMatrixTest.ownUrl(op, who);
                if (url == null) {
                    continue;
                }
                Map<String, Object> query = AuthorizationMatrixTest.requiredQuery(op);
                query.putAll(AuthorizationMatrixTest.ownQuery(op, who));
                Body body = AuthorizationMatrixTest.body(o, op, who, null, null);
                String key = UUID.randomUUID().toString();
                Response first = send(op, who, url, query, body, key);
                if (first.statusCode() >= 200 && first.statusCode() < 300) {
                    checkReplay(op, who, url, query, body, key, first, broken);
                    proven.add(op.name());
                    break;
                }
                tried.add(who.name() + " " + first.statusCode() + " " + first.asString().substring(0, Math.min(240, first.asString().length())));
                Response again = send(op, who, url, query, body, key);
                if (again.statusCode() != first.statusCode() || again.getHeader(Idempotency.REPLAYED) != null) {
                    broken.add(op.name() + " as " + who.name() + ": failed with " + first.statusCode()
                            + ", sent again with its key answered " + again.statusCode() + " " + again.getHeader(Idempotency.REPLAYED));
                }
            }
            if (!proven.contains(op.name())) {
                notApplied.put(op.name(), String.join(", ", tried));
            }
        }
        System.out.printf("%n== writes replayed (%d): %s%n== writes no caller could make with their example (%d):%n", proven.size(), proven,
                notApplied.size());
        notApplied.forEach((op, why) -> System.out.println("   " + op + ": " + why));
        assertEquals(List.of(), broken, "writes whose replay is not the first answer, or that were applied again");
        // what phones queue in their outbox and what integrators create, at least (the rest need a state the
        // organisation's records are not in: a second budget of the month, a plan already decided, ...)
        Set<String> named = Set.of("POST /api/v1/deals", "POST /api/v1/customers", "POST /api/v1/contracts", "POST /api/v1/checkins",
                "POST /api/v1/expense-claims", "POST /api/v1/expense-claims/{id}/receipts", "POST /api/v1/expense-pre-approvals",
                "POST /api/v1/expense-pre-approvals/{id}/approve", "POST /api/v1/coaching-tasks", "POST /api/v1/coaching-tasks/{id}/notes",
                "POST /api/v1/service-accounts", "POST /api/v1/contracts/{id}/renewal/decision", "PATCH /api/v1/targets/{id}");
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(proven);
        assertEquals(Set.of(), missing, "writes the test must replay");
        assertTrue(proven.size() >= 40, "the test replays most writes (" + proven.size() + " of " + writes.size() + ")");
    }

    private void checkReplay(Operation op, Attacker who, String url, Map<String, Object> query, Body body, String key, Response first,
                             List<String> broken) {
        String name = op.name() + " as " + who.name();
        long baseline = writesDuring(() -> given().auth().oauth2(who.token()).get("/api/v1/notifications/unread-count"));
        Response[] again = new Response[1];
        long written = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && written > baseline; attempt++) {
            written = writesDuring(() -> again[0] = send(op, who, url, query, body, key));
        }
        Response replay = again[0];
        if (replay.statusCode() != first.statusCode()) {
            broken.add(name + ": answered " + first.statusCode() + ", then " + replay.statusCode() + " " + replay.asString());
            return;
        }
        if (!"true".equals(replay.getHeader(Idempotency.REPLAYED))) {
            broken.add(name + ": the second answer is not marked " + Idempotency.REPLAYED);
        }
        for (String header : List.of("Location", "ETag")) {
            if (!Objects.equals(first.getHeader(header), replay.getHeader(header))) {
                broken.add(name + ": " + header + " " + first.getHeader(header) + ", then " + replay.getHeader(header));
            }
        }
        if (!sameBody(first.asString(), replay.asString())) {
            broken.add(name + ": body " + first.asString() + ", then " + replay.asString());
        }
        if (written > baseline) {
            broken.add(name + ": sent again, it wrote to the database (" + written + " transactions, a read takes " + baseline + ")");
        }
        Response other = sendOther(op, who, url, query, body, key);
        if (other.statusCode() != 422 || !"https://canvass.io/problems/unprocessable".equals(other.jsonPath().getString("type"))) {
            broken.add(name + ": the same key with another request answered " + other.statusCode() + " " + other.asString());
        }
    }

    /** Writes the organisation's records are in no state for: a budget and a target of a new team, a renewal being weighed. */
    @Test
    void budgetsTargetsAndRenewalNotesSentAgainAreAppliedOnce() {
        UUID team = Api.team("replay", null);
        String month = Organisation.thisMonth().toString();
        Api.TestUser director = Api.user("DIRECTOR", null, Set.of(), "en");
        Map<String, Object> budget = Map.of("teamId", team, "category", "MARKETING_EVENTS", "month", month, "amount", "20000.00", "currency", "CNY");
        String budgetId = twice(director, "POST", "/api/v1/expense-budgets", budget).path("id");
        director.as().queryParam("teamId", team).queryParam("from", month).queryParam("to", month).get("/api/v1/expense-budgets")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(budgetId));

        Map<String, Object> target = Map.of("period", month, "level", "TEAM", "teamId", team, "metric", "EFFECTIVE_VISITS", "value", 40);
        String targetId = twice(director, "POST", "/api/v1/targets", target).path("id");
        director.as().get("/api/v1/targets/" + targetId).then().statusCode(200);

        Money.Team t = Money.team();
        String contract = Money.activeContract(t.rep(), Money.customer(t.rep()), LocalDate.now(Organisation.SHANGHAI).plusDays(50));
        twice(t.rep(), "POST", "/api/v1/contracts/" + contract + "/renewal/notes", Map.of("note", "客户在比价"));
        List<String> kinds = t.rep().as().get("/api/v1/contracts/" + contract).then().statusCode(200).extract().path("events.kind");
        assertEquals(1, kinds.stream().filter("RENEWAL_NOTE"::equals).count(), "one renewal note in " + kinds);
    }

    /** Sends a write twice with one key: the second answer is the first; returns it. */
    static Response twice(Api.TestUser who, String method, String url, Object body) {
        String key = UUID.randomUUID().toString();
        Response first = who.as().header(Idempotency.HEADER, key).body(body).request(method, url);
        assertTrue(first.statusCode() >= 200 && first.statusCode() < 300, method + " " + url + ": " + first.asString());
        Response again = who.as().header(Idempotency.HEADER, key).body(body).request(method, url);
        assertEquals(first.statusCode(), again.statusCode(), method + " " + url + " sent again: " + again.asString());
        assertEquals("true", again.getHeader(Idempotency.REPLAYED));
        assertEquals(first.getHeader("Location"), again.getHeader("Location"));
        assertEquals(first.getHeader("ETag"), again.getHeader("ETag"));
        assertTrue(sameBody(first.asString(), again.asString()), first.asString() + " then " + again.asString());
        return first;
    }

    // ---------------------------------------------------------------------------------------------
    // A crash between the effect and the key, and a request still running

    @Test
    void aWriteWhoseKeyCannotBeRecordedIsNotAppliedAndItsKeyIsFreeAtOnce() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        String key = "crash-" + UUID.randomUUID();
        Map<String, Object> deal = Map.of("customerId", customer, "name", "二期产线改造", "amount", "860000.00", "currency", "CNY",
                "expectedCloseOn", LocalDate.now().plusDays(60).toString());
        execute("""
                create function refuse_crash_keys() returns trigger language plpgsql as $$
                begin raise exception 'the database went away' using errcode = '08006'; end $$""");
        execute("""
                create trigger refuse_crash_keys before insert on idempotency_key for each row
                when (new.key like 'crash-%') execute function refuse_crash_keys()""");
        try {
            int status = t.rep().as().header(Idempotency.HEADER, key).body(deal).post("/api/v1/deals").statusCode();
            assertTrue(status >= 500, "recording the key failed, so the write fails (" + status + ")");
            t.rep().as().queryParam("customerId", customer).get("/api/v1/deals").then().statusCode(200)
                    .body("items.size()", equalTo(0));
        } finally {
            execute("drop trigger refuse_crash_keys on idempotency_key");
            execute("drop function refuse_crash_keys()");
        }
        String id = t.rep().as().header(Idempotency.HEADER, key).body(deal).post("/api/v1/deals").then().statusCode(201)
                .extract().path("id");
        t.rep().as().header(Idempotency.HEADER, key).body(deal).post("/api/v1/deals").then().statusCode(201)
                .header(Idempotency.REPLAYED, "true").body("id", equalTo(id));
        t.rep().as().queryParam("customerId", customer).get("/api/v1/deals").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void aWriteThatFailsLeavesItsKeyFreeAtOnce() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        String key = UUID.randomUUID().toString();
        Map<String, Object> tooPrecise = Map.of("customerId", customer, "name", "二期", "amount", "1.001", "currency", "CNY");
        t.rep().as().header(Idempotency.HEADER, key).body(tooPrecise).post("/api/v1/deals").then().statusCode(400);
        Map<String, Object> fixed = Map.of("customerId", customer, "name", "二期", "amount", "1.00", "currency", "CNY");
        t.rep().as().header(Idempotency.HEADER, key).body(fixed).post("/api/v1/deals").then().statusCode(201)
                .header(Idempotency.REPLAYED, (String) null);
    }

    /** The same for a write answered after its own commit: nothing of the key is kept when the write fails. */
    @Test
    void anExpenseClaimThatFailsLeavesItsKeyFreeAtOnce() {
        Money.Team t = Money.team();
        String key = UUID.randomUUID().toString();
        Map<String, Object> claim = new LinkedHashMap<>(Map.of("spentOn", LocalDate.now(Organisation.SHANGHAI).toString(), "category", "TRAVEL",
                "amount", "386.50", "currency", "CNY", "description", "客户拜访差旅"));
        claim.put("customerId", UUID.randomUUID().toString());
        int refused = t.rep().as().header(Idempotency.HEADER, key).body(claim).post("/api/v1/expense-claims").statusCode();
        assertTrue(refused == 400 || refused == 404, "a claim for no customer is refused (" + refused + ")");
        claim.remove("customerId");
        String id = t.rep().as().header(Idempotency.HEADER, key).body(claim).post("/api/v1/expense-claims").then().statusCode(201)
                .header(Idempotency.REPLAYED, (String) null).extract().path("id");
        t.rep().as().header(Idempotency.HEADER, key).body(claim).post("/api/v1/expense-claims").then().statusCode(201)
                .header(Idempotency.REPLAYED, "true").body("id", equalTo(id));
    }

    @Test
    void aRetryWhileTheFirstIsStillRunningIsToldToComeBackNotRefused() {
        Money.Team t = Money.team();
        String customer = Money.customer(t.rep());
        String key = UUID.randomUUID().toString();
        Map<String, Object> deal = Map.of("customerId", customer, "name", "二期", "amount", "1.00", "currency", "CNY");
        // As if the first request held the key on another replica when its retry arrives.
        SqlConnection held = pool.getConnection().await().atMost(WAIT);
        try {
            held.query("begin").execute().await().atMost(WAIT);
            held.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))").execute(Tuple.of(t.rep().id() + " " + key))
                    .await().atMost(WAIT);
            t.rep().as().header(Idempotency.HEADER, key).body(deal).post("/api/v1/deals").then()
                    .statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://canvass.io/problems/in-progress"))
                    .header("Retry-After", "2");
        } finally {
            held.query("rollback").execute().await().atMost(WAIT);
            held.close().await().atMost(WAIT);
        }
        t.rep().as().header(Idempotency.HEADER, key).body(deal).post("/api/v1/deals").then().statusCode(201);
        t.rep().as().queryParam("customerId", customer).get("/api/v1/deals").then().body("items.size()", equalTo(1));
    }

    @Test
    void keysBelongToTheirCaller() {
        Money.Team t = Money.team();
        Api.TestUser other = Api.user("REP", t.teamId());
        String key = UUID.randomUUID().toString();
        String mine = Money.customer(t.rep());
        String theirs = Money.customer(other);
        t.rep().as().header(Idempotency.HEADER, key).body(Map.of("customerId", mine, "name", "一期", "amount", "1.00", "currency", "CNY"))
                .post("/api/v1/deals").then().statusCode(201);
        String id = other.as().header(Idempotency.HEADER, key)
                .body(Map.of("customerId", theirs, "name", "一期", "amount", "1.00", "currency", "CNY"))
                .post("/api/v1/deals").then().statusCode(201).header(Idempotency.REPLAYED, (String) null).extract().path("id");
        assertNotEquals(null, id);
    }

    // ---------------------------------------------------------------------------------------------

    static List<Operation> writes(OpenApi api) {
        return api.operations().stream()
                .filter(op -> Set.of("POST", "PUT", "PATCH", "DELETE").contains(op.method()))
                .filter(op -> !op.streams())
                .filter(op -> !(op.spec().get("security") instanceof List<?> security && security.isEmpty()))
                .toList();
    }

    /** Writes before deletes; what changes who may call after everything else. */
    static int order(Operation op) {
        boolean identity = IDENTITY.stream().anyMatch(op.path()::startsWith);
        return (identity ? 2 : 0) + (op.method().equals("DELETE") ? 1 : 0);
    }

    static Response send(Operation op, Attacker who, String url, Map<String, Object> query, Body body, String key) {
        RequestSpecification request = given().auth().oauth2(who.token()).queryParams(query).contentType("application/json")
                .header(Idempotency.HEADER, key);
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

    /** The same write with another request: a changed text field of the body, or else another query. */
    @SuppressWarnings("unchecked")
    static Response sendOther(Operation op, Attacker who, String url, Map<String, Object> query, Body body, String key) {
        if (body != null && body.content() instanceof Map<?, ?> content) {
            Map<String, Object> properties = (Map<String, Object>) op.bodySchema("application/json").get("properties");
            for (var field : ((Map<String, Object>) content).entrySet()) {
                Map<String, Object> schema = properties == null ? null : op.api().resolve((Map<String, Object>) properties.get(field.getKey()));
                if (field.getValue() instanceof String text && schema != null && "string".equals(schema.get("type"))
                        && schema.get("format") == null && schema.get("enum") == null && schema.get("pattern") == null && !text.isEmpty()) {
                    Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) content);
                    changed.put(field.getKey(), text.substring(0, text.length() - 1) + (text.endsWith("x") ? "y" : "x"));
                    return send(op, who, url, query, new Body(body.type(), changed), key);
                }
            }
        }
        Map<String, Object> other = new LinkedHashMap<>(query);
        other.put("sent", "again");
        return send(op, who, url, other, body, key);
    }

    /** Fields that hold a secret shown once: a replayed answer comes without them. */
    static final Set<String> SECRETS = Set.of("token", "path", "secret", "clientSecret", "accessToken", "refreshToken");

    /** The replay is the first answer, but for the secrets it never repeats. */
    static boolean sameBody(String first, String replay) {
        if (first.isEmpty() || replay.isEmpty()) {
            return first.equals(replay);
        }
        try {
            JsonNode a = JSON.readTree(first);
            JsonNode b = JSON.readTree(replay);
            return !repeatsASecret(b) && withoutSecrets(a).equals(withoutSecrets(b));
        } catch (java.io.IOException e) {
            return first.equals(replay);
        }
    }

    static JsonNode withoutSecrets(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    static void strip(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove(SECRETS);
        }
        node.forEach(ReplaySafetyTest::strip);
    }

    static boolean repeatsASecret(JsonNode node) {
        for (String secret : SECRETS) {
            for (JsonNode value : node.findValues(secret)) {
                if (!value.isNull() && !(secret.equals("path") && !value.asText().contains("token"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many transactions wrote to the database while {@code action} ran (each measurement writes once). */
    long writesDuring(Supplier<?> action) {
        long before = xid();
        action.get();
        return xid() - before;
    }

    long xid() {
        return pool.query("select pg_current_xact_id()::text::bigint").execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    void execute(String sql) {
        pool.query(sql).execute().await().atMost(WAIT);
    }
}
