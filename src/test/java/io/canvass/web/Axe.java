package io.canvass.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs axe-core (the npm package the web-ui installs) in the page and fails on any WCAG 2.x A/AA violation. */
final class Axe {

    private static String source;

    private Axe() {
    }

    static void assertNoViolations(Page page, String screen) {
        // run as a function the browser's debugger compiles: the app's Content-Security-Policy refuses inline scripts
        page.evaluate("() => {\n" + source() + "\n}");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                  });
                  return result.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).join(' | '),
                  }));
                }""");
        assertEquals(List.of(), violations, "axe violations on " + screen);
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                source = Files.readString(Path.of("web-ui/node_modules/axe-core/axe.min.js"));
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is installed by the web-ui build (npm)", e);
            }
        }
        return source;
    }
}
