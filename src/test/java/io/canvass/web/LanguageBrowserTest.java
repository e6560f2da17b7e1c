package io.canvass.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Each language's messages are fetched when first spoken; switching still works, offline too (precached). */
@QuarkusTest
class LanguageBrowserTest extends BrowserTest {

    List<String> messageChunks() {
        List<String> chunks = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            String path = java.net.URI.create(request.url()).getPath();
            if (path.matches("/assets/(en|zh-CN)-[^/]+\\.js")) chunks.add(path.startsWith("/assets/en-") ? "en" : "zh-CN");
        });
        return chunks;
    }

    @Test
    void loadsOnlyTheSpokenLanguageThenTheOtherOnASwitch() {
        open("en-US");
        List<String> chunks = messageChunks();

        page.navigate("/login");
        assertThat(heading()).hasText("Sign in");
        assertEquals(List.of("en"), chunks, "the first load fetches English only");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
        assertThat(heading()).hasText("登录");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertTrue(chunks.contains("zh-CN"), "switching fetched the Chinese messages: " + chunks);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(heading()).hasText("Sign in");
    }

    @Test
    void switchesLanguageWithNoNetwork() {
        open("en-US");
        page.navigate("/login");
        assertThat(heading()).hasText("Sign in");
        waitForServiceWorker();

        goOffline();
        page.reload();
        assertThat(heading()).hasText("Sign in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("中文")).click();
        assertThat(heading()).hasText("登录");
        goOnline();
    }
}
