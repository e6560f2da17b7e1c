package io.canvass.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts Canvass. In production, first checks that the database is configured and reachable, so
 * a missing or wrong setting ends start-up with one line that says what to set, not a wall of
 * stack traces.
 */
@QuarkusMain
public class CanvassMain {

    static final String HOW_TO = "set QUARKUS_DATASOURCE_REACTIVE_URL (postgresql://host:5432/db), "
            + "QUARKUS_DATASOURCE_JDBC_URL (jdbc:postgresql://host:5432/db), QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD";

    public static void main(String... args) {
        if (!embeddedDatabase()) {
            Config config = ConfigProvider.getConfig();
            Optional<String> problem = keyProblem(config).or(() -> pushProblem(config)).or(() -> databaseProblem(config));
            if (problem.isPresent()) {
                // Logging is configured by Quarkus.run, which has not happened yet: stderr is the log here.
                System.err.println("ERROR " + problem.get());
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    /**
     * Dev mode and tests run with the embedded PostgreSQL extension and their own keys; the
     * packaged application never carries that extension (it is a provided dependency), so its
     * absence marks a real deployment. (The launch mode is not yet known when main runs.)
     */
    static boolean embeddedDatabase() {
        return CanvassMain.class.getClassLoader()
                .getResource("io/quarkiverse/embedded/postgresql/EmbeddedPostgreSQLConfigSource.class") != null;
    }

    /** Tokens cannot be issued or checked without the key pair. */
    static Optional<String> keyProblem(Config config) {
        boolean sign = config.getOptionalValue("smallrye.jwt.sign.key.location", String.class).isPresent()
                || config.getOptionalValue("smallrye.jwt.sign.key", String.class).isPresent();
        boolean verify = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent();
        if (sign && verify) {
            return Optional.empty();
        }
        return Optional.of("Canvass cannot start: no token key pair is configured; set SMALLRYE_JWT_SIGN_KEY_LOCATION "
                + "(private key, PEM) and MP_JWT_VERIFY_PUBLICKEY_LOCATION (public key, PEM, or a JWKS URL)");
    }

    /** Web Push needs its VAPID key pair unless it is switched off. */
    static Optional<String> pushProblem(Config config) {
        boolean enabled = config.getOptionalValue("canvass.push.enabled", Boolean.class).orElse(true);
        boolean keys = config.getOptionalValue("canvass.push.vapid-public-key", String.class).isPresent()
                && config.getOptionalValue("canvass.push.vapid-private-key", String.class).isPresent();
        if (!enabled || keys) {
            return Optional.empty();
        }
        return Optional.of("Canvass cannot start: Web Push is enabled but has no VAPID key pair; set CANVASS_PUSH_VAPID_PUBLIC_KEY and "
                + "CANVASS_PUSH_VAPID_PRIVATE_KEY (see README, Configuration), or CANVASS_PUSH_ENABLED=false for the in-app inbox only");
    }

    /** What is wrong with the database settings, if anything, after waiting a little for it to come up. */
    static Optional<String> databaseProblem(Config config) {
        Optional<String> reactive = config.getOptionalValue("quarkus.datasource.reactive.url", String.class);
        Optional<String> jdbc = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class);
        if (reactive.isEmpty() || jdbc.isEmpty()) {
            return Optional.of("Canvass cannot start: no database is configured; " + HOW_TO);
        }
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        Duration wait = config.getOptionalValue("canvass.startup.database-wait", Duration.class).orElse(Duration.ofSeconds(30));
        Instant deadline = Instant.now().plus(wait);
        DriverManager.setLoginTimeout(5);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(jdbc.get(), user, password)) {
                return Optional.empty();
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline) || "28P01".equals(e.getSQLState()) || "3D000".equals(e.getSQLState())) {
                    return Optional.of("Canvass cannot start: the database at " + jdbc.get() + " is not usable ("
                            + e.getMessage().lines().findFirst().orElse("") + "); " + HOW_TO);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
