package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.testing.ThrowawayPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases built by earlier versions of main, with data in them, upgraded the way the app upgrades them
 * at start (Flyway over classpath:db/migration, with {@link LandedMigrationRepair} as Quarkus adds it):
 * they validate, end with the schema a new database gets, and keep their figures. Real PostgreSQL 17
 * (the embedded binaries the suite uses), one server for the class.
 */
class MigrationUpgradeTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path FIRST_LANDED = Path.of("src/test/resources/db/first-landed");

    static ThrowawayPostgres postgres;
    static int databases;
    static String reference;
    static String v17;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        postgres = ThrowawayPostgres.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    /**
     * Main at the end of 2026-11-23 (V1–V17: customers, check-ins, deals, contracts and collections, targets,
     * the visits rollup), with a rep's customers, visits, a won deal paid in part and approved targets.
     * Upgraded, every row that was there is there with the same values, and the dashboards' rollups, which
     * V20–V22 built from the records, give the records' figures.
     */
    @Test
    void aDatabaseOfAnEarlierReleaseKeepsEveryFigure() throws Exception {
        String db = copyOfV17();
        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            s.execute(data());
        }
        Map<String, String> columns = columns(db);
        Map<String, List<String>> before = read(db, columns);

        upgrade(db);

        Map<String, List<String>> after = read(db, columns);
        for (Map.Entry<String, List<String>> table : before.entrySet()) {
            if (table.getKey().startsWith("kpi_")) {
                // a rollup may gain rows (V22 adds the funnel's on the days customers were created), never lose one
                assertTrue(after.get(table.getKey()).containsAll(table.getValue()), table.getKey() + " lost rows: " + table.getValue()
                        + " → " + after.get(table.getKey()));
            } else {
                assertEquals(table.getValue(), after.get(table.getKey()), "rows of " + table.getKey() + " after the upgrade");
            }
        }
        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            s.execute("select kpi_rollup_compact()");
            assertEquals("3 2 2", one(s, "select sum(visits) || ' ' || sum(effective_visits) || ' ' || sum(new_customers)"
                    + " from kpi_rep_day where user_id = '10000000-0000-0000-0000-000000000003'"), "visits, effective visits, new customers by day");
            assertEquals("3 2 2", one(s, "select sum(visits) || ' ' || sum(effective_visits) || ' ' || sum(new_customers)"
                    + " from kpi_rep_month where user_id = '10000000-0000-0000-0000-000000000003'"), "the same by month");
            assertEquals(0, new BigDecimal("120000").compareTo(new BigDecimal(one(s,
                    "select sum(won_amount) from kpi_rep_money_month where currency = 'CNY'"))), "won amount");
            assertEquals(0, new BigDecimal("80000").compareTo(new BigDecimal(one(s,
                    "select sum(received) from kpi_rep_money_day where currency = 'CNY'"))), "payments received");
            assertEquals("2 1", one(s, "select sum(funnel_high) || ' ' || sum(funnel_won) from kpi_rep_day"), "funnel by furthest stage");
            assertEquals("CNY 100000.0000 APPROVED", one(s, "select currency || ' ' || value || ' ' || status from target"
                    + " where id = '60000000-0000-0000-0000-000000000001'"), "the rep's revenue target");
        }
        assertSameSchemaAsANewDatabase(db);
    }

    /** V1–V13 with V12 as it first landed (target.currency char(3)): the edit's column, the targets kept. */
    @Test
    void aDatabaseWithTheFirstV12UpgradesToTheCurrentSchema() throws Exception {
        String db = database();
        migrate(db, folder(13, Map.of("V12__targets_and_kpi_indexes.sql", FIRST_LANDED)), "13");
        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            s.execute(people() + targets());
            assertEquals("character", one(s, "select data_type from information_schema.columns where table_name = 'target'"
                    + " and column_name = 'currency'"));
        }

        upgrade(db);

        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            assertEquals("CNY 100000.0000", one(s, "select currency || ' ' || value from target where id = '60000000-0000-0000-0000-000000000001'"));
            assertEquals("1899387677", one(s, "select checksum from flyway_schema_history where version = '12'"));
        }
        assertSameSchemaAsANewDatabase(db);
    }

    /** V1–V22 with V22 as it first landed (day rows only): month rows built from the day rows, deltas folded into both. */
    @Test
    void aDatabaseWithTheFirstV22UpgradesToTheCurrentSchema() throws Exception {
        String db = copyOfV17();
        migrate(db, folder(22, Map.of("V22__kpi_rollup_funnel_and_proposals.sql", FIRST_LANDED)), "22");
        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            s.execute(data());
            s.execute("select kpi_rollup_compact()");
            // one visit left as a delta, as a replica would leave it between two compactions
            s.execute("insert into check_in (id, user_id, team_id, customer_id, client_time, verdict, purpose, request_hash)"
                    + " values ('40000000-0000-0000-0000-000000000009', '10000000-0000-0000-0000-000000000003',"
                    + " '00000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001', '2026-12-03 03:00Z',"
                    + " 'VERIFIED', 'SERVICE', '\\x09')");
            assertEquals(null, one(s, "select to_regclass('kpi_rep_month')"));
        }

        upgrade(db);

        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            assertEquals("1677726440", one(s, "select checksum from flyway_schema_history where version = '22'"));
            s.execute("select kpi_rollup_compact()");
            assertEquals("4 3", one(s, "select sum(visits) || ' ' || sum(effective_visits) from kpi_rep_month"), "month rows");
            assertEquals("4 3", one(s, "select sum(visits) || ' ' || sum(effective_visits) from kpi_rep_day"), "day rows");
            assertEquals("3", one(s, "select count(*) from kpi_rep_month where user_id = '10000000-0000-0000-0000-000000000003'"),
                    "one row a month: October, November, December");
        }
        assertSameSchemaAsANewDatabase(db);
    }

    /**
     * V29 landed on main (21:05 on 2026-12-07) before V28 (21:12): a database migrated in between has V29
     * without V28, which Flyway refuses as out of order. One start with out-of-order allowed applies V28
     * (src/docs/operations.md); the result is a new database's schema.
     */
    @Test
    void aDatabaseWithV29ButNotV28UpgradesOnceOutOfOrderIsAllowed() throws Exception {
        String db = copyOfV17();
        Path folder = folder(29, Map.of());
        Files.delete(folder.resolve("V28__access_links.sql"));
        migrate(db, folder, null);

        ValidateResult refused = flyway(db).load().validateWithResult();
        assertTrue(!refused.validationSuccessful && refused.getAllErrorMessages().contains("28"), refused.getAllErrorMessages());

        flyway(db).outOfOrder(true).load().migrate();
        upgrade(db);
        assertSameSchemaAsANewDatabase(db);
    }

    /** A migration whose checksum is neither the current one nor a known first landing still fails validation. */
    @Test
    void anyOtherChangedChecksumStillFailsValidation() throws Exception {
        String db = "upgrade_" + (++databases);
        postgres.createDatabase(db, reference());
        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            s.execute("update flyway_schema_history set checksum = 42 where version = '22'");
        }
        ValidateResult result = flyway(db).load().validateWithResult();
        assertTrue(!result.validationSuccessful && result.getAllErrorMessages().contains("22"), result.getAllErrorMessages());
    }

    // --- building and upgrading ---------------------------------------------------------------------------

    private static String database() {
        String name = "upgrade_" + (++databases);
        postgres.createDatabase(name);
        return name;
    }

    /** The migration files up to a version, as main had them, some taken as they first landed. */
    private Path folder(int upTo, Map<String, Path> firstLanded) throws IOException {
        Path folder = Files.createDirectory(temp.resolve("migrations-" + upTo));
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.matches("V\\d+__.*\\.sql") && MigrationChecksumsTest.version(name) <= upTo) {
                    Files.copy(firstLanded.containsKey(name) ? firstLanded.get(name).resolve(name) : file, folder.resolve(name));
                }
            }
        }
        return folder;
    }

    private static void migrate(String db, Path folder, String target) {
        FluentConfiguration configuration = Flyway.configure().dataSource(postgres.jdbcUrl(db), ThrowawayPostgres.USER,
                ThrowawayPostgres.PASSWORD).locations("filesystem:" + folder.toAbsolutePath());
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    /** The app's Flyway: its migrations, with the callback Quarkus adds through {@link LandedMigrationRepair}. */
    private static FluentConfiguration flyway(String db) {
        FluentConfiguration configuration = Flyway.configure().dataSource(postgres.jdbcUrl(db), ThrowawayPostgres.USER,
                ThrowawayPostgres.PASSWORD).locations("classpath:db/migration");
        new LandedMigrationRepair().customize(configuration);
        return configuration;
    }

    private static void upgrade(String db) {
        Flyway flyway = flyway(db).load();
        flyway.migrate();
        ValidateResult validation = flyway.validateWithResult();
        assertTrue(validation.validationSuccessful, "the upgraded database validates: " + validation.getAllErrorMessages());
    }

    // --- what is compared ------------------------------------------------------------------------------------

    /** A copy of a database migrated to V17 (main at the end of 2026-11-23), built once for the class. */
    private String copyOfV17() throws IOException {
        if (v17 == null) {
            v17 = database();
            migrate(v17, folder(17, Map.of()), "17");
        }
        String copy = "upgrade_" + (++databases);
        postgres.createDatabase(copy, v17);
        return copy;
    }

    /** A new database migrated by the app's Flyway, built once for the class. */
    private static String reference() {
        if (reference == null) {
            reference = database();
            flyway(reference).load().migrate();
        }
        return reference;
    }

    private static void assertSameSchemaAsANewDatabase(String upgraded) throws SQLException {
        TreeSet<String> expected = schema(reference());
        TreeSet<String> actual = schema(upgraded);
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertEquals("missing: [] extra: []", "missing: " + missing + " extra: " + extra, "the upgraded schema is a new database's");
    }

    /** Columns, constraints, indexes, functions and triggers of the public schema, each as one line. */
    private static TreeSet<String> schema(String db) throws SQLException {
        TreeSet<String> schema = new TreeSet<>();
        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            for (String query : List.of(
                    "select 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')"
                            + " || ' ' || is_nullable || ' ' || coalesce(column_default, '') from information_schema.columns where table_schema = 'public'",
                    "select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint"
                            + " where connamespace = 'public'::regnamespace",
                    "select 'index ' || indexdef from pg_indexes where schemaname = 'public'",
                    "select 'function ' || pg_get_functiondef(p.oid) from pg_proc p where pronamespace = 'public'::regnamespace",
                    "select 'trigger ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal")) {
                try (ResultSet r = s.executeQuery(query)) {
                    while (r.next()) {
                        schema.add(r.getString(1));
                    }
                }
            }
        }
        return schema;
    }

    /** Every table's columns (a comma-separated list) as the database has them now. */
    private static Map<String, String> columns(String db) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection c = postgres.connect(db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select table_name, string_agg(quote_ident(column_name), ', ' order by ordinal_position)"
                        + " from information_schema.columns where table_schema = 'public' and table_name <> 'flyway_schema_history'"
                        + " group by table_name order by table_name")) {
            while (r.next()) {
                columns.put(r.getString(1), r.getString(2));
            }
        }
        return columns;
    }

    /** Every table's rows, those columns of them, as text, sorted. */
    private static Map<String, List<String>> read(String db, Map<String, String> columns) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> table : columns.entrySet()) {
                List<String> values = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select row(" + table.getValue() + ")::text as t from " + table.getKey()
                        + " order by 1")) {
                    while (r.next()) {
                        values.add(r.getString(1));
                    }
                }
                rows.put(table.getKey(), values);
            }
        }
        return rows;
    }

    private static String one(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    // --- the data ----------------------------------------------------------------------------------------------

    /** A team with a manager and a rep, two customers, three visits, a won deal under contract paid in part, targets. */
    private static String data() {
        return people() + visitsAndMoney() + targets();
    }

    private static String people() {
        return """
                insert into team (id, name) values ('00000000-0000-0000-0000-000000000001', '华东一区');
                insert into app_user (id, email, display_name, role, team_id) values
                    ('10000000-0000-0000-0000-000000000002', 'manager@upgrade.test', '王经理', 'MANAGER', '00000000-0000-0000-0000-000000000001'),
                    ('10000000-0000-0000-0000-000000000003', 'rep@upgrade.test', '李销售', 'REP', '00000000-0000-0000-0000-000000000001');
                insert into customer (id, name, owner_id, team_id, grade, stage, lat, lng, created_at) values
                    ('20000000-0000-0000-0000-000000000001', '上海明远贸易', '10000000-0000-0000-0000-000000000003',
                     '00000000-0000-0000-0000-000000000001', 'A', 'WON', 31.23, 121.47, '2026-10-05 02:00Z'),
                    ('20000000-0000-0000-0000-000000000002', '杭州青禾科技', '10000000-0000-0000-0000-000000000003',
                     '00000000-0000-0000-0000-000000000001', 'B', 'HIGH_INTENT', 30.27, 120.15, '2026-11-10 02:00Z');
                """;
    }

    private static String visitsAndMoney() {
        return """
                insert into check_in (id, user_id, team_id, customer_id, client_time, lat, lng, accuracy_m, distance_m, verdict,
                                      unverified_reason, purpose, notes, request_hash) values
                    ('40000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001',
                     '20000000-0000-0000-0000-000000000001', '2026-10-06 03:00Z', 31.23, 121.47, 8, 12, 'VERIFIED', null, 'FIRST_VISIT',
                     '初次拜访', '\\x01'),
                    ('40000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001',
                     '20000000-0000-0000-0000-000000000001', '2026-11-12 03:00Z', 31.23, 121.47, 10, 20, 'VERIFIED', null, 'COLLECTION',
                     null, '\\x02'),
                    ('40000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001',
                     '20000000-0000-0000-0000-000000000002', '2026-11-12 07:00Z', 30.40, 120.15, 15, 14800, 'UNVERIFIED', 'TOO_FAR', 'DEMO',
                     null, '\\x03');
                insert into deal (id, customer_id, name, amount, currency, stage, closed_at, created_by, created_at) values
                    ('30000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001', '年度服务', 120000, 'CNY', 'WON',
                     '2026-10-20 06:00Z', '10000000-0000-0000-0000-000000000003', '2026-10-06 04:00Z');
                insert into contract (id, customer_id, deal_id, number, value, currency, starts_on, ends_on, status, renewal_state) values
                    ('50000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000001',
                     'HT-2026-001', 120000, 'CNY', '2026-11-01', '2027-10-31', 'ACTIVE', 'NONE');
                insert into instalment (id, contract_id, position, due_on, amount, currency, collected, paid_on) values
                    ('51000000-0000-0000-0000-000000000001', '50000000-0000-0000-0000-000000000001', 1, '2026-11-15', 60000, 'CNY', 60000, '2026-11-14'),
                    ('51000000-0000-0000-0000-000000000002', '50000000-0000-0000-0000-000000000001', 2, '2027-05-15', 60000, 'CNY', 20000, null);
                insert into payment (id, instalment_id, contract_id, amount, currency, received_on, reference, recorded_by) values
                    ('52000000-0000-0000-0000-000000000001', '51000000-0000-0000-0000-000000000001', '50000000-0000-0000-0000-000000000001',
                     60000, 'CNY', '2026-11-14', 'BANK-1', '10000000-0000-0000-0000-000000000003'),
                    ('52000000-0000-0000-0000-000000000002', '51000000-0000-0000-0000-000000000002', '50000000-0000-0000-0000-000000000001',
                     20000, 'CNY', '2026-11-30', 'BANK-2', '10000000-0000-0000-0000-000000000003');
                """;
    }

    private static String targets() {
        return """
                insert into target (id, period_kind, period_start, period_end, level, team_id, user_id, metric, value, currency, status) values
                    ('60000000-0000-0000-0000-000000000002', 'MONTH', '2026-11-01', '2026-12-01', 'TEAM', '00000000-0000-0000-0000-000000000001',
                     null, 'NEW_CUSTOMERS', 5, null, 'APPROVED'),
                    ('60000000-0000-0000-0000-000000000001', 'MONTH', '2026-11-01', '2026-12-01', 'REP', '00000000-0000-0000-0000-000000000001',
                     '10000000-0000-0000-0000-000000000003', 'REVENUE', 100000, 'CNY', 'APPROVED');
                """;
    }
}
