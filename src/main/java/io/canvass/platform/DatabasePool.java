package io.canvass.platform;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the application's connection pool (used by Hibernate Reactive and the SQL client alike) with
 * a bounded wait: see {@link DatabaseConfig}. It also builds, on request, a pool of one connection
 * to the same database that no request ever uses, for readiness.
 */
@Singleton
public class DatabasePool implements PgPoolCreator {

    @Inject
    DatabaseConfig config;

    private volatile Vertx vertx;
    private volatile List<SqlConnectOptions> database;

    @Override
    public Pool create(Input input) {
        vertx = input.vertx();
        database = List.copyOf(input.pgConnectOptionsList());
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setConnectionTimeout((int) config.acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(config.waitQueue());
        return PgBuilder.pool().with(options).connectingTo(database).using(vertx).build();
    }

    /** A pool of one connection to the same database, apart from the requests' pool. */
    Pool separateConnection() {
        if (database == null) {
            throw new IllegalStateException("The application's pool has not been created yet");
        }
        PoolOptions options = new PoolOptions().setMaxSize(1).setName("canvass-readiness")
                .setConnectionTimeout((int) config.readinessTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgBuilder.pool().with(options).connectingTo(database).using(vertx).build();
    }
}
