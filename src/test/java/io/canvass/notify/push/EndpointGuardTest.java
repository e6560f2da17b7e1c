package io.canvass.notify.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Push endpoints cannot be pointed at the server's own network. */
class EndpointGuardTest {

    static EndpointGuard guard(boolean allowLocal) {
        return new EndpointGuard(new PushConfig() {
            public boolean enabled() {
                return true;
            }

            public Optional<String> vapidPublicKey() {
                return Optional.empty();
            }

            public Optional<String> vapidPrivateKey() {
                return Optional.empty();
            }

            public String subject() {
                return "mailto:ops@canvass.io";
            }

            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            public Duration ttl() {
                return Duration.ofDays(1);
            }

            public boolean allowLocalEndpoints() {
                return allowLocal;
            }

            public int concurrency() {
                return 8;
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
            "::1", "fc00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1" })
    void privateAndLocalAddressesAreNotPublic(String address) throws UnknownHostException {
        assertFalse(EndpointGuard.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = { "142.250.72.10", "8.8.8.8", "2607:f8b0:4005:80a::200a", "::ffff:8.8.8.8" })
    void publicAddressesArePublic(String address) throws UnknownHostException {
        assertTrue(EndpointGuard.isPublic(InetAddress.getByName(address)), address);
    }

    @Test
    void onlyHttpsEndpointsWithoutCredentials() {
        EndpointGuard strict = guard(false);
        assertEquals("must be an https URL",
                assertThrows(EndpointGuard.RefusedEndpoint.class, () -> strict.parse("http://push.example.com/x")).getMessage());
        assertThrows(EndpointGuard.RefusedEndpoint.class, () -> strict.parse("file:///etc/passwd"));
        assertThrows(EndpointGuard.RefusedEndpoint.class, () -> strict.parse("https://user:pw@push.example.com/x"));
        assertThrows(EndpointGuard.RefusedEndpoint.class, () -> strict.parse("not a url"));
        assertEquals("push.example.com", strict.parse("https://push.example.com/x").getHost());
    }

    @Test
    void aHostResolvingToLoopbackIsRefusedUnlessTestsAllowIt() {
        Throwable refused = assertThrows(EndpointGuard.RefusedEndpoint.class,
                () -> guard(false).check("https://localhost/push/1").await().atMost(Duration.ofSeconds(10)));
        assertEquals("must not point at a private or local address", refused.getMessage());
        assertEquals("localhost", guard(true).check("http://localhost:8092/push/1").await().atMost(Duration.ofSeconds(10)).getHost());
    }
}
