package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.Geolocation;
import io.canvass.testing.Api;
import io.canvass.testing.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built app under its Content-Security-Policy in a real browser: every main screen works with no
 * violation, links made from data are safe, and no script in the page can reach the refresh token.
 */
@QuarkusTest
class SecurityBrowserTest extends BrowserTest {

    /** Records every securitypolicyviolation event of every page, from before the app's own scripts run. */
    static final String RECORD_VIOLATIONS = """
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', (e) =>
              window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
            """;

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    static Accounts.Account account(Api.TestUser user) {
        return new Accounts.Account(user.id().toString(), user.email(), user.password(), "Test " + user.role());
    }

    @SuppressWarnings("unchecked")
    List<String> violations() {
        return (List<String>) page.evaluate("() => window.__violations");
    }

    @Test
    void theMainScreensRunUnderTheStrictPolicyWithoutAViolation() {
        Money.Team t = Money.team();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String customer = Money.customer(t.rep());
        Map<String, Object> body = Money.contract(customer, "120000.00", "CNY", today.minusMonths(1), today.plusMonths(2));
        body.put("documents", List.of(Map.of("name", "Signed contract", "url", "https://dms.example.com/contracts/1.pdf"),
                Map.of("name", "Paper original")));
        body.put("plan", Map.of("split", Map.of("count", 2, "firstDueOn", today.minusDays(3).toString(), "everyMonths", 1)));
        String contract = t.rep().as().body(body).post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        String claim = t.rep().as().body(Map.of("spentOn", LocalDate.now(ZoneId.of("Etc/GMT+12")).toString(), "category", "TRAVEL",
                "amount", "88.00", "currency", "CNY", "description", "Train to the plant")).post("/api/v1/expense-claims")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(t.rep().token()).contentType("image/png").body(PNG).post("/api/v1/expense-claims/" + claim + "/receipts")
                .then().statusCode(201);

        open("en-US");
        context.addInitScript(RECORD_VIOLATIONS);
        context.grantPermissions(List.of("geolocation"));
        context.setGeolocation(new Geolocation(31.2304, 121.4737).setAccuracy(10));

        // the probe works: an injected inline script is refused and reported
        page.navigate("/login");
        assertThat(heading()).hasText("Sign in");
        Object ran = page.evaluate("""
                () => new Promise((resolve) => {
                  const s = document.createElement('script');
                  s.textContent = 'window.__inlineRan = true';
                  document.head.appendChild(s);
                  setTimeout(() => resolve(window.__inlineRan === true), 100);
                })""");
        assertEquals(false, ran, "an inline script must not run");
        assertTrue(violations().stream().anyMatch(v -> v.startsWith("script-src")), "the refusal is reported: " + violations());
        page.waitForCondition(() -> !policyReports.isEmpty());
        policyReports.clear();

        signIn(account(t.rep()));
        waitForServiceWorker();
        for (String[] screen : new String[][] {
                { "/today", "Today" }, { "/customers", "Customers" }, { "/customers/" + customer, null }, { "/checkin", null },
                { "/checkin/history", null }, { "/deals", null }, { "/contracts", null }, { "/contracts/" + contract, null },
                { "/me", "Me" }, { "/notifications", null }, { "/inbox", null }, { "/targets", null }, { "/coaching", null },
                { "/reports/weekly", null }, { "/commission", null }, { "/expenses", "Expenses" }, { "/expenses/" + claim, null },
                { "/sync", null } }) {
            Response document = page.navigate(screen[0]);
            assertStrictHeaders(document, screen[0]);
            settle(screen[1]);
            assertEquals(List.of(), violations(), "no violation on " + screen[0]);
        }

        page.navigate("/contracts/" + contract);
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Signed contract")));
        assertThat(link).hasAttribute("href", "https://dms.example.com/contracts/1.pdf");
        assertThat(link).hasAttribute("target", "_blank");
        assertThat(link).hasAttribute("rel", "noopener noreferrer");
        assertThat(page.getByText("Paper original")).isVisible();
        assertEquals(0, page.locator("a[href^='javascript:' i], a[href^='data:' i]").count());

        page.navigate("/expenses/" + claim);
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Receipt 1"))).isVisible();
        assertEquals(List.of(), violations(), "the receipt (a blob: image) shows");
        context.close();

        open("en-US");
        context.addInitScript(RECORD_VIOLATIONS);
        signIn(account(t.manager()));
        for (String[] screen : new String[][] {
                { "/today", null }, { "/team", null }, { "/team/dashboard", null }, { "/team/targets", null },
                { "/team/coaching", null }, { "/team/reports", null }, { "/team/commission", null }, { "/expenses/approvals", null },
                { "/expenses/budgets", null }, { "/team/money", null }, { "/team/feed", null } }) {
            assertStrictHeaders(page.navigate(screen[0]), screen[0]);
            settle(screen[1]);
            assertEquals(List.of(), violations(), "no violation on " + screen[0]);
        }
        assertThat(page.getByTestId("feed-state")).hasText("实时：新的签到会即时出现。");
        assertEquals(List.of(), violations(), "the live feed streams");
    }

