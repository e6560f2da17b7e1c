package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Signing in and out in a real browser, in both languages, and keeping the session across reloads. */
@QuarkusTest
class LoginBrowserTest extends BrowserTest {

    @Test
    void signsInWithTheRightPasswordInEnglish() {
        Account emma = Accounts.create("REP", "en");
        open("en-US");

        page.navigate("/today");
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(heading()).hasText("Sign in");
        page.getByLabel("Email").fill(emma.email());
        page.getByLabel("Password").fill(emma.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page).hasURL(Pattern.compile("/today$"));
        assertThat(heading()).hasText("Today");
        assertThat(page.getByText("Hello, " + emma.displayName())).isVisible();
    }

    @Test
    void refusesAWrongPasswordInEnglish() {
        Account emma = Accounts.create("REP", "en");
        open("en-US");

        page.navigate("/login");
        page.getByLabel("Email").fill(emma.email());
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The email or password is not right. Check them and try again.");
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    @Test
    void refusesAWrongPasswordInChinese() {
        Account li = Accounts.create("REP", "zh-CN");
        open("zh-CN");

        page.navigate("/login");
        assertThat(heading()).hasText("登录");
        page.getByLabel("邮箱").fill(li.email());
        page.getByLabel("密码").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("邮箱或密码不正确，请检查后重试。");
    }

    @Test
    void signsInInChineseAndSpeaksTheProfileLanguage() {
        Account li = Accounts.create("REP", "zh-CN");
        open("en-US");

        page.navigate("/login");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
        assertThat(heading()).hasText("登录");
        page.getByLabel("邮箱").fill(li.email());
        page.getByLabel("密码").fill(li.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();

        assertThat(heading()).hasText("今日");
        assertThat(page.getByText("你好，" + li.displayName())).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    }

    @Test
    void reloadKeepsTheSession() {
        Account emma = Accounts.create("REP", "en");
        open("en-US");
        signIn(emma);

        goTo("Me");
        assertThat(heading()).hasText("Me");
        page.reload();

        assertThat(page).hasURL(Pattern.compile("/me$"));
        assertThat(page.getByText(emma.email())).isVisible();
        Page secondTab = context.newPage();
        secondTab.navigate("/today");
        assertThat(secondTab.getByText("Hello, " + emma.displayName())).isVisible();
    }

    @Test
    void expiredAccessTokenIsRefreshedSilentlyEvenByTwoTabsAtOnce() {
        Account emma = Accounts.create("REP", "en");
        open("en-US");
        signIn(emma);
        Page secondTab = context.newPage();
        secondTab.navigate("/today");
        assertThat(secondTab.getByText("Hello, " + emma.displayName())).isVisible();

        // The server no longer accepts the stored access token. It is spoiled while no app document runs (both
        // tabs stand on a plain page of the same origin), so only the documents opened next can refresh.
        page.navigate("/q/none");
        secondTab.navigate("/q/none");
        String spentCookie = refreshCookie().value;
        List<String> refreshes = new CopyOnWriteArrayList<>();
        context.onRequestFinished(request -> {
            if (request.url().endsWith("/api/v1/auth/refresh")) {
                refreshes.add(request.method());
            }
        });
        page.evaluate("""
                () => new Promise((resolve, reject) => {
                  const open = indexedDB.open('canvass');
                  open.onsuccess = () => {
                    const tx = open.result.transaction('kv', 'readwrite');
                    const kv = tx.objectStore('kv');
                    const get = kv.get('session');
                    get.onsuccess = () => kv.put({ ...get.result, accessToken: 'expired' }, 'session');
                    tx.oncomplete = () => resolve(true);
                    tx.onerror = reject;
                  };
                })""");
        // Both tabs open the app at once, both get a 401.
        page.navigate("/today");
        secondTab.navigate("/today");

        // Each tab's start-up reads the profile: 401, refresh with the cookie (once, under the shared lock), retry.
        page.waitForCondition(() -> refreshCookie() != null && !spentCookie.equals(refreshCookie().value));
        assertThat(page.getByText("Hello, " + emma.displayName())).isVisible();
        assertThat(secondTab.getByText("Hello, " + emma.displayName())).isVisible();
        assertThat(page).hasURL(Pattern.compile("/today$"));
        assertThat(secondTab).hasURL(Pattern.compile("/today$"));
        Map<?, ?> refreshed = storedSession(page);
        org.junit.jupiter.api.Assertions.assertNotEquals("expired", refreshed.get("accessToken"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("POST"), refreshes, "one refresh for both tabs");
        // The chain is intact: the cookie the browser now holds still works.
        given().contentType(ContentType.JSON).header("X-Refresh-Token-Delivery", "cookie")
                .cookie(REFRESH_COOKIE, refreshCookie().value).body("{}")
                .post("/api/v1/auth/refresh")
                .then().statusCode(200);
    }

    @Test
    void signOutEndsTheSessionOnTheServerToo() {
        Account emma = Accounts.create("REP", "en");
        open("en-US");
        signIn(emma);
        goTo("Me");
        String refreshToken = refreshCookie().value;

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(heading()).hasText("Sign in");
        org.junit.jupiter.api.Assertions.assertNull(refreshCookie(), "the browser no longer holds the refresh cookie");
        page.reload();
        assertThat(heading()).hasText("Sign in");
        given().contentType(ContentType.JSON).header("X-Refresh-Token-Delivery", "cookie")
                .cookie(REFRESH_COOKIE, refreshToken).body("{}")
                .post("/api/v1/auth/refresh")
                .then().statusCode(401);
    }

    private static final String READ_SESSION = """
            new Promise((resolve, reject) => {
              const open = indexedDB.open('canvass');
              open.onsuccess = () => {
                const get = open.result.transaction('kv').objectStore('kv').get('session');
                get.onsuccess = () => resolve(get.result);
                get.onerror = reject;
              };
            })""";

    static Map<?, ?> storedSession(Page page) {
        return (Map<?, ?>) page.evaluate("() => " + READ_SESSION);
    }
}
