package io.canvass.notify;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs every kind's scan (follow-ups due soon and overdue, escalations, managers' digests, and
 * whatever kinds other features add). Runs in every replica: each scan inserts with
 * {@code on conflict do nothing} on the dedupe key, so replicas scanning at the same time create
 * each reminder once.
 */
@ApplicationScoped
public class ReminderScanner {

    private static final Logger LOG = Logger.getLogger(ReminderScanner.class);

    private final Pool pool;
    private final ReminderKinds kinds;
    private final ReminderMetrics metrics;

    public ReminderScanner(Pool pool, ReminderKinds kinds, ReminderMetrics metrics) {
        this.pool = pool;
        this.kinds = kinds;
        this.metrics = metrics;
    }

    @Scheduled(every = "${canvass.reminders.scan-every:1m}", delayed = "${canvass.reminders.scan-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledScan() {
        return scan().replaceWithVoid();
    }

    /** Every kind's scan, one after the other, each in its own transaction; returns how many reminders were created. */
    public Uni<Integer> scan() {
        return Multi.createFrom().iterable(kinds.all())
                .onItem().transformToUniAndConcatenate(kind -> pool.withTransaction(kind::scan)
                        .invoke(created -> metrics.created(kind.code(), created))
                        .onFailure().invoke(e -> LOG.errorf(e, "reminder scan of %s failed", kind.code()))
                        .onFailure().recoverWithItem(0))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue))
                .invoke(created -> {
                    if (created > 0) {
                        LOG.infof("%d reminders created", created);
                    }
                });
    }
}
