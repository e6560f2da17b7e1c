package io.canvass.platform.outbound;

import java.util.List;

/**
 * URLs that aim at the server's own network through every form an address can take. Each must be
 * refused by every channel, even with the channels' test switches on (which admit loopback itself,
 * so {@code ::ffff:127.0.0.1}, which Java reads as 127.0.0.1, is not here).
 */
public final class InternalTargets {

    public static final List<String> URLS = List.of(
            "https://169.254.169.254/latest/meta-data", "https://10.0.0.1/x", "https://100.64.0.1/x", "https://192.168.1.20/x",
            // IPv4-mapped
            "https://[::ffff:169.254.169.254]/x", "https://[::ffff:10.0.0.1]/x",
            // IPv4-compatible
            "https://[::169.254.169.254]/x", "https://[::127.0.0.1]/x", "https://[::10.0.0.1]/x",
            // NAT64, well-known and local-use prefixes
            "https://[64:ff9b::169.254.169.254]/x", "https://[64:ff9b::127.0.0.1]/x", "https://[64:ff9b::10.0.0.1]/x",
            "https://[64:ff9b:1::a9fe:a9fe]/x",
            // 6to4
            "https://[2002:a9fe:a9fe::1]/x", "https://[2002:7f00:1::1]/x", "https://[2002:a00:1::1]/x",
            // Teredo, the client address inverted in the last 32 bits
            "https://[2001:0:4136:e378:8000:63bf:5601:5601]/x", "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x",
            "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/x",
            // IPv6 local and special ranges
            "https://[fe80::1]/x", "https://[fd00::1]/x", "https://[fec0::1]/x", "https://[3fff::1]/x", "https://[5f00::1]/x");

    private InternalTargets() {
    }
}
