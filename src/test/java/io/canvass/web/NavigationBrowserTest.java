package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each role sees in the shell, and that every screen passes an axe accessibility scan. */
@QuarkusTest
class NavigationBrowserTest extends BrowserTest {

    @Test
    void repSeesNoTeamArea() {
        Account rep = Accounts.create("REP", "en");
        open("en-US");
        signIn(rep);

        assertEquals(List.of("Today", "Check-in", "Customers", "Deals", "Me"), nav().getByRole(AriaRole.LINK).allInnerTexts());
        page.navigate("/team");
        assertThat(heading()).hasText("Page not found");
        page.navigate("/team/feed");
        assertThat(heading()).hasText("Page not found");
    }

    @Test
    void managerSeesTheTeamAreaInTheirLanguage() {
        Account manager = Accounts.create("MANAGER", "zh-CN");
        open("zh-CN");
        signIn(manager);

        assertEquals(List.of("今日", "签到", "客户", "商机合同", "团队", "我的"), nav().getByRole(AriaRole.LINK).allInnerTexts());
        goTo("团队");
        assertThat(heading()).hasText("团队");
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("实时签到动态"))).isVisible();
        assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("团队")))
                .hasAttribute("aria-current", "page");
    }

    @Test
    void everyScreenPassesAxe() {
        Account manager = Accounts.create("MANAGER", "en");
        open("en-US");
        page.navigate("/login");
        assertThat(heading()).hasText("Sign in");
        Axe.assertNoViolations(page, "login");
        page.locator("#password").fill("wrong-password");
        page.locator("#email").fill(manager.email());
        page.locator("form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).not().isEmpty();
        Axe.assertNoViolations(page, "login with an error");

        signIn(manager);
        for (String[] screen : new String[][] {
                { "/today", "Today" }, { "/checkin", "Check-in" }, { "/customers", "Customers" }, { "/deals", "Pipeline" }, { "/contracts", "Contracts" }, { "/team", "Team" },
                { "/me", "Me" }, { "/notifications", "Notifications" }, { "/sync", "Sync" } }) {
            page.navigate(screen[0]);
            assertThat(heading()).hasText(screen[1]);
            Axe.assertNoViolations(page, screen[0]);
        }
    }

    @Test
    void pushOptInExplainsBeforeAsking() {
        Account rep = Accounts.create("REP", "en");
        open("en-US");
        signIn(rep);
        goTo("Me");
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Notifications")).click();

        assertThat(heading()).hasText("Notifications");
        assertThat(page.getByText("follow-ups that are due or overdue")).isVisible();
        assertThat(page.getByText("contracts coming up for renewal")).isVisible();
        assertEquals("default", page.evaluate("() => Notification.permission"), "nothing asked on arrival");
        assertThat(page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Turn on notifications on this device"))).isVisible();
        assertThat(page.getByText("No device receives reminders yet.")).isVisible();
        // the permission prompt and the subscription itself: NotificationsBrowserTest
    }

    @Test
    void chineseScreensPassAxe() {
        Account rep = Accounts.create("REP", "zh-CN");
        open("zh-CN");
        page.navigate("/login");
        assertThat(heading()).hasText("登录");
        Axe.assertNoViolations(page, "登录");
        signIn(rep);
        assertThat(heading()).hasText("今日");
        Axe.assertNoViolations(page, "今日");
        goTo("我的");
        assertThat(heading()).hasText("我的");
        Axe.assertNoViolations(page, "我的");
    }
}
