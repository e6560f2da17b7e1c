package io.canvass.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses a server may be sent to: a table of the ranges, then the embedded IPv4 forms as properties. */
class SpecialPurposeAddressesTest {

    /** The address a literal stands for, IPv6 kept IPv6 (Java would turn ::ffff:a.b.c.d into an IPv4 address). */
    static InetAddress address(String literal) throws UnknownHostException {
        byte[] bytes = SpecialPurposeAddresses.literal(literal);
        return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
    }

    static Inet6Address v6(byte[] bytes) {
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Every IPv6 form that carries an IPv4 address, by name. */
    static Map<String, InetAddress> embeddings(byte[] ipv4) throws UnknownHostException {
        Map<String, InetAddress> forms = new LinkedHashMap<>();
        forms.put("IPv4-mapped, as Java parses it", InetAddress.getByName("::ffff:" + InetAddress.getByAddress(ipv4).getHostAddress()));
        forms.put("IPv4-mapped, kept IPv6", v6(withIpv4(new byte[16], 12, ipv4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff)));
        forms.put("IPv4-compatible", v6(withIpv4(new byte[16], 12, ipv4)));
        forms.put("NAT64 64:ff9b::/96", v6(withIpv4(new byte[16], 12, ipv4, 0x00, 0x64, 0xff, 0x9b)));
        forms.put("6to4 2002::/16", v6(withIpv4(new byte[16], 2, ipv4, 0x20, 0x02)));
        forms.put("Teredo client", teredo(new byte[] { 65, 54, (byte) 227, 120 }, ipv4));
        forms.put("Teredo server", teredo(ipv4, new byte[] { 8, 8, 8, 8 }));
        return forms;
    }

    /** RFC 4380: 2001:0:<server>:<flags>:<port>:<client inverted>. */
    static Inet6Address teredo(byte[] server, byte[] client) {
        byte[] bytes = withIpv4(new byte[16], 4, server, 0x20, 0x01, 0x00, 0x00);
        bytes[8] = (byte) 0x80;
        for (int i = 0; i < 4; i++) {
            bytes[12 + i] = (byte) ~client[i];
        }
        return v6(bytes);
    }

    static byte[] withIpv4(byte[] bytes, int at, byte[] ipv4, int... head) {
        for (int i = 0; i < head.length; i++) {
            bytes[i] = (byte) head[i];
        }
        System.arraycopy(ipv4, 0, bytes, at, 4);
        return bytes;
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // IPv4 special-purpose ranges
            "127.0.0.1, refused", "127.255.255.254, refused", "10.0.0.1, refused", "172.16.0.1, refused", "172.31.255.255, refused",
            "192.168.0.1, refused", "100.64.0.1, refused", "100.127.255.255, refused", "169.254.169.254, refused",
            "0.0.0.0, refused", "0.1.2.3, refused", "192.0.0.9, refused", "192.0.2.1, refused", "192.88.99.1, refused",
            "198.18.0.1, refused", "198.19.255.255, refused", "198.51.100.7, refused", "203.0.113.9, refused",
            "224.0.0.1, refused", "239.255.255.250, refused", "240.0.0.1, refused", "255.255.255.255, refused",
            // IPv6 special-purpose ranges
            "::, refused", "::1, refused", "fe80::1, refused", "febf:ffff::1, refused", "fc00::1, refused", "fd12:3456::1, refused",
            "fec0::1, refused", "ff02::1, refused", "ff0e::fb, refused", "2001:db8::1, refused", "3fff::1, refused",
            "5f00::1, refused", "100::1, refused", "100:0:0:1::1, refused", "2001:2::1, refused", "2001:10::1, refused",
            "4000::1, refused", "::1:0:0:1, refused",
            // 169.254.169.254, 127.0.0.1 and 10.0.0.1 in every IPv6 form that carries an IPv4 address
            "::ffff:169.254.169.254, refused", "::ffff:127.0.0.1, refused", "::ffff:10.0.0.1, refused",
            "::169.254.169.254, refused", "::127.0.0.1, refused", "::10.0.0.1, refused",
            "64:ff9b::169.254.169.254, refused", "64:ff9b::127.0.0.1, refused", "64:ff9b::10.0.0.1, refused",
            "64:ff9b:1::a9fe:a9fe, refused", "64:ff9b:1::808:808, refused",
            "2002:a9fe:a9fe::1, refused", "2002:7f00:1::1, refused", "2002:a00:1::1, refused",
            "2001:0:4136:e378:8000:63bf:5601:5601, refused", "2001:0:4136:e378:8000:63bf:80ff:fffe, refused",
            "2001:0:4136:e378:8000:63bf:f5ff:fffe, refused", "2001:0:a00:1:8000:63bf:f7f7:f7f7, refused",
            // public
            "8.8.8.8, allowed", "1.1.1.1, allowed", "93.184.216.34, allowed", "172.32.0.1, allowed", "100.128.0.1, allowed",
            "192.0.3.1, allowed", "2001:4860:4860::8888, allowed", "2606:4700:4700::1111, allowed", "2607:f8b0:4005:80a::200a, allowed",
            "::ffff:8.8.8.8, allowed", "::8.8.8.8, allowed", "64:ff9b::8.8.8.8, allowed", "2002:808:808::1, allowed",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7, allowed"
    })
    void addressTable(String literal, String verdict) throws UnknownHostException {
        InetAddress address = address(literal);
        assertEquals(verdict.equals("allowed"), SpecialPurposeAddresses.isPublic(address),
                literal + " should be " + verdict + "; reason given: " + SpecialPurposeAddresses.whyNotPublic(address));
    }

