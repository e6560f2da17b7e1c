package io.canvass.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The machine's Chromium (Debian's /usr/bin/chromium, never a downloaded build), launched headless
 * once for the whole test run and shared by every browser test; each test gets its own context.
 */
final class Chromium {

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private static Browser browser;

    private Chromium() {
    }

    static synchronized Browser browser() {
        if (browser == null) {
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    // service-worker requests show up in the context's network events and routes (Chromium)
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("canvass.chromium", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(FLAGS));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return browser;
    }
}
