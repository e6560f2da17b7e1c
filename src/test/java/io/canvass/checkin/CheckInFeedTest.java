package io.canvass.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live feed, fed through PostgreSQL so that any replica's check-ins reach every replica's listeners. */
@QuarkusTest
class CheckInFeedTest {

    @TestHTTPResource("/api/v1/checkins/stream")
    URI stream;

    @Inject
    Pool pool;

    /** Collects "id: …" lines of the event stream on a background thread. */
    private BlockingQueue<String> listen(String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        BlockingQueue<String> ids = new LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("id:"))
                .forEach(line -> ids.add(line.substring(3).trim())));
        reader.setDaemon(true);
        reader.start();
        return ids;
    }

    private static final String INSERT = """
            insert into check_in (id, user_id, team_id, customer_id, client_time, verdict, unverified_reason, purpose, request_hash)
            values ($1, $2, $3, $4, now(), 'UNVERIFIED', 'NO_POSITION', 'OTHER', '\\x00') returning seq""";

    /** A check-in written by "another replica": its own connection, its own transaction, its own NOTIFY. */
    private long insertElsewhere(Api.TestUser rep, String customerId) {
        UUID id = UUID.randomUUID();
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT)
                .execute(Tuple.of(id, rep.id(), rep.teamId(), UUID.fromString(customerId)))
                .call(() -> tx.preparedQuery("select pg_notify('" + CheckInFeed.CHANNEL + "', $1)").execute(Tuple.of(id.toString())))
                .map(rows -> rows.iterator().next().getLong(0)))
                .await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void managersSeeTheirTeamsCheckInsLiveFromAnyReplicaAndResumeWithoutGaps() throws Exception {
        java.util.UUID team = Api.team("feed", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        Api.TestUser stranger = Api.user("REP", Api.team("other-feed", null));
        String customer = CheckInTest.customer(rep, 31.23, 121.47);
        String strangersCustomer = CheckInTest.customer(stranger, 31.23, 121.47);

        BlockingQueue<String> events = listen(manager.token(), null);
        Thread.sleep(500);

        Map<String, Object> body = CheckInTest.checkIn(customer, 31.23, 121.47, 10, 1);
        long viaApi = ((Number) rep.as().body(body).post("/api/v1/checkins").then().statusCode(201).extract().path("seq")).longValue();
        assertEquals(Long.toString(viaApi), events.poll(10, TimeUnit.SECONDS), "the API's check-in arrives live");

        long elsewhere = insertElsewhere(rep, customer);
        assertEquals(Long.toString(elsewhere), events.poll(10, TimeUnit.SECONDS), "a check-in committed by another connection arrives live");

        stranger.as().body(CheckInTest.checkIn(strangersCustomer, 31.23, 121.47, 10, 1)).post("/api/v1/checkins").then().statusCode(201);
        long later = insertElsewhere(rep, customer);
        assertEquals(Long.toString(later), events.poll(10, TimeUnit.SECONDS), "another team's check-in is not in this manager's feed");

        BlockingQueue<String> resumed = listen(manager.token(), Long.toString(viaApi));
        assertEquals(Long.toString(elsewhere), resumed.poll(10, TimeUnit.SECONDS), "a reconnect replays what was missed");
        assertEquals(Long.toString(later), resumed.poll(10, TimeUnit.SECONDS));
        assertTrue(resumed.poll(1, TimeUnit.SECONDS) == null, "and nothing twice or out of scope");
    }

    @Test
    void aCheckInThatCommitsAfterALaterOneIsNotLostOnResume() throws Exception {
        UUID team = Api.team("feed-late-commit", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String customer = CheckInTest.customer(rep, 31.23, 121.47);

        SqlConnection slow = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            Transaction tx = slow.begin().await().atMost(Duration.ofSeconds(5));
            long early = slow.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), rep.id(), rep.teamId(), UUID.fromString(customer)))
                    .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
            // the same rep, the same day: the second write does not wait for the first (the KPI rollup only appends)
            long late = insertElsewhere(rep, customer);
            assertTrue(early < late);
            tx.commit().await().atMost(Duration.ofSeconds(5));

            BlockingQueue<String> resumed = listen(manager.token(), Long.toString(late));
            assertEquals(Long.toString(early), resumed.poll(10, TimeUnit.SECONDS),
                    "the client saw the later check-in before the earlier one committed; the reconnect brings it");
            // Check-ins written around the resume point may come again (clients recognise them by id): nothing else may.
            String more = resumed.poll(1, TimeUnit.SECONDS);
            assertTrue(more == null || more.equals(Long.toString(late)), "after the earlier check-in came " + more);
        } finally {
            slow.close().await().atMost(Duration.ofSeconds(5));
        }
    }

    @Test
    void aLongAbsenceIsReplayedWhole() throws Exception {
        UUID team = Api.team("feed-absence", null);
        Api.TestUser manager = Api.manager(team);
        Api.TestUser rep = Api.user("REP", team);
        String customer = CheckInTest.customer(rep, 31.23, 121.47);
        long seen = insertElsewhere(rep, customer);
        int missed = CheckInFeed.PAGE * 2 + 7;
        pool.preparedQuery("""
                        insert into check_in (id, user_id, team_id, customer_id, client_time, verdict, unverified_reason, purpose, request_hash)
                        select gen_random_uuid(), $1, $2, $3, now(), 'UNVERIFIED', 'NO_POSITION', 'OTHER', '\\x00' from generate_series(1, $4)""")
                .execute(Tuple.of(rep.id(), rep.teamId(), UUID.fromString(customer), missed)).await().atMost(Duration.ofSeconds(10));

        BlockingQueue<String> resumed = listen(manager.token(), Long.toString(seen));
        long previous = seen;
        for (int i = 0; i < missed; i++) {
            String id = resumed.poll(10, TimeUnit.SECONDS);
            assertNotNull(id, "check-in " + (i + 1) + " of " + missed + " arrives");
            assertTrue(Long.parseLong(id) > previous, "in order");
            previous = Long.parseLong(id);
        }
        long live = insertElsewhere(rep, customer);
        assertEquals(Long.toString(live), resumed.poll(10, TimeUnit.SECONDS), "then the live feed goes on");
    }

    @Test
    void repsCannotWatchTheFeed() {
        Api.TestUser rep = Api.user("REP", Api.team("feed", null));
        rep.as().accept("text/event-stream").get("/api/v1/checkins/stream").then().statusCode(403);
    }

    @Test
    void headOnTheStreamAnswersAtOnceAndLeavesTheConnectionUsable() throws Exception {
        Api.TestUser manager = Api.manager(Api.team(Api.unique("feed"), null));
        try (java.net.Socket socket = new java.net.Socket(stream.getHost(), stream.getPort())) {
            socket.setSoTimeout(15_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
            String host = "Host: " + stream.getHost() + ":" + stream.getPort() + "\r\n";
            String auth = "Authorization: Bearer " + manager.token() + "\r\n";
            out.write(("HEAD /api/v1/checkins/stream HTTP/1.1\r\n" + host + auth + "Accept: text/event-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            assertTrue(in.readLine().startsWith("HTTP/1.1 200"), "HEAD is answered");
            for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                // headers only: a HEAD answer has no body
            }
            out.write(("GET /api/v1/me HTTP/1.1\r\n" + host + auth + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            assertEquals("HTTP/1.1 200 OK", in.readLine(), "the next request on the same connection is answered");
        }
    }
}
