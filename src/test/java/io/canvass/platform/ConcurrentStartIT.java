package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.Api;
import io.canvass.testing.Http;
import io.canvass.testing.PackagedApp;
import io.canvass.testing.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged app started together against one empty database, as a Deployment
 * rolls out its first replicas: each migration is applied exactly once and in order (Flyway locks
 * per migration, so which replica applies which one is not promised and not asserted), the first
 * admin is created once, and both serve.
 */
class ConcurrentStartIT {

    @Test
    void twoReplicasStartingOnOneEmptyDatabaseMigrateItOnce() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start().createDatabase("canvass")) {
            Map<String, String> env = PackagedApp.environment(postgres, "canvass");
            try (PackagedApp a = PackagedApp.start("concurrent-start-a", env);
                    PackagedApp b = PackagedApp.start("concurrent-start-b", env)) {
                a.awaitReady();
                b.awaitReady();

                List<String> migrations = migrationVersions();
                try (Connection db = postgres.connect("canvass"); Statement s = db.createStatement()) {
                    List<String> applied = new ArrayList<>();
                    try (ResultSet r = s.executeQuery(
                            "select version, success from flyway_schema_history where version is not null order by installed_rank")) {
                        while (r.next()) {
                            assertTrue(r.getBoolean(2), "migration " + r.getString(1) + " failed");
                            applied.add(r.getString(1));
                        }
                    }
                    assertEquals(migrations, applied, "every migration applied exactly once, in order");
                    try (ResultSet r = s.executeQuery("select count(*) from app_user where role = 'ADMIN'")) {
                        r.next();
                        assertEquals(1, r.getInt(1), "one first admin, not one per replica");
                    }
                }
                for (PackagedApp app : List.of(a, b)) {
                    Http.expect(200, Http.post(app.uri("/api/v1/auth/login"), null,
                            Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD)).build());
                }
            }
        }
    }

    /** V1, V2, … as Flyway records them, from the migration files. */
    static List<String> migrationVersions() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .sorted((x, y) -> Integer.compare(Integer.parseInt(x), Integer.parseInt(y)))
                    .toList();
        }
    }
}
