package io.canvass.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL 17 server for tests of the packaged app (the same embedded binaries dev mode and
 * @QuarkusTest use), on a free loopback port, with databases owned by a role like production's.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    public static final String USER = "canvass";
    public static final String PASSWORD = "canvass-it-password";

    private final EmbeddedPostgres server;

    private ThrowawayPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static ThrowawayPostgres start() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(freePort()).setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200").start();
            ThrowawayPostgres pg = new ThrowawayPostgres(server);
            pg.admin("create role " + USER + " login password '" + PASSWORD + "'");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty database owned by {@link #USER}. */
    public ThrowawayPostgres createDatabase(String name) {
        admin("create database " + name + " owner " + USER);
        return this;
    }

    /** A copy of another database (none may be connected to it), owned by {@link #USER}. */
    public ThrowawayPostgres createDatabase(String name, String template) {
        admin("create database " + name + " template " + template + " owner " + USER);
        return this;
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** A connection to the database as {@link #USER}, for assertions on what the app wrote. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    private void admin(String sql) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
