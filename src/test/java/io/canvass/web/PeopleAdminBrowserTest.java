package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An admin invites a rep, the rep opens the link and chooses a password, the admin deactivates someone. */
@QuarkusTest
class PeopleAdminBrowserTest extends BrowserTest {

    @Test
    void anAdminInvitesARepWhoSetsTheirPasswordAndTheAdminDeactivatesSomeone() {
        Account admin = Accounts.create("ADMIN", "en");
        String team = given().auth().oauth2(Accounts.token(admin)).get("/api/v1/users/" + admin.id()).then().extract().path("teamId");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "wang.fang." + suffix + "@browser.test";

        open("en-US");
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        signIn(admin);
        goTo("Me");
        page.getByTestId("me-admin").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People")).click();
        assertThat(heading()).hasText("People");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite someone")).click();
        Locator form = page.getByTestId("invite-form");
        form.getByLabel("Name").fill("Wang Fang " + suffix);
        form.getByLabel("Email").fill(email);
        form.getByLabel("Team").selectOption(team);
        form.getByLabel("Language").selectOption("en");
        Axe.assertNoViolations(page, "People with the invite form");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create the invite link")).click();

        Locator panel = page.getByTestId("access-link");
        assertThat(panel.getByRole(AriaRole.HEADING)).hasText("Invite link for Wang Fang " + suffix);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy link")).click();
        assertThat(panel.getByRole(AriaRole.STATUS)).hasText("Copied. Paste it into a message to them.");
        String link = page.evaluate("navigator.clipboard.readText()").toString();
        assertThat(panel.getByLabel("Link")).hasValue(link);
        assertTrue(link.startsWith(root.toString() + "welcome#token="), link);
        page.getByLabel("Search by name or email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).click();
        assertThat(page.getByTestId("people-list").getByRole(AriaRole.LISTITEM)).hasCount(1);
        assertThat(page.getByTestId("people-list").getByText("No password yet (link sent)")).isVisible();

        // the rep, on their own phone: the link greets them, they choose a password and are signed in
        BrowserContext phone = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(root.toString()).setLocale("en-US").setViewportSize(320, 640).setHasTouch(true));
        try {
            phone.onConsoleMessage(message -> {
                if (isPolicyReport(message.text())) {
                    policyReports.add(message.text());
                }
            });
            Page rep = phone.newPage();
            rep.navigate(link);
            assertThat(rep.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Welcome to Canvass");
            assertThat(rep.getByText("Hello Wang Fang " + suffix + ", choose the password you will sign in with.")).isVisible();
            assertThat(rep).hasURL(Pattern.compile("/welcome$"));
            Axe.assertNoViolations(rep, "Welcome (invite link)");
            rep.getByLabel("New password").fill("a-long-password-1");
            rep.getByLabel("The same password again").fill("a-long-password-2");
            rep.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and sign in")).click();
            assertThat(rep.getByTestId("welcome-error")).hasText("The two passwords are not the same.");
            rep.getByLabel("The same password again").fill("a-long-password-1");
            rep.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and sign in")).click();
            assertThat(rep).hasURL(Pattern.compile("/today$"));

            // the link works once
            rep.navigate(link);
            assertThat(rep.getByTestId("welcome-error")).hasText("This link has already been used. Sign in with your password, or ask for a new link.");
        } finally {
            phone.close();
        }
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "a-long-password-1"))
                .post("/api/v1/auth/login").then().statusCode(200);

