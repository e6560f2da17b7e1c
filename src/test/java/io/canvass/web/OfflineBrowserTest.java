package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import io.canvass.web.Accounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Installability, opening with no network, and the outbox: offline writes reach the server exactly once. */
@QuarkusTest
class OfflineBrowserTest extends BrowserTest {

    @Test
    void isInstallable() {
        Account rep = Accounts.create("REP", "en");
        open("en-US");
        signIn(rep);

        String manifestUrl = page.locator("link[rel=manifest]").getAttribute("href");
        Map<?, ?> manifest = (Map<?, ?>) page.evaluate("url => fetch(url).then(r => r.json())", manifestUrl);
        assertEquals("Canvass", manifest.get("name"));
        assertEquals("standalone", manifest.get("display"));
        assertEquals("/today", manifest.get("start_url"));
        List<?> icons = (List<?>) manifest.get("icons");
        assertTrue(icons.stream().anyMatch(icon -> "192x192".equals(((Map<?, ?>) icon).get("sizes"))), "a 192px icon");
        assertTrue(icons.stream().anyMatch(icon -> "512x512".equals(((Map<?, ?>) icon).get("sizes"))), "a 512px icon");

        waitForServiceWorker();
        assertEquals("/sw.js", page.evaluate("() => new URL(navigator.serviceWorker.controller.scriptURL).pathname"));
    }

    @Test
    void opensWithNoNetworkAfterTheFirstVisit() {
        Account rep = Accounts.create("REP", "en");
        open("en-US");
        signIn(rep);
        waitForServiceWorker();

        goOffline();
        page.reload();

        assertThat(heading()).hasText("Today");
        assertThat(page.getByText("Hello, " + rep.displayName())).isVisible();
        assertThat(syncState()).hasText("Offline");
        goTo("Me");
        assertThat(page.getByText(rep.email())).isVisible();
    }

    @Test
    void anOfflineReloadWithAnExpiredAccessTokenStaysSignedInAndSyncsThroughTheCookieWhenBackOnline() {
        Account rep = Accounts.create("REP", "en");
        String token = Accounts.token(rep);
        open("en-US");
        signIn(rep);
        waitForServiceWorker();
        String cookieBefore = refreshCookie().value;

        goOffline();
        // the access token ran out while the phone was offline; only the cookie can get a new one
        page.evaluate("""
                () => new Promise((resolve, reject) => {
                  const open = indexedDB.open('canvass');
                  open.onsuccess = () => {
                    const tx = open.result.transaction('kv', 'readwrite');
                    const kv = tx.objectStore('kv');
                    const get = kv.get('session');
                    get.onsuccess = () => kv.put({ ...get.result, accessToken: 'expired', expiresAt: 0 }, 'session');
                    tx.oncomplete = () => resolve(true);
                    tx.onerror = reject;
                  };
                })""");
        page.reload();

        assertThat(heading()).hasText("Today");
        assertThat(page.getByText("Hello, " + rep.displayName())).isVisible();
        goTo("Me");
        page.getByLabel("Name").fill("Emma after the tunnel");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(syncState()).hasText("1 waiting to sync");

        goOnline();

        assertThat(syncState()).hasText("Online");
        page.waitForCondition(() -> "Emma after the tunnel".equals(
                given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("displayName")));
        assertTrue(!cookieBefore.equals(refreshCookie().value), "the access token was renewed through the refresh cookie");
        assertTrue(!"expired".equals(LoginBrowserTest.storedSession(page).get("accessToken")), "a fresh access token is kept");
    }

