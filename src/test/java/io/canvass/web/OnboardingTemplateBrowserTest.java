package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The onboarding template as an admin edits it and a manager reads it; a rep's plan names their mentor. */
@QuarkusTest
class OnboardingTemplateBrowserTest extends BrowserTest {

    static final String PATH = "/api/v1/onboarding/milestones";

    Account admin;
    String adminToken;
    List<Map<String, Object>> before;

    /** The template is shared by the whole app: each test starts from a known one and puts the old one back. */
    @BeforeEach
    void knownTemplate() {
        admin = Accounts.create("ADMIN", "en");
        adminToken = Accounts.token(admin);
        before = given().auth().oauth2(adminToken).get(PATH).then().statusCode(200).extract().path("items");
        putTemplate(List.of(
                milestone(0, "MENTOR_SESSION", "Meet the mentor", "Agree the first month's plan"),
                milestone(7, "SHADOW_VISIT", "Shadow the mentor", "Join two customer visits"),
                milestone(14, "ONBOARDING_MILESTONE", "Two-week review", "Review the visit notes with the mentor")));
    }

    @AfterEach
    void restoreTemplate() {
        putTemplate(before.stream().map(m -> {
            Map<String, Object> copy = new HashMap<>(m);
            copy.remove("id");
            return (Map<String, Object>) copy;
        }).toList());
    }

