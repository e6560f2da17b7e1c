package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebUrlTest {

    @Test
    void absoluteHttpAndHttpsAddressesWithAHostAreWebUrls() {
        for (String url : List.of("https://docs.example.com/a.pdf", "http://10.0.0.8:8080/d?id=1#p2", "HTTPS://EXAMPLE.COM",
                "https://[2001:db8::1]/x", "https://dms.example.com/合同/1.pdf")) {
            assertTrue(WebUrl.Validator.isWebUrl(url), url + " is a web address");
        }
    }

    @Test
    void scriptDataRelativeAndMalformedAddressesAreNot() {
        for (String url : List.of("javascript:alert(1)", "JAVASCRIPT:alert(1)", "\tjavascript:alert(1)", "java\nscript:alert(1)",
                "data:text/html;base64,PHNjcmlwdD4=", "blob:https://example.com/1", "ftp://example.com/a", "mailto:a@example.com",
                "/relative", "//example.com/x", "https:example.com", "https://", "https://user:pw@example.com/",
                "https://example.com/a b", "")) {
            assertFalse(WebUrl.Validator.isWebUrl(url), url + " is not a web address");
        }
    }
}
