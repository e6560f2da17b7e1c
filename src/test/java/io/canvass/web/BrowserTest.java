package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;

/**
 * A phone-sized browser context on the running app, fresh for each test (its own storage). Every test also
 * checks that the browser reported no violation of the app's Content-Security-Policy or Permissions-Policy.
 */
abstract class BrowserTest {

    @TestHTTPResource("/")
    URL root;

    BrowserContext context;
    Page page;

    /** What the browser said on the console about a violated or malformed security policy. */
    final List<String> policyReports = new CopyOnWriteArrayList<>();

    Page open(String browserLocale) {
        context = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(root.toString())
                .setLocale(browserLocale)
                .setViewportSize(390, 844)
                .setHasTouch(true));
        // Actions and assertions wait alike: on a CI machine whose 2 cores also run the app, its database
        // and the test JVM, a first visit (service worker install and precache) can outlast 5 s.
        context.setDefaultTimeout(15_000);
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        context.onConsoleMessage(message -> {
            if (isPolicyReport(message.text())) {
                policyReports.add(message.text());
            }
        });
        page = context.newPage();
        return page;
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        assertEquals(List.of(), policyReports, "the app runs without breaking its Content-Security-Policy or Permissions-Policy");
    }

    /** The refresh token's cookie, which only the browser holds (HttpOnly). */
    static final String REFRESH_COOKIE = "__Secure-canvass-refresh";

    /** The refresh cookie as the browser keeps it for the auth endpoints, or null. */
    com.microsoft.playwright.options.Cookie refreshCookie() {
        return context.cookies(root.toString() + "api/v1/auth/refresh").stream()
                .filter(c -> c.name.equals(REFRESH_COOKIE)).findFirst().orElse(null);
    }

    static boolean isPolicyReport(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("content security policy") || lower.contains("content-security-policy")
                || lower.contains("permissions-policy") || lower.contains("permissions policy");
    }

    /** Signs in through the login screen and waits for Today. */
    void signIn(Accounts.Account account) {
        page.navigate("/");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/today$"));
    }

    void goTo(String navLabel) {
        nav().getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(navLabel).setExact(true)).click();
    }

    com.microsoft.playwright.Locator nav() {
        return page.getByRole(AriaRole.NAVIGATION);
    }

    com.microsoft.playwright.Locator heading() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    com.microsoft.playwright.Locator syncState() {
        return page.getByTestId("sync-state");
    }

    /**
     * Cuts the network. Playwright's offline mode does not reach the service worker in Chromium, so its
     * requests are failed as a real dead connection would fail them.
     */
    void goOffline() {
        context.setOffline(true);
        context.route("**/*", OFFLINE_SERVICE_WORKER);
    }

    void goOnline() {
        context.unroute("**/*", OFFLINE_SERVICE_WORKER);
        context.setOffline(false);
    }

    private static final java.util.function.Consumer<com.microsoft.playwright.Route> OFFLINE_SERVICE_WORKER = route -> {
        if (fromServiceWorker(route.request())) {
            route.abort("internetdisconnected");
        } else {
            route.resume();
        }
    };

    /** Java Playwright has no Request.serviceWorker(); a service worker's request is the one without a frame. */
    static boolean fromServiceWorker(com.microsoft.playwright.Request request) {
        try {
            return request.frame() == null;
        } catch (RuntimeException noFrame) {
            return true;
        }
    }

    /** Waits until the service worker controls the page (the shell is then precached). */
    void waitForServiceWorker() {
        // polled until the page is controlled (isInstallable once read a null controller after waiting on `ready`)
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
    }
}