        // the admin finds them and deactivates them, after confirming
        page.setViewportSize(320, 640);
        page.reload();
        Locator list = page.getByTestId("people-list");
        assertThat(list.getByRole(AriaRole.LISTITEM)).hasCount(1);
        list.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Wang Fang " + suffix)).click();
        assertThat(heading()).hasText("Wang Fang " + suffix);
        assertThat(page.getByTestId("person-status")).hasText("Active");
        assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                "the person screen fits a 320 px wide phone");
        Axe.assertNoViolations(page, "Person (admin)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate…")).click();
        assertThat(page.getByText("Deactivate Wang Fang " + suffix + "?", new Page.GetByTextOptions().setExact(false))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Deactivated. They are signed out everywhere."))).isVisible();
        assertThat(page.getByTestId("person-status")).hasText("Deactivated");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "a-long-password-1"))
                .post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void aDirectorShapesTheTeamTreeAndIsToldOfAConcurrentEdit() {
        Account director = Accounts.create("DIRECTOR", "en");
        Account manager = Accounts.create("MANAGER", "en");
        Account rep = Accounts.create("REP", "en");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String region = "Region " + suffix;
        String city = "City " + suffix;

        open("en-US");
        signIn(director);
        goTo("Me");
        page.getByTestId("me-admin").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Teams")).click();
        assertThat(heading()).hasText("Teams");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New team")).click();
        page.getByTestId("team-form").getByLabel("Name").fill(region);
        page.getByTestId("team-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(region + " saved."))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New team")).click();
        page.getByTestId("team-form").getByLabel("Name").fill(city);
        page.getByTestId("team-form").getByLabel("Part of").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(region));
        page.getByTestId("team-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        Locator regionItem = page.getByTestId("team-tree").getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(region));
        Locator cityItem = page.getByTestId("team-tree").getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(city));
        assertThat(cityItem).hasClass(Pattern.compile("team-depth-1"));

        // managers: saving the same list twice changes nothing (it used to fail the second time)
        for (int i = 0; i < 2; i++) {
            regionItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Managers")).click();
            regionItem.getByLabel(manager.displayName()).check();
            regionItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(regionItem.getByText("Managed by " + manager.displayName())).isVisible();
        }
        assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
        Axe.assertNoViolations(page, "Teams");

        // a team with sub-teams is not deleted, and the screen says why
        regionItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete…")).click();
        regionItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("sub-teams");
        cityItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete…")).click();
        cityItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(city + " deleted."))).isVisible();
        assertThat(cityItem).hasCount(0);

        // someone else changes the rep while the director edits: the save is refused and explained
        String repTeam = given().auth().oauth2(Accounts.token(director)).get("/api/v1/users/" + rep.id()).then().extract().path("teamId");
        page.navigate("/admin/people/" + rep.id());
        assertThat(heading()).hasText(rep.displayName());
        page.getByLabel("Phone").fill("13900001111");
        given().auth().oauth2(Accounts.token(director)).contentType(ContentType.JSON).body(Map.of("displayName", "Renamed " + suffix))
                .patch("/api/v1/users/" + rep.id()).then().statusCode(200);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(
                "Someone else changed this person while you were editing. Their latest details are shown now; make your change again.");
        assertThat(heading()).hasText("Renamed " + suffix);
        assertThat(page.getByLabel("Phone")).hasValue("");
        page.getByLabel("Phone").fill("13900001111");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved."))).isVisible();
        assertEquals("13900001111", given().auth().oauth2(Accounts.token(director)).get("/api/v1/users/" + rep.id()).then().extract().path("phone"));
        assertEquals(repTeam, given().auth().oauth2(Accounts.token(director)).get("/api/v1/users/" + rep.id()).then().extract().path("teamId"),
                "saving the phone leaves the team as it was");
        // the server's refusal of a field is shown beside it
        Locator zone = page.getByLabel("Time zone (e.g. Asia/Shanghai)");
        zone.fill("Mars/Olympus_Mons");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(zone).hasAttribute("aria-invalid", "true");
        assertThat(page.getByText("is not a known IANA time zone such as Asia/Shanghai")).isVisible();
        Axe.assertNoViolations(page, "Person with a field error");
        // a director names no finance approvers and makes no admins: the screen does not offer it
        assertThat(page.getByLabel("Finance approver", new Page.GetByLabelOptions().setExact(false))).hasCount(0);
        assertThat(page.getByLabel("Role").locator("option[value=ADMIN]")).hasCount(0);
    }

    @Test
    void aRepSeesNoAdministrationAndCannotOpenIt() {
        Account rep = Accounts.create("REP", "en");
        open("en-US");
        signIn(rep);
        goTo("Me");
        assertThat(page.getByTestId("me-admin")).hasCount(0);
        page.navigate("/admin/people");
        assertThat(heading()).not().hasText("People");
    }
}
