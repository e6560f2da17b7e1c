package io.canvass.ratelimit;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * How many replicas are running, so each takes its share of the limits: every replica heartbeats
 * into {@code app_replica} and counts those seen within the TTL. Until the first count, and if the
 * database cannot be reached, the last known count stands.
 */
@ApplicationScoped
public class Replicas {

    private static final Logger LOG = Logger.getLogger(Replicas.class);

    static final String BEAT = """
            with beat as (
                insert into app_replica (id, seen_at) values ($1, now())
                on conflict (id) do update set seen_at = now()
            ), gone as (
                delete from app_replica where seen_at < now() - interval '1 hour'
            )
            select count(*) + 1 from app_replica where seen_at > now() - make_interval(secs => $2) and id <> $1""";

    static final String LEAVE = "delete from app_replica where id = $1";

    static final String FORGET_BUCKETS = "delete from rate_bucket where updated_at < now() - interval '1 day'";

    final UUID id = UUID.randomUUID();
    private final AtomicInteger live = new AtomicInteger(1);

    @Inject
    Pool pool;

    @Inject
    RateLimitConfig config;

    void onStart(@Observes StartupEvent event) {
        beat().subscribe().with(v -> { }, failure -> LOG.warnf("First replica heartbeat failed: %s", failure.getMessage()));
    }

    /** Live replicas, this one included. */
    public int live() {
        return live.get();
    }

    @Scheduled(every = "${canvass.rate-limits.heartbeat-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        return beat().onFailure().recoverWithUni(failure -> {
            LOG.debugf("Replica heartbeat failed: %s", failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    Uni<Void> beat() {
        return pool.preparedQuery(BEAT).execute(Tuple.of(id, (double) config.replicaTtl().toSeconds()))
                .invoke(rows -> live.set(Math.max(1, rows.iterator().next().getLong(0).intValue())))
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "15m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetBuckets() {
        return pool.query(FORGET_BUCKETS).execute().replaceWithVoid();
    }

    /** Leaves at shutdown so the others take over the share at once. */
    void onStop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        pool.preparedQuery(LEAVE).execute(Tuple.of(id)).subscribe().with(v -> { }, failure -> { });
    }
}
