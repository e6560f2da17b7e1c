package io.canvass.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.platform.ProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlGuardTest {

    static UrlGuard guard(boolean allowLocalhost, String... addresses) {
        UrlGuard guard = new UrlGuard();
        guard.config = (WebhookConfig) java.lang.reflect.Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(),
                new Class<?>[] { WebhookConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("allowLocalhostReceivers")) {
                        return allowLocalhost;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        guard.resolver = host -> {
            InetAddress[] result = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                result[i] = InetAddress.getByName(addresses[i]);
            }
            return result;
        };
        return guard;
    }

    @Test
    void specialPurposeAddressesAreNotPublic() throws Exception {
        for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "fe80::1", "fd12::1",
                "::ffff:10.0.0.1", "::ffff:127.0.0.1", "2001:db8::1", "64:ff9b::a00:1", "2002:a00:1::1")) {
            assertFalse(UrlGuard.isPublic(InetAddress.getByName(a)), a);
        }
        for (String a : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8")) {
            assertTrue(UrlGuard.isPublic(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void everyResolvedAddressMustBePublic() {
        UrlGuard guard = guard(false, "93.184.216.34", "10.0.0.5");
        ProblemException e = assertThrows(ProblemException.class, () -> guard.resolve("url", URI.create("https://rebind.example.com/x")));
        assertTrue(e.getMessage().contains("10.0.0.5"), e.getMessage());
        assertEquals(443, guard(false, "93.184.216.34").resolve("url", URI.create("https://ok.example.com/x")).port());
    }

    @Test
    void httpAndLoopbackOnlyWithTheTestFlag() {
        assertThrows(ProblemException.class, () -> guard(false, "127.0.0.1").parse("url", "http://localhost:8080/x"));
        assertThrows(ProblemException.class, () -> guard(false, "127.0.0.1").resolve("url", URI.create("https://localhost/x")));
        UrlGuard test = guard(true, "127.0.0.1");
        assertEquals(8080, test.resolve("url", test.parse("url", "http://localhost:8080/x")).port());
        assertThrows(ProblemException.class, () -> guard(true, "93.184.216.34").resolve("url", URI.create("http://example.com/x")),
                "plain http to anything but loopback stays refused");
    }
}
