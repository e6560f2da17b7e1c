package io.canvass.notify;

import static io.restassured.RestAssured.given;

import io.canvass.testing.Api;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test support: reminders scheduled through the public service entry point, dispatched on demand, and their rows read back. */
@ApplicationScoped
public class Reminders {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    ReminderService service;

    @Inject
    ReminderDispatcher dispatcher;

    /** A reminder due now (or at {@code dueAt}) for the user; returns its id. */
    public UUID schedule(UUID userId, String kind, Map<String, ?> args, Instant dueAt) {
        return schedule(userId, kind, args, dueAt, "/today");
    }

    public UUID schedule(UUID userId, String kind, Map<String, ?> args, Instant dueAt, String link) {
        String key = "test:" + UUID.randomUUID();
        boolean created = service.schedule(pool, new ReminderService.Reminder(userId, kind, key, dueAt, link, args, null))
                .await().atMost(WAIT);
        if (!created) {
            throw new AssertionError("reminder not created");
        }
        return one("select id from reminder where user_id = $1 and dedupe_key = $2", userId, key).getUUID(0);
    }

    public UUID schedule(UUID userId, String kind, Map<String, ?> args) {
        return schedule(userId, kind, args, Instant.now());
    }

    /** Dispatches batches until nothing is due (the scheduled dispatcher is off in tests). */
    public void dispatchAll() {
        for (int i = 0; i < 1000; i++) {
            if (dispatcher.dispatchBatch().await().atMost(WAIT) == 0) {
                return;
            }
        }
        throw new AssertionError("reminders kept coming");
    }

    public Row reminder(UUID id) {
        return one("select state, deliver_at, attempts, outcome, sent_at, lease_until from reminder where id = $1", id);
    }

    public String state(UUID id) {
        return reminder(id).getString("state");
    }

    /** Makes a reminder that waits (retry, quiet hours) due now, as if its time had come. */
    public void makeDue(UUID id) {
        pool.preparedQuery("update reminder set deliver_at = now() where id = $1").execute(Tuple.of(id)).await().atMost(WAIT);
    }

    public long count(String sql, Object... params) {
        return one(sql, params).getLong(0);
    }

    public Row one(String sql, Object... params) {
        Tuple tuple = Tuple.tuple();
        for (Object p : params) {
            tuple.addValue(p);
        }
        var rows = pool.preparedQuery(sql).execute(tuple).await().atMost(WAIT);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + ", got " + rows.size());
        }
        return rows.iterator().next();
    }

    public void execute(String sql, Object... params) {
        Tuple tuple = Tuple.tuple();
        for (Object p : params) {
            tuple.addValue(p);
        }
        pool.preparedQuery(sql).execute(tuple).await().atMost(WAIT);
    }

    /** A device subscribed through the API for the user. */
    public static TestPushService.Device subscribe(Api.TestUser user, String label) {
        TestPushService push = TestPushService.get().expectingKey(given().auth().oauth2(user.token())
                .get("/api/v1/push/vapid-public-key").then().statusCode(200).extract().path("publicKey"));
        TestPushService.Device device = push.device();
        user.as().body(device.subscription(label)).post("/api/v1/push/subscriptions").then().statusCode(201);
        return device;
    }

    /** The payloads a device received for one reminder. */
    public static List<TestPushService.Received> receivedFor(TestPushService.Device device, UUID reminderId) {
        synchronized (device.received) {
            return device.received.stream().filter(r -> reminderId.toString().equals(r.payload().get("id"))).toList();
        }
    }
}
