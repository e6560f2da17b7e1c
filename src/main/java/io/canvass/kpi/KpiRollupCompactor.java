package io.canvass.kpi;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds the daily rollups' deltas into their day rows ({@code kpi_rollup_compact()}, one replica at
 * a time), so that dashboards read a few rows per rep and day. Readers add the deltas not yet
 * folded, so how often this runs changes only how many rows they read.
 */
@ApplicationScoped
public class KpiRollupCompactor {

    static final String COMPACT = "select kpi_rollup_compact()";

    private final Pool pool;

    public KpiRollupCompactor(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "${canvass.kpi.compact-every:10s}", delayed = "${canvass.kpi.compact-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledCompact() {
        return compact().replaceWithVoid();
    }

    /** Folds what this transaction sees; returns the day rows changed (0 while another replica folds). */
    public Uni<Integer> compact() {
        return pool.withTransaction(tx -> tx.preparedQuery(COMPACT).execute())
                .map(rows -> rows.iterator().next().getInteger(0));
    }
}
