package io.canvass.platform.outbound;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one gate for requests the server sends to URLs that users or integrators gave it (webhooks,
 * Web Push, any later channel), against server-side request forgery. A URL passes when it is
 * https (http only to loopback, and only with a channel's test switch), names a host without user
 * info or fragment, and every address the host resolves to is public (see
 * {@link SpecialPurposeAddresses}). The host is resolved once, off the event loop, and the
 * {@link Destination} that comes back pins the request to the address that was checked.
 * Channels check when the URL is saved and again before each send.
 */
@ApplicationScoped
public class OutboundGuard {

    private final HostResolver resolver;

    public OutboundGuard(HostResolver resolver) {
        this.resolver = resolver;
    }

    /** Syntax and scheme, without a lookup; throws {@link OutboundRefused}. */
    public URI parse(String url, Reach reach) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw OutboundRefused.because("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && reach == Reach.PUBLIC_AND_LOOPBACK)) {
            throw OutboundRefused.because("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw OutboundRefused.because("must name a host, without user info or a fragment");
        }
        return uri;
    }

    /** {@link #parse} then {@link #check(URI, Reach)}; a refusal fails the Uni with {@link OutboundRefused}. */
    public Uni<Destination> check(String url, Reach reach) {
        return Uni.createFrom().item(() -> parse(url, reach))
                .chain(uri -> check(uri, reach));
    }

    /**
     * Resolves the host on a worker thread and judges every address; fails with
     * {@link OutboundRefused}. The outcome comes back on the caller's Vert.x context, where a
     * reactive session must stay.
     */
    public Uni<Destination> check(URI uri, Reach reach) {
        Context context = Vertx.currentContext();
        Uni<Destination> checked = Uni.createFrom().item(() -> resolve(uri, reach))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? checked : checked.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** Blocking: the lookup and the verdict. */
    Destination resolve(URI uri, Reach reach) {
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefused("names a host that does not resolve", true);
        }
        if (addresses == null || addresses.length == 0) {
            throw new OutboundRefused("names a host that does not resolve", true);
        }
        return judge(uri, host, addresses, reach);
    }

    /** Every address must be public (or loopback, when the reach allows it); the first one is pinned. */
    static Destination judge(URI uri, String host, InetAddress[] addresses, Reach reach) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        for (InetAddress address : addresses) {
            if (reach == Reach.PUBLIC_AND_LOOPBACK && address.isLoopbackAddress()) {
                continue;
            }
            Optional<String> why = SpecialPurposeAddresses.whyNotPublic(address);
            if (why.isPresent()) {
                throw OutboundRefused.because("must point to a public address; the host resolves to " + why.get());
            }
            if (!https) {
                throw OutboundRefused.because("must be an https URL");
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        return new Destination(uri, https, host, port, addresses[0]);
    }
}
