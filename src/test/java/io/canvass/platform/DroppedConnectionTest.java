package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL drops the app's connections while requests are running on them (a failover, an
 * administrator, a network cut): each of those requests is answered 503 with Retry-After, never
 * 500, and the app serves the next ones on new connections.
 */
@QuarkusTest
class DroppedConnectionTest {

    static final String DROP_THE_APPS_CONNECTIONS = """
            select count(pg_terminate_backend(pid)) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'""";

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.embedded.postgresql.port")
    int port;

    @Test
    void requestsWhoseConnectionIsDroppedAreAnswered503AndTheNextOnesServed() throws Exception {
        Api.TestUser rep = Api.user("REP", Api.team("dropped", null));
        String customer = Money.customer(rep);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 8; i++) {
                    boolean read = i % 2 == 0;
                    answers.add(callers.submit(() -> read
                            ? rep.as().get("/api/v1/customers/" + customer)
                            : rep.as().body(Map.of("name", Api.unique("dropped"), "grade", "B")).post("/api/v1/customers")));
                }
                dropTheAppsConnections();
            }
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                if (r.statusCode() == 503) {
                    assertEquals("application/problem+json", r.contentType());
                    assertTrue(r.header("Retry-After") != null, "503 says when to come back");
                } else {
                    assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.asString());
                }
            }
        } finally {
            callers.shutdown();
        }
        rep.as().get("/api/v1/customers/" + customer).then().statusCode(200);
    }

    private void dropTheAppsConnections() {
        PgConnectOptions options = new PgConnectOptions().setHost("localhost").setPort(port).setDatabase("postgres")
                .setUser("postgres").setPassword("postgres");
        PgConnection connection = PgConnection.connect(vertx, options).await().atMost(Duration.ofSeconds(10));
        try {
            connection.query(DROP_THE_APPS_CONNECTIONS).execute().await().atMost(Duration.ofSeconds(10));
        } finally {
            connection.closeAndAwait();
        }
    }
}
