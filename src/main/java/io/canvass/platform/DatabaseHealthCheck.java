package io.canvass.platform;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers, asked over a connection of its own: a burst that fills the
 * requests' pool and its queue does not make the replica look down (which would pull it out of
 * the Service and move the burst to the next one).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements AsyncHealthCheck {

    static final String NAME = "database";

    @Inject
    DatabasePool pools;

    @Inject
    DatabaseConfig config;

    private volatile Pool connection;

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().deferred(() -> connection().query("select 1").execute())
                .ifNoItem().after(config.readinessTimeout()).fail()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", failure.getClass().getSimpleName()).build());
    }

    private Pool connection() {
        if (connection == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = Pool.newInstance(pools.separateConnection());
                }
            }
        }
        return connection;
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            connection.closeAndForget();
        }
    }
}
