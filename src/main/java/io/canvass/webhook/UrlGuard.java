package io.canvass.webhook;

import io.canvass.platform.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps webhooks from being aimed inside the network (SSRF): https only, and every address the
 * host resolves to must be a public unicast address — no loopback, private, link-local (cloud
 * metadata), carrier-grade NAT, multicast or reserved range. Checked when an endpoint is saved and
 * again before every delivery, which then connects to the address that was checked (no second
 * lookup to rebind) and never follows redirects.
 */
@ApplicationScoped
public class UrlGuard {

    /** The outcome for one URL: where to connect. */
    public record Target(URI uri, boolean https, String host, int port, InetAddress address) {
    }

    /** Host name resolution (blocking; run on a worker). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Inject
    WebhookConfig config;

    Resolver resolver = InetAddress::getAllByName;

    /** Syntax and scheme; throws a validation problem naming {@code field}. */
    public URI parse(String field, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ProblemException.invalid(field, "must be an absolute https URL with a host, without user info or fragment");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && config.allowLocalhostReceivers())) {
            throw ProblemException.invalid(field, "must use https");
        }
        return uri;
    }

    /**
     * Resolves the host off the event loop and checks every address; the first one is used. The
     * result comes back on the caller's Vert.x context (a reactive session must stay on it).
     */
    public Uni<Target> check(String field, URI uri) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Uni<Target> resolved = Uni.createFrom().item(() -> resolve(field, uri))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? resolved : resolved.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    Target resolve(String field, URI uri) {
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw ProblemException.invalid(field, "names a host that does not resolve");
        }
        if (addresses.length == 0) {
            throw ProblemException.invalid(field, "names a host that does not resolve");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        for (InetAddress address : addresses) {
            boolean loopbackAllowed = config.allowLocalhostReceivers() && address.isLoopbackAddress();
            if (!loopbackAllowed && !isPublic(address)) {
                throw ProblemException.invalid(field, "points to a private, loopback or link-local address (" + address.getHostAddress() + ")");
            }
            if (!https && !loopbackAllowed) {
                throw ProblemException.invalid(field, "must use https");
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, https, host, port, addresses[0]);
    }

    /** A public unicast address: none of the special-purpose ranges of RFC 6890 and its successors. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isIpv4Mapped(b) || isIpv4Compatible(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {           // fc00::/7 unique local
                return false;
            }
            if (first == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) {
                return false;                      // 2001:db8::/32 documentation
            }
            if (first == 0x00 || (first == 0x01 && b[1] == 0)) {
                return false;                      // ::/8 reserved, 100::/64 discard
            }
            if (first == 0x20 && (b[1] & 0xFF) == 0x02) {
                return false;                      // 2002::/16 6to4 can embed private IPv4
            }
            if (first == 0x20 && (b[1] & 0xFF) == 0x01 && b[2] == 0 && b[3] == 0) {
                return false;                      // 2001::/32 Teredo
            }
            if (first == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
                return false;                      // 64:ff9b::/96 NAT64
            }
            return true;
        }
        if (address instanceof Inet4Address) {
            int a = b[0] & 0xFF;
            int c = b[1] & 0xFF;
            return !(a == 0                                  // 0.0.0.0/8 this network
                    || a == 10                               // private
                    || a == 127                              // loopback
                    || (a == 100 && c >= 64 && c <= 127)     // 100.64.0.0/10 carrier-grade NAT
                    || (a == 169 && c == 254)                // link-local, cloud metadata
                    || (a == 172 && c >= 16 && c <= 31)      // private
                    || (a == 192 && c == 0 && (b[2] & 0xFF) == 0)   // 192.0.0.0/24 protocol assignments
                    || (a == 192 && c == 0 && (b[2] & 0xFF) == 2)   // TEST-NET-1
                    || (a == 192 && c == 88 && (b[2] & 0xFF) == 99) // 6to4 relay
                    || (a == 192 && c == 168)                // private
                    || (a == 198 && (c == 18 || c == 19))    // benchmarking
                    || (a == 198 && c == 51 && (b[2] & 0xFF) == 100) // TEST-NET-2
                    || (a == 203 && c == 0 && (b[2] & 0xFF) == 113)  // TEST-NET-3
                    || a >= 224);                            // multicast, reserved, broadcast
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
    }

}
