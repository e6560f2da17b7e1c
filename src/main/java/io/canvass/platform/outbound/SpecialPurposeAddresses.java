package io.canvass.platform.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are not on the public internet: the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (RFC 6890 and its successors) as of 2025, multicast, and IPv6 outside the global
 * unicast space 2000::/3. IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible,
 * NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32) are decoded and judged by the IPv4 address
 * they carry, so {@code ::ffff:169.254.169.254}, {@code ::a9fe:a9fe}, {@code 64:ff9b::a9fe:a9fe},
 * {@code 2002:a9fe:a9fe::} and a Teredo address for it are refused like 169.254.169.254 itself.
 *
 * <p>Stricter than the registries in two places, where no web receiver lives: the whole IPv4
 * 192.0.0.0/24 and IPv6 2001::/23 protocol-assignment blocks are refused, including their few
 * globally reachable anycast and identifier entries (PCP, TURN, AMT, AS112, ORCHIDv2, DET).
 */
public final class SpecialPurposeAddresses {

    /** A CIDR block and what it is. */
    private record Block(byte[] prefix, int bits, String what) {

        static Block of(String cidr, String what) {
            String[] parts = cidr.split("/");
            return new Block(literal(parts[0]), Integer.parseInt(parts[1]), what + " (" + cidr + ")");
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    /** Most specific first: the first block that holds an address names it. */
    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "a \"this network\" address"),
            Block.of("10.0.0.0/8", "a private-use address"),
            Block.of("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            Block.of("127.0.0.0/8", "a loopback address"),
            Block.of("169.254.0.0/16", "a link-local address"),
            Block.of("172.16.0.0/12", "a private-use address"),
            Block.of("192.0.0.0/24", "an IETF protocol assignment"),
            Block.of("192.0.2.0/24", "a documentation address"),
            Block.of("192.88.99.0/24", "a 6to4 relay anycast address"),
            Block.of("192.168.0.0/16", "a private-use address"),
            Block.of("198.18.0.0/15", "a benchmarking address"),
            Block.of("198.51.100.0/24", "a documentation address"),
            Block.of("203.0.113.0/24", "a documentation address"),
            Block.of("224.0.0.0/4", "a multicast address"),
            Block.of("255.255.255.255/32", "the broadcast address"),
            Block.of("240.0.0.0/4", "a reserved address"));

    private static final Block UNSPECIFIED = Block.of("::/128", "the unspecified address");
    private static final Block LOOPBACK = Block.of("::1/128", "the loopback address");

    private static final List<Block> IPV6 = List.of(
            Block.of("64:ff9b:1::/48", "a local-use IPv4/IPv6 translation address"),
            Block.of("100::/64", "a discard-only address"),
            Block.of("100:0:0:1::/64", "a dummy address"),
            Block.of("2001:db8::/32", "a documentation address"),
            Block.of("2001::/23", "an IETF protocol assignment"),
            Block.of("3fff::/20", "a documentation address"),
            Block.of("5f00::/16", "a segment routing (SRv6) SID"),
            Block.of("fc00::/7", "a unique-local address"),
            Block.of("fe80::/10", "a link-local address"),
            Block.of("fec0::/10", "a site-local address"),
            Block.of("ff00::/8", "a multicast address"));

    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", "global unicast");
    private static final Block MAPPED = Block.of("::ffff:0:0/96", "an IPv4-mapped address");
    private static final Block COMPATIBLE = Block.of("::/96", "an IPv4-compatible address");
    private static final Block NAT64 = Block.of("64:ff9b::/96", "a NAT64 address");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16", "a 6to4 address");
    private static final Block TEREDO = Block.of("2001::/32", "a Teredo address");

    private SpecialPurposeAddresses() {
    }

    /** Whether the address is globally reachable unicast: one a server may be told to call. */
    public static boolean isPublic(InetAddress address) {
        return whyNotPublic(address).isEmpty();
    }

    /**
     * What the address is when it is not public (e.g. "a link-local address (169.254.0.0/16)"),
     * or empty when it is. Never names the address itself, so a refusal does not echo what an
     * internal host name resolved to.
     */
    public static Optional<String> whyNotPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return ipv6(bytes);
        }
        return Optional.of("not an IP address");
    }

    private static Optional<String> ipv4(byte[] bytes) {
        return IPV4.stream().filter(block -> block.contains(bytes)).findFirst().map(Block::what);
    }

    private static Optional<String> ipv6(byte[] bytes) {
        if (UNSPECIFIED.contains(bytes)) {
            return Optional.of(UNSPECIFIED.what());
        }
        if (LOOPBACK.contains(bytes)) {
            return Optional.of(LOOPBACK.what());
        }
        if (MAPPED.contains(bytes)) {
            return embedding(MAPPED, slice(bytes, 12));
        }
        if (COMPATIBLE.contains(bytes)) {
            return embedding(COMPATIBLE, slice(bytes, 12));
        }
        if (NAT64.contains(bytes)) {
            return embedding(NAT64, slice(bytes, 12));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return embedding(SIX_TO_FOUR, slice(bytes, 2));
        }
        if (TEREDO.contains(bytes)) {
            // RFC 4380: the server's IPv4 address in bits 32-63, the client's inverted in the last 32
            byte[] client = slice(bytes, 12);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            return embedding(TEREDO, slice(bytes, 4)).or(() -> embedding(TEREDO, client));
        }
        Optional<String> special = IPV6.stream().filter(block -> block.contains(bytes)).findFirst().map(Block::what);
        if (special.isPresent() || GLOBAL_UNICAST.contains(bytes)) {
            return special;
        }
        return Optional.of("an address outside the global unicast space (2000::/3)");
    }

    private static Optional<String> embedding(Block form, byte[] ipv4) {
        return ipv4(ipv4).map(why -> form.what() + " carrying " + why);
    }

    /** The bytes of an address literal; an IPv6 literal stays 16 bytes even when it is IPv4-mapped. */
    static byte[] literal(String literal) {
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }

    private static byte[] slice(byte[] bytes, int from) {
        return Arrays.copyOfRange(bytes, from, from + 4);
    }
}
