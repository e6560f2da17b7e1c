package io.canvass.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic and its decision, and how client addresses are keyed. */
class LoginThrottleRulesTest {

    final LoginThrottle.Rule perAddress = new LoginThrottle.Rule(5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void pausesStartAtTheLimitDoubleAndStopAtTheLongest() {
        assertEquals(Duration.ZERO, perAddress.pause(4));
        assertEquals(Duration.ofSeconds(30), perAddress.pause(5));
        assertEquals(Duration.ofSeconds(60), perAddress.pause(6));
        assertEquals(Duration.ofSeconds(480), perAddress.pause(9));
        assertEquals(Duration.ofMinutes(15), perAddress.pause(10));
        assertEquals(Duration.ofMinutes(15), perAddress.pause(10_000));
    }

    @Test
    void anAddressWithoutRecentFailuresIsHeardWhileTheAccountIsPaused() {
        assertNull(LoginThrottle.refusal(false, 0, 600), "the owner's own device, while others' guesses pause the account");
        assertEquals(Duration.ofSeconds(600), LoginThrottle.refusal(true, 0, 600).retryAfter(), "an address that failed waits for the account");
        assertEquals(Duration.ofSeconds(30), LoginThrottle.refusal(true, 30, 0).retryAfter(), "an address paused on its own");
        assertNotNull(LoginThrottle.refusal(true, 30, 600));
        assertNull(LoginThrottle.refusal(true, 0, 0), "failed before, but nothing is paused");
    }

    @Test
    void addressesAreKeyedAsLiteralsAndIpv6ByItsSlash64() {
        assertEquals("203.0.113.7", ClientAddress.key("203.0.113.7"));
        assertEquals("203.0.113.7", ClientAddress.key("::ffff:203.0.113.7"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.key("[2001:0db8:0001:0002:0000:0000:0000:0001]"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.key("2001:db8:1:2::1%eth0"));
        assertEquals("::/64", ClientAddress.key("::1"));
        assertEquals("unknown", ClientAddress.key(null));
        assertEquals("unknown", ClientAddress.key(" "));
        assertEquals("_hidden", ClientAddress.key("_HIDDEN"), "an obfuscated identifier a proxy may forward");
        assertEquals(64, ClientAddress.key("x".repeat(300)).length());
    }
}