    @Test
    void noScriptCanReadTheRefreshTokenAndAReloadKeepsTheSession() {
        Accounts.Account emma = Accounts.create("REP", "en");
        open("en-US");
        signIn(emma);

        Cookie cookie = refreshCookie();
        assertNotNull(cookie, "the refresh token is kept in its cookie");
        assertTrue(cookie.httpOnly, "HttpOnly");
        assertTrue(cookie.secure, "Secure");
        assertEquals("/api/v1/auth", cookie.path);
        assertEquals(com.microsoft.playwright.options.SameSiteAttribute.STRICT, cookie.sameSite);

        String everythingScriptsSee = page.evaluate("""
                async () => {
                  const db = await new Promise((resolve, reject) => {
                    const open = indexedDB.open('canvass');
                    open.onsuccess = () => resolve(open.result);
                    open.onerror = reject;
                  });
                  const all = await new Promise((resolve) => {
                    const tx = db.transaction('kv');
                    const store = tx.objectStore('kv');
                    const keys = store.getAllKeys();
                    const values = store.getAll();
                    tx.oncomplete = () => resolve({ keys: keys.result, values: values.result });
                  });
                  return JSON.stringify({ idb: all, local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie });
                }""").toString();
        assertFalse(everythingScriptsSee.contains(cookie.value), "the refresh token is nowhere a script can read: " + everythingScriptsSee);
        assertFalse(everythingScriptsSee.contains("refreshToken"), everythingScriptsSee);
        Map<?, ?> session = LoginBrowserTest.storedSession(page);
        assertEquals(java.util.Set.of("accessToken", "expiresAt"), session.keySet());

        page.reload();
        assertThat(page).hasURL(Pattern.compile("/today$"));
        assertThat(page.getByText("Hello, " + emma.displayName())).isVisible();

        // the cookie still works: the page used the access token, nothing spent the refresh token
        given().contentType(ContentType.JSON).header("X-Refresh-Token-Delivery", "cookie").cookie(REFRESH_COOKIE, cookie.value).body("{}")
                .post("/api/v1/auth/refresh").then().statusCode(200);
    }

    private static void assertStrictHeaders(Response document, String path) {
        assertNotNull(document, path);
        Map<String, String> headers = document.allHeaders();
        assertTrue(String.valueOf(headers.get("content-security-policy")).startsWith("default-src 'self'; script-src 'self'; style-src 'self';"),
                path + " is served under the strict policy: " + headers);
        assertEquals("DENY", headers.get("x-frame-options"), path);
        assertEquals("nosniff", headers.get("x-content-type-options"), path);
    }

    /** Waits until the screen has its heading and its data (no "Loading…" left). */
    private void settle(String heading) {
        if (heading != null) {
            assertThat(heading()).hasText(heading);
        } else {
            assertThat(heading()).isVisible();
        }
        assertThat(page.getByText(Pattern.compile("^(Loading…|加载中…)$"))).hasCount(0);
        page.waitForTimeout(200);
    }
}
