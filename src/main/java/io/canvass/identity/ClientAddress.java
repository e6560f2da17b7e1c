package io.canvass.identity;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.Arrays;
import java.util.Locale;

/**
 * The client address sign-in failures are counted under: the peer of the connection, or behind a
 * trusted proxy the address it forwards (Quarkus applies {@code quarkus.http.proxy.*} before the
 * request gets here; raw headers are never read). One IPv6 subscriber usually holds a whole /64,
 * so an IPv6 address counts as its /64; an IPv4 address (also one written IPv4-mapped) as itself.
 */
final class ClientAddress {

    static final String UNKNOWN = "unknown";

    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null) {
            return UNKNOWN;
        }
        return key(remote.hostAddress() != null ? remote.hostAddress() : remote.host());
    }

    /** The key for a host as the request gives it: an IP literal normally, anything a proxy wrote otherwise. */
    static String key(String host) {
        if (host == null || host.isBlank()) {
            return UNKNOWN;
        }
        String literal = host.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone > 0) {
            literal = literal.substring(0, zone);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            String other = literal.toLowerCase(Locale.ROOT);
            return other.length() > MAX_LENGTH ? other.substring(0, MAX_LENGTH) : other;
        }
        if (bytes.length == 4) {
            return NetUtil.bytesToIpAddress(bytes);
        }
        if (ipv4Mapped(bytes)) {
            return NetUtil.bytesToIpAddress(Arrays.copyOfRange(bytes, 12, 16));
        }
        byte[] prefix = Arrays.copyOf(bytes, 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        return NetUtil.bytesToIpAddress(prefix) + "/64";
    }

    private static boolean ipv4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }
}
