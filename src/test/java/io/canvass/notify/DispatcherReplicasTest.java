package io.canvass.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several dispatchers on separate connections against one database, as replicas would run: each
 * reminder is delivered exactly once, and one held by a dispatcher that died is delivered by another
 * after its lease, without a second inbox entry.
 */
@QuarkusTest
class DispatcherReplicasTest {

    @Inject
    Reminders reminders;

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    Vertx vertx;

    Pool replicaA;
    Pool replicaB;

    @BeforeEach
    void connect() {
        var config = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class)
                        .replace("vertx-reactive:", ""))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
        replicaA = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(4));
        replicaB = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(4));
    }

    @AfterEach
    void disconnect() {
        replicaA.closeAndAwait();
        replicaB.closeAndAwait();
    }

    record Setup(List<UUID> reminderIds, List<TestPushService.Device> devices) {
    }

    private Setup due(int users, int perUser) {
        UUID team = Api.team("replicas", null);
        List<UUID> ids = new ArrayList<>();
        List<TestPushService.Device> devices = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Api.TestUser rep = Api.user("REP", team);
            devices.add(Reminders.subscribe(rep, "phone " + u));
            reminders.execute("insert into notification_preference (user_id, daily_cap) values ($1, 200)", rep.id());
            for (int i = 0; i < perUser; i++) {
                ids.add(reminders.schedule(rep.id(), "PUSH_TEST", Map.of()));
            }
        }
        return new Setup(ids, devices);
    }

    /** Dispatches with one replica's connections until it finds nothing due. */
    private Uni<Integer> drain(Pool replica, int total) {
        return dispatcher.dispatchBatch(replica).chain(n -> n == 0 ? Uni.createFrom().item(total) : drain(replica, total + n));
    }

    @Test
    void twoReplicasDeliverEveryReminderExactlyOnce() {
        Setup setup = due(12, 40); // 480 reminders, more than two batches each

        List<Integer> claimed = Uni.join().all(drain(replicaA, 0), drain(replicaB, 0)).andFailFast()
                .await().atMost(Duration.ofMinutes(3));
        UUID[] ids = setup.reminderIds().toArray(UUID[]::new);
        assertEquals(0, reminders.count("select count(*) from reminder where id = any($1) and state = 'PENDING'", (Object) ids),
                () -> "every reminder done in one pass; waiting: " + reminders.one(
                        "select string_agg(coalesce(outcome, '-'), ', ') from reminder where id = any($1) and state = 'PENDING'", (Object) ids)
                        .getString(0));

        assertTrue(claimed.get(0) + claimed.get(1) >= ids.length, "all claimed: " + claimed);
        for (UUID id : setup.reminderIds()) {
            assertEquals("SENT", reminders.state(id), () -> "outcome: " + reminders.reminder(id).getString("outcome"));
        }
        assertEquals(ids.length, reminders.count("select count(*) from notification where reminder_id = any($1)", (Object) ids));
        assertEquals(ids.length, reminders.count("select count(*) from push_delivery where reminder_id = any($1)", (Object) ids));
        Set<Object> pushed = new HashSet<>();
        int pushes = 0;
        for (TestPushService.Device device : setup.devices()) {
            for (TestPushService.Received r : List.copyOf(device.received)) {
                pushed.add(r.payload().get("id"));
                pushes++;
            }
        }
        assertEquals(ids.length, pushes, "no reminder pushed twice");
        assertEquals(ids.length, pushed.size(), "every reminder pushed");
    }

    @Test
    void twoReplicasGroupEachEscalationOnceAndDeliverEachImportantOneOnce() {
        UUID team = Api.team("replicas", null);
        Api.TestUser zhang = Api.user("REP", team);
        Api.TestUser li = Api.user("REP", team);
        List<Api.TestUser> managers = new ArrayList<>();
        List<UUID> escalations = new ArrayList<>();
        List<UUID> important = new ArrayList<>();
        List<TestPushService.Device> devices = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            Api.TestUser manager = Api.user("MANAGER", null, Set.of(team), "en");
            managers.add(manager);
            devices.add(Reminders.subscribe(manager, "manager phone " + m));
            for (int i = 0; i < 30; i++) {
                Api.TestUser rep = i % 2 == 0 ? zhang : li;
                escalations.add(reminders.schedule(manager.id(), "FOLLOW_UP_ESCALATION",
                        Map.of("customer", "Customer " + i, "rep", i % 2 == 0 ? "Zhang San" : "Li Si", "repId", rep.id().toString(),
                                "dueOn", "2026-12-01"),
                        java.time.Instant.now().minusSeconds(3600 + i), "/customers/" + UUID.randomUUID()));
            }
            important.add(reminders.schedule(manager.id(), "COLLECTION_ESCALATION",
                    Map.of("customer", "Acme", "amount", "CNY 1.00", "contract", "C-1", "rep", "Zhang San", "dueOn", "2026-11-01")));
            important.add(reminders.schedule(manager.id(), "RENEWAL_ESCALATION",
                    Map.of("customer", "Globex", "contract", "C-2", "rep", "Li Si", "endsOn", "2027-01-15")));
        }

        Uni.join().all(drain(replicaA, 0), drain(replicaB, 0)).andFailFast().await().atMost(Duration.ofMinutes(3));

        UUID[] ids = important.toArray(UUID[]::new);
        assertEquals(ids.length, reminders.count("select count(*) from reminder where id = any($1) and state = 'SENT'", (Object) ids));
        assertEquals(ids.length, reminders.count("select count(*) from notification where reminder_id = any($1)", (Object) ids));
        // Escalations about one rep claimed in one batch go as one message; one that a replica's batch held
        // alone goes on its own (src/docs/reminders.md): either way each is told exactly once.
        UUID[] escalated = escalations.toArray(UUID[]::new);
        assertEquals(escalated.length, reminders.count(
                "select count(*) from reminder where id = any($1) and (state = 'GROUPED' or state = 'SENT')", (Object) escalated),
                "every escalation went in a group or on its own");
        assertTrue(reminders.count("select count(*) from reminder where id = any($1) and state = 'GROUPED'", (Object) escalated)
                > escalated.length / 2, "most escalations went in groups");
        for (Api.TestUser manager : managers) {
            assertEquals(30, reminders.count("""
                    select coalesce(sum(case when kind = 'FOLLOW_UP_ESCALATIONS' then (args ->> 'count')::int else 1 end), 0)
                    from reminder
                    where user_id = $1 and kind in ('FOLLOW_UP_ESCALATIONS', 'FOLLOW_UP_ESCALATION') and state = 'SENT'""", manager.id()),
                    "the messages a manager got tell of each escalation exactly once");
            assertEquals(reminders.count("select count(*) from reminder where user_id = $1 and kind = 'FOLLOW_UP_ESCALATIONS'", manager.id()),
                    reminders.count("select count(*) from notification where user_id = $1 and kind = 'FOLLOW_UP_ESCALATIONS'", manager.id()),
                    "one inbox message per group");
        }
        Set<Object> pushed = new HashSet<>();
        int pushes = 0;
        for (TestPushService.Device device : devices) {
            for (TestPushService.Received r : List.copyOf(device.received)) {
                pushed.add(r.payload().get("id"));
                pushes++;
            }
        }
        assertEquals(pushed.size(), pushes, "no message pushed twice");
        assertEquals(reminders.count("select count(*) from notification where user_id = any($1)",
                (Object) managers.stream().map(Api.TestUser::id).toArray(UUID[]::new)), pushes, "every message pushed once");
    }

    @Test
    void aBatchHeldByADeadReplicaIsDeliveredByAnotherAfterItsLeaseAndOnlyOnce() {
        Setup setup = due(3, 5);
        UUID[] ids = setup.reminderIds().toArray(UUID[]::new);

        // replica A claims everything due and dies before delivering any of it
        UUID deadClaim = UUID.randomUUID();
        List<ReminderDispatcher.Claimed> held = dispatcher.claim(replicaA, deadClaim, Duration.ofMinutes(10)).await().atMost(Duration.ofSeconds(30));
        Set<UUID> heldIds = new HashSet<>();
        held.forEach(c -> heldIds.add(c.id()));
        assertTrue(heldIds.containsAll(setup.reminderIds()), "replica A holds the batch");

        // while the lease holds, replica B leaves them alone
        drain(replicaB, 0).await().atMost(Duration.ofMinutes(1));
        for (UUID id : ids) {
            assertEquals("PENDING", reminders.state(id));
        }

        // the lease runs out (as if ten minutes had passed): replica B delivers them
        reminders.execute("update reminder set lease_until = now() - interval '1 second' where claimed_by = $1", deadClaim);
        drain(replicaB, 0).await().atMost(Duration.ofMinutes(1));
        for (UUID id : ids) {
            assertEquals("SENT", reminders.state(id));
        }

        // replica A was only stalled, and finishes its old batch late: its completion changes nothing
        List<ReminderDispatcher.Claimed> ours = held.stream().filter(c -> setup.reminderIds().contains(c.id())).toList();
        dispatcher.deliver(replicaA, deadClaim, ours).await().atMost(Duration.ofMinutes(1));

        assertEquals(ids.length, reminders.count("select count(*) from notification where reminder_id = any($1)", (Object) ids),
                "one inbox entry per reminder");
        assertEquals(ids.length, reminders.count("select count(*) from reminder where id = any($1) and state = 'SENT' and claimed_by is null", (Object) ids));
        for (TestPushService.Device device : setup.devices()) {
            for (UUID id : ids) {
                List<TestPushService.Received> got = Reminders.receivedFor(device, id);
                assertTrue(got.size() <= 2, "at most the late replica's repeat");
                if (got.size() == 2) {
                    assertEquals(got.get(0).headers().get("topic"), got.get(1).headers().get("topic"),
                            "a repeat carries the same Topic, so the push service and the device show it once");
                }
            }
        }
    }
}
