package io.canvass.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Verifies a received message with the npm standardwebhooks reference library (node src/test/webhook-verify/verify.mjs). */
final class StandardWebhooksVerifier {

    private static final File DIR = new File("src/test/webhook-verify");

    private StandardWebhooksVerifier() {
    }

    /** The event id the library read from the verified body, or null when it refused the signature. */
    static synchronized String verify(String secret, Receiver.Received message) throws IOException, InterruptedException {
        if (!new File(DIR, "node_modules/standardwebhooks").isDirectory()) {
            installLibrary();
        }
        String input = new ObjectMapper().writeValueAsString(Map.of("secret", secret, "headers", message.headers(), "body", message.body()));
        Process node = new ProcessBuilder("node", "verify.mjs").directory(DIR).redirectErrorStream(false).start();
        node.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError("node did not finish");
        }
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (node.exitValue() == 0 && !out.startsWith("verified ")) {
            throw new AssertionError("unexpected output from verify.mjs: " + out + " " + err);
        }
        return node.exitValue() == 0 ? out.substring("verified ".length()).trim() : null;
    }

    /**
     * npm ci, its output in a log file: a child sharing the test JVM's standard streams would write
     * into (and set non-blocking) the channel the build tool talks to the test JVM through.
     */
    private static void installLibrary() throws IOException, InterruptedException {
        File log = new File("target/webhook-verify-npm-ci.log");
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR)
                .redirectErrorStream(true).redirectOutput(log).start();
        p.getOutputStream().close();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("npm ci failed in " + DIR + "; see " + log);
        }
    }
}
