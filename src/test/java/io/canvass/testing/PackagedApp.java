package io.canvass.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app (target/quarkus-app, or the native executable after a -Pnative build) started as
 * its own process in the prod profile, configured only through environment variables as in a
 * container, with its output in target/it-logs/{name}.log. {@link #terminate()} sends SIGTERM.
 * The API listens on {@link #port}, health and metrics on {@link #managementPort} (both free ports).
 */
public final class PackagedApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int port;
    public final int managementPort;
    public final Path log;
    private final Process process;

    private PackagedApp(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** The environment a deployment gives the app for {@code database}; callers add or override entries. */
    public static Map<String, String> environment(ThrowawayPostgres postgres, String database) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", ThrowawayPostgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", ThrowawayPostgres.PASSWORD);
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", PackagedDatabase.key("dev-only-private.pem"));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", PackagedDatabase.key("dev-only-public.pem"));
        env.put("CANVASS_ADMIN_EMAIL", Api.ADMIN_EMAIL);
        env.put("CANVASS_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        env.put("CANVASS_AUTH_BCRYPT_COST", "4");
        env.put("CANVASS_FOLLOW_UPS_SWEEP_DELAY", "1h");
        env.put("CANVASS_PUSH_ENABLED", "false");
        env.put("CANVASS_WEBHOOKS_SECRET_KEY", PackagedDatabase.WEBHOOK_KEY);
        env.put("CANVASS_RATE_LIMITS_AUTH_LIMIT", "100000");
        env.put("CANVASS_RATE_LIMITS_WRITES_LIMIT", "100000");
        env.put("CANVASS_RATE_LIMITS_READS_LIMIT", "100000");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        return env;
    }

    /** Starts the app; returns at once (see {@link #awaitReady()}). */
    public static PackagedApp start(String name, Map<String, String> environment) {
        int port = ThrowawayPostgres.freePort();
        int managementPort = ThrowawayPostgres.freePort();
        Path log = Path.of("target/it-logs", name + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            return new PackagedApp(name, port, managementPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The native executable when the last build made one, otherwise the JVM build. */
    private static List<String> command() throws IOException {
        Properties artifact = new Properties();
        try (var in = Files.newInputStream(Path.of("target/quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        Path path = Path.of("target").resolve(artifact.getProperty("path"));
        if ("native".equals(artifact.getProperty("type"))) {
            return List.of(path.toAbsolutePath().toString());
        }
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.add("-Xmx256m");
        java.add("-jar");
        java.add(path.toAbsolutePath().toString());
        return java;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A path on the management interface (health, metrics, the OpenAPI document). */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    /** The readiness endpoint's status, or -1 when nothing answers. */
    public int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(managementUri("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until the app reports ready (failing with its log if it exits or takes over five minutes on a busy machine). */
    public PackagedApp awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (readiness() != 200) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " was not ready within five minutes:\n" + tail());
            }
            Thread.sleep(200);
        }
        return this;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as Kubernetes sends it. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end (up to a minute); returns whether it did. */
    public boolean awaitExit() throws InterruptedException {
        return process.waitFor(1, TimeUnit.MINUTES);
    }

    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail() {
        List<String> lines = logLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
