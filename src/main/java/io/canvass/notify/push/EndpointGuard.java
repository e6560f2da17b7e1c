package io.canvass.notify.push;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps push endpoints from becoming a server-side request forgery hole: an endpoint must be
 * https on the default port's scheme with a host name that resolves only to public addresses
 * (no loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified
 * ones). Checked when a device subscribes and again before each send (a host may be re-pointed);
 * answers are cached for a minute. {@code canvass.push.allow-local-endpoints} lifts the rule for a
 * push service inside the tests.
 */
@ApplicationScoped
public class EndpointGuard {

    static final Duration CACHE = Duration.ofMinutes(1);

    private final PushConfig config;
    private final ConcurrentHashMap<String, Verdict> verdicts = new ConcurrentHashMap<>();

    public EndpointGuard(PushConfig config) {
        this.config = config;
    }

    /** The endpoint as a URI, or why it is refused (without resolving the host). */
    public URI parse(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new RefusedEndpoint("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean local = config.allowLocalEndpoints();
        if (!scheme.equals("https") && !(local && scheme.equals("http"))) {
            throw new RefusedEndpoint("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new RefusedEndpoint("must name a host and no user");
        }
        return uri;
    }

    /** Completes with the endpoint when its host resolves to public addresses only; fails with {@link RefusedEndpoint} otherwise. */
    public Uni<URI> check(String endpoint) {
        URI uri;
        try {
            uri = parse(endpoint);
        } catch (RefusedEndpoint e) {
            return Uni.createFrom().failure(e);
        }
        if (config.allowLocalEndpoints()) {
            return Uni.createFrom().item(uri);
        }
        String host = uri.getHost();
        Verdict cached = verdicts.get(host);
        if (cached != null && cached.until.isAfter(Instant.now())) {
            return cached.reason == null ? Uni.createFrom().item(uri) : Uni.createFrom().failure(new RefusedEndpoint(cached.reason));
        }
        // name resolution blocks: off the event loop
        return Uni.createFrom().item(() -> resolve(host))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(reason -> {
                    verdicts.put(host, new Verdict(reason, Instant.now().plus(CACHE)));
                    if (reason != null) {
                        throw new RefusedEndpoint(reason);
                    }
                    return uri;
                });
    }

    private static String resolve(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return "must not point at a private or local address";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "names a host that does not resolve";
        }
    }

    /** Whether an address is on the public internet. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 224; // multicast and reserved
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Why an endpoint is not used. */
    public static class RefusedEndpoint extends RuntimeException {
        public RefusedEndpoint(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Verdict(String reason, Instant until) {
    }
}