    @Test
    void coachingProgressAndANoteMadeOfflineAreSentOnceWhenBackOnline() {
        Account rep = Accounts.create("REP", "en");
        Account manager = Accounts.create("MANAGER", "en");
        Accounts.makeManagerOf(manager, rep);
        String repToken = Accounts.token(rep);
        String task = given().auth().oauth2(Accounts.token(manager)).contentType("application/json")
                .body(Map.of("repId", rep.id(), "kind", "SKILL_TRAINING", "title", "Product training", "goal", "Pass the product test",
                        "dueOn", java.time.LocalDate.now().plusDays(7).toString()))
                .post("/api/v1/coaching-tasks").then().statusCode(201).extract().path("id");
        open("en-US");
        List<Request> writes = new CopyOnWriteArrayList<>();
        context.onRequestFinished(request -> {
            if ("POST".equals(request.method()) && request.url().contains("/api/v1/coaching-tasks/" + task + "/")) {
                writes.add(request);
            }
        });
        signIn(rep);
        goTo("Me");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My coaching")).click();
        Locator card = page.getByTestId("coaching-task").filter(new Locator.FilterOptions().setHasText("Product training"));
        assertThat(card).isVisible();

        goOffline();
        card.getByLabel("Status").selectOption("DONE");
        card.getByLabel("What you did").fill("Passed with 92 points");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save progress")).click();
        assertThat(page.getByText("Progress saved.")).isVisible();
        card.getByText("Notes").click();
        card.getByLabel("New note").fill("The pricing part needs another read");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add note")).click();
        assertThat(syncState()).hasText("2 waiting to sync");
        given().auth().oauth2(repToken).get("/api/v1/coaching-tasks/" + task).then().body("status", equalTo("OPEN"));
        // coming back to the screen offline: the list kept on the phone, and how old it is
        goTo("Me");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My coaching")).click();
        assertThat(page.getByTestId("as-of")).containsText("Offline: showing your coaching as of");
        assertThat(card).isVisible();

        goOnline();
        assertThat(syncState()).hasText("Online");
        assertThat(page.getByTestId("as-of")).hasCount(0);
        given().auth().oauth2(repToken).get("/api/v1/coaching-tasks/" + task).then().statusCode(200)
                .body("status", equalTo("DONE")).body("progress", equalTo("Passed with 92 points"))
                .body("notes.body", equalTo(List.of("The pricing part needs another read")));
        page.waitForTimeout(500); // a late duplicate replay would show up here
        assertEquals(2, writes.size(), "each queued write was sent exactly once");
        writes.forEach(w -> assertTrue(w.headerValue("idempotency-key") != null, "with its Idempotency-Key"));
    }

    @Test
    void profileChangeMadeOfflineSyncsExactlyOnceWhenBackOnline() {
        Account rep = Accounts.create("REP", "en");
        String token = Accounts.token(rep);
        int versionBefore = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("version");
        open("en-US");
        List<Request> patches = new CopyOnWriteArrayList<>();
        context.onRequestFinished(request -> {
            if ("PATCH".equals(request.method()) && request.url().endsWith("/api/v1/me")) {
                patches.add(request);
            }
        });
        signIn(rep);
        goTo("Me");

        goOffline();
        assertThat(syncState()).hasText("Offline");
        page.getByLabel("Name").fill("Emma on the road");
        page.getByLabel("Phone").fill("+86 138 0000 0000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        assertThat(page.getByText("Saved. It syncs when you are online.")).isVisible();
        assertThat(syncState()).hasText("1 waiting to sync");
        syncState().click();
        assertThat(page.getByTestId("outbox")).containsText("Profile change");
        assertThat(page.getByTestId("outbox")).containsText("Waiting to sync");
        given().auth().oauth2(token).get("/api/v1/me").then().body("displayName", equalTo(rep.displayName()));

        goOnline();

        assertThat(syncState()).hasText("Online");
        assertThat(page.getByTestId("outbox-empty")).isVisible();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("displayName", equalTo("Emma on the road"))
                .body("phone", equalTo("+86 138 0000 0000"))
                .body("version", equalTo(versionBefore + 1));
        page.waitForTimeout(500); // a late duplicate replay would show up here
        assertEquals(1, patches.size(), "the outbox sent the change exactly once");
        String idempotencyKey = patches.get(0).headerValue("idempotency-key");
        assertTrue(idempotencyKey != null && idempotencyKey.matches("[0-9a-f-]{36}"), "an Idempotency-Key header");
    }

    @Test
    void refusedWriteSaysWhyAndCanBeDiscarded() {
        Account rep = Accounts.create("REP", "en");
        open("en-US");
        signIn(rep);
        goTo("Me");

        goOffline();
        // An older client without the length limit: the server refuses this name once it arrives.
        page.getByLabel("Name").evaluate("input => input.removeAttribute('maxlength')");
        page.getByLabel("Name").fill("x".repeat(121));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(syncState()).hasText("1 waiting to sync");
        goOnline();

        assertThat(syncState()).hasText("1 failed to sync");
        syncState().click();
        Locator outbox = page.getByTestId("outbox");
        assertThat(outbox).containsText("Not synced: Some fields are not valid: displayName");
        outbox.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Discard")).click();

        assertThat(page.getByTestId("outbox-empty")).isVisible();
        assertThat(syncState()).hasText("Online");
    }
}