    @Test
    void anAdminAddsAMilestoneInItsPlaceByDayAndSeesTheServersErrorsAManagerReadsIt() {
        open("en-US");
        signIn(admin);
        goTo("Team");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Onboarding template")).click();
        assertThat(heading()).hasText("Onboarding template");
        assertThat(page.getByTestId("milestone")).hasCount(3);
        assertThat(group("Milestone 2").getByLabel("Title")).hasValue("Shadow the mentor");
        Axe.assertNoViolations(page, "Onboarding template (admin)");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add milestone")).click();
        Locator added = group("Milestone 4");
        assertThat(added.getByLabel("Title")).isFocused();
        added.getByLabel("Title").fill("Visit the warehouse");
        added.getByLabel("Goal").fill("See how orders are picked and shipped");
        added.getByLabel("Kind").selectOption("SKILL_TRAINING");
        added.getByLabel("Day (0 is the first day)").fill("10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Template saved."))).isVisible();
        assertEquals(List.of("Meet the mentor", "Shadow the mentor", "Visit the warehouse", "Two-week review"), titles());
        assertEquals(List.of(0, 7, 10, 14), given().auth().oauth2(adminToken).get(PATH).then().statusCode(200).extract().path("items.dayOffset"));

        page.reload();
        assertThat(heading()).hasText("Onboarding template");
        assertThat(page.getByTestId("milestone")).hasCount(4);
        Locator third = group("Milestone 3");
        assertThat(third.getByLabel("Title")).hasValue("Visit the warehouse");
        assertThat(third.getByLabel("Day (0 is the first day)")).hasValue("10");
        assertThat(third.getByLabel("Kind")).hasValue("SKILL_TRAINING");

        // spaces pass the browser's required check; the server refuses a blank title and names the field
        third.getByLabel("Title").fill("   ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The template was not saved. Check the marked fields.");
        assertThat(third.getByText("Enter a title of up to 200 characters.")).isVisible();
        assertThat(third.getByLabel("Title")).hasAttribute("aria-invalid", "true");
        assertThat(group("Milestone 2").locator(".field-error")).hasCount(0);
        Axe.assertNoViolations(page, "Onboarding template with a field error");
        assertEquals(List.of("Meet the mentor", "Shadow the mentor", "Visit the warehouse", "Two-week review"), titles());

        // removing one and moving another past the rest: saved in day order
        group("Milestone 1").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove · Milestone 1")).click();
        assertThat(page.getByTestId("milestone")).hasCount(3);
        group("Milestone 2").getByLabel("Title").fill("Visit the warehouse again");
        group("Milestone 1").getByLabel("Day (0 is the first day)").fill("20");
        group("Milestone 1").getByLabel("Day (0 is the first day)").press("Tab");
        assertThat(group("Milestone 3").getByLabel("Title")).hasValue("Shadow the mentor");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Template saved."))).isVisible();
        assertEquals(List.of("Visit the warehouse again", "Two-week review", "Shadow the mentor"), titles());

        // a whole-template save does not wait in the outbox: offline, the screen says so and keeps the changes
        goOffline();
        assertThat(page.getByText("You are offline. Saving the template needs a connection")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template"))).isDisabled();
        goOnline();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template"))).isEnabled();

        // another admin saves meanwhile: this save was made on the older copy and is refused, theirs stays
        List<Map<String, Object>> mine = given().auth().oauth2(adminToken).get(PATH).then().statusCode(200).extract().path("items");
        putTemplate(List.of(milestone(0, "MENTOR_SESSION", "Their first day", "Meet the team")));
        group("Milestone 1").getByLabel("Title").fill("Visit the warehouse on day one");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Someone else changed this first. Reload and try again.");
        assertEquals(List.of("Their first day"), given().auth().oauth2(adminToken).get(PATH).then().statusCode(200).extract().path("items.title"));
        putTemplate(mine.stream().map(m -> {
            Map<String, Object> copy = new HashMap<>(m);
            copy.remove("id");
            return (Map<String, Object>) copy;
        }).toList());

        Account rep = Accounts.create("REP", "zh-CN");
        Account manager = Accounts.create("MANAGER", "zh-CN");
        Accounts.makeManagerOf(manager, rep);
        context.close();
        open("zh-CN");
        signIn(manager);
        goTo("团队");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("辅导任务")).click();
        assertThat(heading()).hasText("辅导任务");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("入职模板")).click();
        assertThat(heading()).hasText("入职模板");
        assertThat(page.getByText("只有管理员可以修改入职模板。")).isVisible();
        Locator template = page.getByTestId("template");
        assertThat(template.getByTestId("milestone")).hasCount(3);
        assertThat(template.getByTestId("milestone").first()).containsText("Visit the warehouse again");
        assertThat(template.getByTestId("milestone").first()).containsText("第 10 天");
        assertThat(template.getByTestId("milestone").last()).containsText("第 20 天");
        assertThat(template.getByTestId("milestone").last()).containsText("跟访");
        assertThat(page.getByRole(AriaRole.TEXTBOX)).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存模板"))).hasCount(0);
        Axe.assertNoViolations(page, "入职模板（经理只读）");
    }

    @Test
    void aRepSeesTheirMentorByName() {
        Account rep = Accounts.create("REP", "en");
        Account mentor = Accounts.create("REP", "en");
        Account manager = Accounts.create("MANAGER", "en");
        Accounts.makeManagerOf(manager, rep);
        Accounts.makeManagerOf(manager, mentor); // a mentor is someone the manager's teams include
        given().auth().oauth2(Accounts.token(manager)).contentType(ContentType.JSON)
                .body(Map.of("repId", rep.id(), "mentorId", mentor.id()))
                .post("/api/v1/onboarding-plans")
                .then().statusCode(201);

        open("en-US");
        signIn(rep);
        goTo("Me");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My coaching")).click();
        assertThat(heading()).hasText("My coaching");
        Locator plan = page.getByTestId("onboarding-plan");
        assertThat(plan).containsText("Mentor" + mentor.displayName());
        assertThat(plan).containsText("Meet the mentor");
        Axe.assertNoViolations(page, "My coaching with an onboarding plan");
        page.navigate("/team/onboarding");
        assertThat(heading()).hasText("Page not found");
    }

    private Locator group(String name) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private List<String> titles() {
        return given().auth().oauth2(adminToken).get(PATH).then().statusCode(200).extract().path("items.title");
    }

    private void putTemplate(List<Map<String, Object>> milestones) {
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("milestones", milestones))
                .put(PATH)
                .then().statusCode(200);
    }

    private static Map<String, Object> milestone(int day, String kind, String title, String goal) {
        return Map.of("dayOffset", day, "kind", kind, "title", title, "goal", goal);
    }
}
