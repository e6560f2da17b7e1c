package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's quick start works as written: its run command (read from README.md, so the two cannot drift)
 * starts the app with the demo organisation, a demo rep signs in and sees the agenda, the web app's service
 * worker takes over and the app reloads offline; a second start keeps the data (same customers, no second
 * demo seeding). Each run is stopped with its whole process tree, within bounded time.
 *
 * <p>The command uses the default ports. Where they are taken, run it elsewhere with QUARKUS_HTTP_PORT,
 * QUARKUS_MANAGEMENT_PORT, QUARKUS_QUINOA_DEV_SERVER_PORT and _DEV_QUARKUS_EMBEDDED_POSTGRESQL_PORT in the
 * environment; the dev-mode app reads them, the command stays the README's.
 */
class QuickStartIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(45);
    private static final String DEMO_SEEDED = "Created the demo organisation";
    private static final String ANALYTICS_PROMPT = "Help improve Quarkus";

    private final Path project = Path.of(System.getProperty("user.dir"));

    @Test
    void theReadmeQuickStartRunsTheAppWithTheDemoAndKeepsItsDataAcrossRestarts() throws Exception {
        String command = readmeRunCommand(Files.readString(project.resolve("README.md")));
        Map<String, Integer> ports = ports();
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            assertPortFree(port.getKey(), port.getValue());
        }
        int http = ports.get("QUARKUS_HTTP_PORT");

        Run first = Run.start(project, command, project.resolve("target/quickstart-run-1.log"));
        String customers;
        try {
            first.awaitServing(http);
            String logins = first.output();
            assertFalse(logins.contains(ANALYTICS_PROMPT), "dev mode starts without asking about build analytics");
            String rep = demoRep(logins);
            customers = signInAndCheck(http, rep, true);
        } finally {
            first.stop();
        }
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            awaitPortFree(port.getKey(), port.getValue());
        }

        Run second = Run.start(project, command, project.resolve("target/quickstart-run-2.log"));
        try {
            second.awaitServing(http);
            assertFalse(second.output().contains(DEMO_SEEDED), "the second start finds the demo data and does not seed again");
            assertEquals(customers, signInAndCheck(http, demoRep(second.output()), false),
                    "the second start serves the customers of the first");
        } finally {
            second.stop();
        }
    }

    /** The README's command that runs the app: the quick start's shell block, the line with quarkus:dev, without its comment. */
    static String readmeRunCommand(String readme) {
        int section = readme.indexOf("## Quick start");
        assertTrue(section >= 0, "README.md has a Quick start section");
        int block = readme.indexOf("```sh\n", section);
        int end = readme.indexOf("```", block + 6);
        assertTrue(block > 0 && end > block, "the Quick start has a ```sh block");
        for (String line : readme.substring(block + 6, end).split("\n")) {
            String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (code.contains("quarkus:dev")) {
                return code.strip();
            }
        }
        throw new AssertionError("the Quick start's shell block has no quarkus:dev command");
    }

    private static Map<String, Integer> ports() {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("QUARKUS_HTTP_PORT", envPort("QUARKUS_HTTP_PORT", 8080));
        ports.put("QUARKUS_MANAGEMENT_PORT", envPort("QUARKUS_MANAGEMENT_PORT", 9000));
        ports.put("QUARKUS_QUINOA_DEV_SERVER_PORT", envPort("QUARKUS_QUINOA_DEV_SERVER_PORT", 5173));
        ports.put("_DEV_QUARKUS_EMBEDDED_POSTGRESQL_PORT", envPort("_DEV_QUARKUS_EMBEDDED_POSTGRESQL_PORT", 55431));
        return ports;
    }

    private static int envPort(String name, int readmeDefault) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? readmeDefault : Integer.parseInt(value.strip());
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void assertPortFree(String variable, int port) {
        if (!portFree(port)) {
            fail("Port " + port + " is taken, and README.md's quick start needs it (is `./mvnw quarkus:dev` already running?)."
                    + " Stop what holds it, or run this test with " + variable + " set to a free port.");
        }
    }

    private static void awaitPortFree(String variable, int port) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(20);
        while (!portFree(port)) {
            if (Instant.now().isAfter(until)) {
                fail("Port " + port + " (" + variable + ") is still held after the first run stopped");
            }
            Thread.sleep(200);
        }
    }

    /** A rep from the demo logins the app printed at start. */
    private static String demoRep(String output) {
        Matcher rep = Pattern.compile("REP\\s+(\\S+@demo\\.canvass\\.io)").matcher(output);
        assertTrue(rep.find(), "dev mode prints the demo logins");
        return rep.group(1);
    }

    /**
     * Signs the rep in through the login screen, sees the agenda, and (first run) checks the service worker and
     * an offline reload; returns the ids of the rep's first customers, which a re-seeded database would not repeat.
     */
    private static String signInAndCheck(int port, String rep, boolean offlineCheck) {
        String base = "http://localhost:" + port;
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(base).setViewportSize(390, 844).setHasTouch(true).setLocale("en-US"))) {
            context.setDefaultTimeout(30_000);
            Page page = context.newPage();
            page.navigate("/");
            page.locator("#email").fill(rep);
            page.locator("#password").fill("canvass-demo");
            page.locator("form button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile("/today$"));
            assertThat(page.getByRole(AriaRole.NAVIGATION)).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();

            if (offlineCheck) {
                // dev mode registers the web app's service worker too; once it controls the page, an offline reload opens the app
                page.waitForFunction("() => navigator.serviceWorker.controller !== null");
                page.reload();
                assertThat(page.getByRole(AriaRole.NAVIGATION)).isVisible();
                context.setOffline(true);
                context.route("**/*", route -> {
                    if (BrowserTest.fromServiceWorker(route.request())) {
                        route.abort("internetdisconnected");
                    } else {
                        route.resume();
                    }
                });
                page.reload();
                assertThat(page.getByRole(AriaRole.NAVIGATION)).isVisible();
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
                context.unrouteAll();
                context.setOffline(false);
            }

            APIResponse login = context.request().post(base + "/api/v1/auth/login", RequestOptions.create()
                    .setHeader("Content-Type", "application/json")
                    .setData(Map.of("email", rep, "password", "canvass-demo")));
            assertEquals(200, login.status(), login.text());
            Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(login.text());
            assertTrue(token.find(), "sign-in answers with an access token");
            APIResponse customers = context.request().get(base + "/api/v1/customers?limit=5", RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + token.group(1)));
            assertEquals(200, customers.status(), customers.text());
            List<String> ids = new ArrayList<>();
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(customers.text());
            while (id.find()) {
                ids.add(id.group(1));
            }
            assertFalse(ids.isEmpty(), "the demo rep has customers");
            return String.join(",", ids);
        }
    }

    /** One run of the command, its output in a file, stopped with every process it started. */
    private static final class Run {

        private final Process process;
        private final Path log;

        private Run(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Run start(Path project, String command, Path log) throws IOException {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            // as on a developer's machine: Quarkus skips its analytics question on CI, and this run checks it is not asked
            Map<String, String> env = new HashMap<>(builder.environment());
            env.remove("CI");
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            // should this JVM end first, it takes the run with it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }));
            return new Run(process, log);
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void awaitServing(int port) throws InterruptedException {
            Instant until = Instant.now().plus(START_LIMIT);
            while (Instant.now().isBefore(until)) {
                if (!process.isAlive()) {
                    fail("`./mvnw quarkus:dev` ended (exit " + process.exitValue() + ") before serving; see " + log);
                }
                if (serves(port) && output().contains("Demo logins")) {
                    return;
                }
                Thread.sleep(1_000);
            }
            fail("`./mvnw quarkus:dev` did not serve http://localhost:" + port + " within " + START_LIMIT + "; see " + log);
        }

        private static boolean serves(int port) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + "/").toURL().openConnection();
                connection.setConnectTimeout(1_000);
                connection.setReadTimeout(5_000);
                try {
                    return connection.getResponseCode() == 200;
                } finally {
                    connection.disconnect();
                }
            } catch (IOException notYet) {
                return false;
            }
        }

        /**
         * SIGTERM to every process of the run (Maven, the dev-mode JVM, which stops its PostgreSQL, Node), then
         * SIGKILL to whatever still runs after the limit; fails if anything is left.
         */
        void stop() throws InterruptedException {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            for (ProcessHandle handle : tree) {
                if (handle.info().command().map(c -> c.endsWith("java")).orElse(false)) {
                    handle.destroy();
                }
            }
            process.toHandle().destroy();
            Instant until = Instant.now().plus(STOP_LIMIT);
            while (Instant.now().isBefore(until) && tree.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(250);
            }
            List<String> left = tree.stream().filter(ProcessHandle::isAlive)
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList();
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            Instant killed = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(killed) && tree.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                    "the run's processes have ended");
            assertEquals(List.of(), left, "every process of the run stops on SIGTERM within " + STOP_LIMIT);
        }
    }
}
