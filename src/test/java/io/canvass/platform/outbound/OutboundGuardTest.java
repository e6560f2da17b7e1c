package io.canvass.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The guard's rules for a URL and the destination it hands back: pure logic, with a scripted resolver. */
class OutboundGuardTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** Answers each lookup with the next script line (the last one repeats), like a DNS server that rebinds. */
    @jakarta.enterprise.inject.Vetoed
    static final class ScriptedResolver extends HostResolver {
        final List<String[]> answers;
        final AtomicInteger lookups = new AtomicInteger();

        ScriptedResolver(String[]... answers) {
            this.answers = List.of(answers);
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String[] answer = answers.get(Math.min(lookups.getAndIncrement(), answers.size() - 1));
            if (answer.length == 0) {
                throw new UnknownHostException(host);
            }
            InetAddress[] addresses = new InetAddress[answer.length];
            for (int i = 0; i < answer.length; i++) {
                addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(answer[i]).getAddress());
            }
            return addresses;
        }
    }

    static OutboundGuard guard(String... addresses) {
        return new OutboundGuard(new ScriptedResolver(addresses));
    }

    static OutboundRefused refused(Uni<?> check) {
        return assertThrows(OutboundRefused.class, () -> check.await().atMost(WAIT));
    }

    @Test
    void onlyHttpsUrlsThatNameAHostWithoutCredentials() {
        OutboundGuard guard = guard("93.184.216.34");
        assertEquals("must be an https URL", assertThrows(OutboundRefused.class, () -> guard.parse("http://hooks.example.com/x", Reach.PUBLIC))
                .getMessage());
        for (String url : List.of("ftp://hooks.example.com/x", "file:///etc/passwd", "https://user:pw@hooks.example.com/x",
                "https://hooks.example.com/x#frag", "https:///x", "not a url", "//hooks.example.com/x")) {
            assertThrows(OutboundRefused.class, () -> guard.parse(url, Reach.PUBLIC), url);
        }
        assertEquals("hooks.example.com", guard.parse("  https://hooks.example.com/x ", Reach.PUBLIC).getHost());
    }

    @Test
    void everyResolvedAddressMustBePublicAndTheRefusalDoesNotEchoIt() {
        OutboundRefused e = refused(guard("93.184.216.34", "10.0.0.5").check("https://rebind.example.com/x", Reach.PUBLIC));
        assertEquals("must point to a public address; the host resolves to a private-use address (10.0.0.0/8)", e.getMessage());
        assertFalse(e.unresolved());
        assertEquals(443, guard("93.184.216.34").check("https://ok.example.com/x", Reach.PUBLIC).await().atMost(WAIT).port());
    }

    @Test
    void addressLiteralsAreJudgedToo() {
        OutboundGuard guard = new OutboundGuard(new HostResolver());
        for (String url : List.of("https://169.254.169.254/latest/meta-data", "https://[::ffff:169.254.169.254]/x",
                "https://[::a9fe:a9fe]/x", "https://[64:ff9b::a9fe:a9fe]/x", "https://[2002:a9fe:a9fe::1]/x",
                "https://[2001:0:4136:e378:8000:63bf:5601:5601]/x", "https://[fd00::1]/x", "https://127.0.0.1/x")) {
            assertFalse(refused(guard.check(url, Reach.PUBLIC)).unresolved(), url);
        }
        assertEquals("8.8.8.8", guard.check("https://8.8.8.8/x", Reach.PUBLIC).await().atMost(WAIT).address().getHostAddress());
    }

    @Test
    void httpAndLoopbackOnlyUnderATestSwitch() {
        refused(guard("127.0.0.1").check("https://localhost/x", Reach.PUBLIC));
        assertEquals(8080, guard("127.0.0.1", "::1").check("http://localhost:8080/x", Reach.PUBLIC_AND_LOOPBACK).await().atMost(WAIT).port());
        assertEquals("must be an https URL", refused(guard("93.184.216.34").check("http://example.com/x", Reach.PUBLIC_AND_LOOPBACK))
                .getMessage(), "plain http to anything but loopback stays refused");
        refused(guard("127.0.0.1", "169.254.169.254").check("https://localhost/x", Reach.PUBLIC_AND_LOOPBACK));
        refused(guard("10.0.0.1").check("https://internal.example/x", Reach.PUBLIC_AND_LOOPBACK));
    }

    @Test
    void localhostAsTheSystemResolvesItIsRefusedUnlessATestSwitchAllowsLoopback() {
        OutboundGuard guard = new OutboundGuard(new HostResolver());
        refused(guard.check("https://localhost/push/1", Reach.PUBLIC));
        assertTrue(guard.check("http://localhost:8092/push/1", Reach.PUBLIC_AND_LOOPBACK).await().atMost(WAIT).address().isLoopbackAddress());
    }

    @Test
    void aHostThatDoesNotResolveIsToldApartFromARefusedOne() {
        OutboundRefused e = refused(new OutboundGuard(new ScriptedResolver(new String[0])).check("https://gone.example.com/x", Reach.PUBLIC));
        assertTrue(e.unresolved());
        assertEquals("names a host that does not resolve", e.getMessage());
    }

    @Test
    void theAddressThatWasCheckedIsTheOneTheRequestGoesTo() {
        ScriptedResolver dns = new ScriptedResolver(new String[] { "93.184.216.34" }, new String[] { "169.254.169.254" });
        OutboundGuard guard = new OutboundGuard(dns);

        Destination destination = guard.check("https://hooks.example.com/in?tenant=7", Reach.PUBLIC).await().atMost(WAIT);

        assertEquals(1, dns.lookups.get(), "one lookup per check");
        var request = destination.requestOptions(io.vertx.core.http.HttpMethod.POST);
        assertEquals("93.184.216.34", request.getServer().host(), "connects to the checked address, not to a new lookup");
        assertEquals(443, request.getServer().port());
        assertEquals("hooks.example.com", request.getHost(), "Host header, SNI and certificate checks use the name");
        assertEquals(443, request.getPort());
        assertTrue(request.isSsl());
        assertEquals("/in?tenant=7", request.getURI());
        assertFalse(request.getFollowRedirects());
        // the next send checks again and sees the rebound answer
        refused(guard.check("https://hooks.example.com/in?tenant=7", Reach.PUBLIC));
    }

    @Property
    void aHostPassesOnlyWhenEveryAddressIsPublicAndTheFirstIsPinned(@ForAll("answers") List<String> answer) {
        Uni<Destination> check = guard(answer.toArray(String[]::new)).check("https://multi.example.com/", Reach.PUBLIC);
        boolean allPublic = answer.stream().allMatch(a -> SpecialPurposeAddresses.isPublic(literal(a)));
        if (allPublic) {
            assertEquals(literal(answer.get(0)), check.await().atMost(WAIT).address());
        } else {
            refused(check);
        }
    }

    @Provide
    Arbitrary<List<String>> answers() {
        return Arbitraries.of("8.8.8.8", "2001:4860:4860::8888", "93.184.216.34", "10.0.0.1", "169.254.169.254", "127.0.0.1", "::1",
                "fd00::1", "::ffff:a9fe:a9fe", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "100.64.0.1").list().ofMinSize(1).ofMaxSize(4);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