    @Test
    void everyEmbeddedFormOfTheMetadataLoopbackAndPrivateAddressesIsRefused() throws UnknownHostException {
        for (String internal : List.of("169.254.169.254", "127.0.0.1", "10.0.0.1")) {
            byte[] ipv4 = InetAddress.getByName(internal).getAddress();
            embeddings(ipv4).forEach((form, address) ->
                    assertFalse(SpecialPurposeAddresses.isPublic(address), form + " of " + internal + " (" + address.getHostAddress() + ")"));
        }
        embeddings(new byte[] { 8, 8, 8, 8 }).forEach((form, address) ->
                assertTrue(SpecialPurposeAddresses.isPublic(address), form + " of 8.8.8.8 (" + address.getHostAddress() + ")"));
    }

    @Test
    void theReasonNamesTheRangeNeverTheAddress() throws UnknownHostException {
        assertEquals("a link-local address (169.254.0.0/16)",
                SpecialPurposeAddresses.whyNotPublic(InetAddress.getByAddress(new byte[] { (byte) 169, (byte) 254, 1, 2 })).orElseThrow());
        assertEquals("a 6to4 address (2002::/16) carrying a private-use address (10.0.0.0/8)",
                SpecialPurposeAddresses.whyNotPublic(v6(withIpv4(new byte[16], 2, new byte[] { 10, 9, 8, 7 }, 0x20, 0x02))).orElseThrow());
    }

    @Property
    void anEmbeddedIpv4AddressIsJudgedLikeTheAddressItself(@ForAll int bits) throws UnknownHostException {
        byte[] ipv4 = { (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits };
        boolean expected = SpecialPurposeAddresses.isPublic(InetAddress.getByAddress(ipv4));
        embeddings(ipv4).forEach((form, address) -> assertEquals(expected, SpecialPurposeAddresses.isPublic(address),
                form + " " + address.getHostAddress() + " of " + (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff)
                        + "." + (bits & 0xff)));
    }

    /** Cross-check against the JDK's own predicates, an independent reading of the same RFCs. */
    @Property
    void whatJavaCallsLocalOrMulticastIsNeverPublic(@ForAll("fourBytes") byte[] ipv4, @ForAll("sixteenBytes") byte[] ipv6)
            throws UnknownHostException {
        for (InetAddress address : List.of(Inet4Address.getByAddress(ipv4), v6(ipv6))) {
            if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress()) {
                assertFalse(SpecialPurposeAddresses.isPublic(address), address.getHostAddress());
            }
        }
    }

    @Property
    void ipv6OutsideGlobalUnicastIsRefusedUnlessItCarriesAPublicIpv4Address(@ForAll("sixteenBytes") byte[] raw) {
        boolean globalUnicast = (raw[0] & 0xE0) == 0x20;
        boolean carriesIpv4 = allZero(raw, 0, 10) && (allZero(raw, 10, 12) || ((raw[10] & 0xff) == 0xff && (raw[11] & 0xff) == 0xff))
                || (raw[0] == 0 && raw[1] == 0x64 && (raw[2] & 0xff) == 0xff && (raw[3] & 0xff) == 0x9b && allZero(raw, 4, 12));
        if (!globalUnicast && !carriesIpv4) {
            assertFalse(SpecialPurposeAddresses.isPublic(v6(raw)), v6(raw).getHostAddress());
        }
    }

    @Provide
    Arbitrary<byte[]> fourBytes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4);
    }

    @Provide
    Arbitrary<byte[]> sixteenBytes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16);
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
