package io.canvass.platform;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Two migrations were edited after they had landed on main: V12 (target currency char(3) → varchar(3))
 * and V22 (KPI month rows). A database migrated with the first version of either records that version's
 * checksum, and Flyway's validation refuses to upgrade it. Before Flyway validates, this callback finds
 * such a database by the checksum it recorded (only the known first versions, nothing else), applies what
 * the edit added ({@code db/landed/V12.sql}, {@code db/landed/V22.sql}) and records the current checksum,
 * in one transaction. Any other checksum mismatch still fails validation, as it should.
 * See src/docs/operations.md.
 */
@Singleton
public class LandedMigrationRepair implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(LandedMigrationRepair.class);

    /** The callback's name, as Flyway's configuration lists it. */
    public static final String CALLBACK_NAME = "canvass-landed-migration-repair";

    /** A migration edited after it landed: the Flyway checksum it landed with, the current one, and the difference. */
    record EditedMigration(String version, int landedChecksum, int currentChecksum, String repairScript) {
    }

    static final List<EditedMigration> EDITED = List.of(
            new EditedMigration("12", 996556734, 1899387677, "db/landed/V12.sql"),
            new EditedMigration("22", -1206664124, 1677726440, "db/landed/V22.sql"));

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] callbacks = Stream.concat(Arrays.stream(configuration.getCallbacks()), Stream.of(new RepairCallback()))
                .toArray(Callback[]::new);
        configuration.callbacks(callbacks);
    }

    static final class RepairCallback implements Callback {

        /**
         * Before validation only, on Flyway's own connection: the app validates on every migrate (Flyway's
         * default), and a callback on a migrate event would take one more connection than the JDBC pool has.
         */
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public String getCallbackName() {
            return CALLBACK_NAME;
        }

        @Override
        public void handle(Event event, Context context) {
            Connection connection = context.getConnection();
            try {
                String history = historyTable(connection, context);
                if (history == null) {
                    return;
                }
                boolean autoCommit = connection.getAutoCommit();
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
                try {
                    repair(connection, history);
                    if (autoCommit) {
                        connection.commit();
                    }
                } catch (SQLException | RuntimeException e) {
                    if (autoCommit) {
                        connection.rollback();
                    }
                    throw e;
                } finally {
                    if (autoCommit) {
                        connection.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                throw new FlywayException("Could not bring a migration edited after it landed up to date: " + e.getMessage(), e);
            }
        }

        /** The schema history table, quoted and qualified, or null where there is none yet (an empty database). */
        private static String historyTable(Connection connection, Context context) throws SQLException {
            var configuration = context.getConfiguration();
            String schema = configuration.getDefaultSchema();
            if (schema == null && configuration.getSchemas().length > 0) {
                schema = configuration.getSchemas()[0];
            }
            if (schema == null) {
                try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("select current_schema()")) {
                    r.next();
                    schema = r.getString(1);
                }
            }
            String table = quote(schema) + "." + quote(configuration.getTable());
            try (PreparedStatement s = connection.prepareStatement("select to_regclass(?) is not null")) {
                s.setString(1, table);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getBoolean(1) ? table : null;
                }
            }
        }

        /** Concurrent starts (several replicas) take turns; the second finds the checksums already current. */
        private static void repair(Connection connection, String history) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("select pg_advisory_xact_lock(hashtext('canvass_landed_migration_repair'))");
            }
            for (EditedMigration migration : EDITED) {
                if (!recordedWithLandedChecksum(connection, history, migration)) {
                    continue;
                }
                LOG.infof("Migration V%s was applied in the version that first landed (checksum %d): applying what its edit added",
                        migration.version(), migration.landedChecksum());
                try (Statement s = connection.createStatement()) {
                    s.execute(script(migration.repairScript()));
                }
                try (PreparedStatement s = connection.prepareStatement(
                        "update " + history + " set checksum = ? where version = ? and checksum = ?")) {
                    s.setInt(1, migration.currentChecksum());
                    s.setString(2, migration.version());
                    s.setInt(3, migration.landedChecksum());
                    s.executeUpdate();
                }
            }
        }

        private static boolean recordedWithLandedChecksum(Connection connection, String history, EditedMigration migration)
                throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(
                    "select 1 from " + history + " where version = ? and checksum = ? and success for update")) {
                s.setString(1, migration.version());
                s.setInt(2, migration.landedChecksum());
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        }

        private static String script(String resource) {
            try (InputStream in = LandedMigrationRepair.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String quote(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }
    }
}
