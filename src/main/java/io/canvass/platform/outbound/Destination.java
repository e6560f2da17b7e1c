package io.canvass.platform.outbound;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;

/**
 * A URL that passed {@link OutboundGuard}, with the address that was checked. Requests go to that
 * address ({@link #server()}), never to a fresh lookup of the host, while the Host header, TLS SNI
 * and certificate verification still use the host name of the URL: a DNS answer that changes
 * after the check (rebinding) cannot steer the connection anywhere else.
 *
 * @param uri the URL as given
 * @param https whether the connection uses TLS
 * @param host the host name of the URL (an IPv6 literal without its brackets)
 * @param port the port of the URL, or the scheme's default
 * @param address the checked address the connection goes to
 */
public record Destination(URI uri, boolean https, String host, int port, InetAddress address) {

    /** The socket address to connect to: the checked address as a literal, so nothing resolves it again. */
    public SocketAddress server() {
        return SocketAddress.inetSocketAddress(port, address.getHostAddress());
    }

    /** Path and query, as sent in the request line. */
    public String requestUri() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * A request pinned to the checked address, for the Vert.x HTTP client (and for the web client's
     * {@code request(method, server, options)}; its {@code request(method, options)} would drop the
     * server and resolve the host again). Redirects are not followed: a redirect target has not been
     * checked.
     */
    public RequestOptions requestOptions(HttpMethod method) {
        return new RequestOptions()
                .setMethod(method)
                .setServer(server())
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(requestUri())
                .setFollowRedirects(false);
    }
}
