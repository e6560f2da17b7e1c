package io.canvass.notify.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

/** RFC 8291 message encryption, checked against the RFC's own example. */
class WebPushCryptoTest {

    // RFC 8291, Appendix A: every value as the RFC prints it (base64url)
    static final String PLAINTEXT = "V2hlbiBJIGdyb3cgdXAsIEkgd2FudCB0byBiZSBhIHdhdGVybWVsb24";
    static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String MESSAGE = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_"
            + "yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void reproducesRfc8291AppendixAByteForByte() {
        KeyPair as = WebPushCrypto.keyPair(WebPushCrypto.base64Url(AS_PRIVATE), WebPushCrypto.base64Url(AS_PUBLIC));
        byte[] plaintext = WebPushCrypto.base64Url(PLAINTEXT);
        assertEquals("When I grow up, I want to be a watermelon", new String(plaintext, StandardCharsets.UTF_8));

        byte[] message = WebPushCrypto.encrypt(plaintext, WebPushCrypto.base64Url(UA_PUBLIC), WebPushCrypto.base64Url(AUTH_SECRET),
                as, WebPushCrypto.base64Url(SALT));

        assertEquals(MESSAGE, WebPushCrypto.base64Url(message));
    }

    @Test
    void theRawKeyFormsRoundTrip() {
        KeyPair keys = WebPushCrypto.generateKeyPair();
        byte[] raw = WebPushCrypto.rawPublic((ECPublicKey) keys.getPublic());
        assertEquals(65, raw.length);
        assertEquals(4, raw[0]);
        assertArrayEquals(raw, WebPushCrypto.rawPublic(WebPushCrypto.publicKey(raw)));
        assertEquals(32, WebPushCrypto.rawPrivate((java.security.interfaces.ECPrivateKey) keys.getPrivate()).length);
    }

    @Test
    void refusesAPointThatIsNotOnTheCurve() {
        byte[] raw = WebPushCrypto.base64Url(UA_PUBLIC);
        raw[64] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> WebPushCrypto.publicKey(raw));
        assertThrows(IllegalArgumentException.class, () -> WebPushCrypto.publicKey(new byte[33]));
    }

    @Test
    void refusesAPayloadThatDoesNotFitOneRecord() {
        byte[] ua = WebPushCrypto.base64Url(UA_PUBLIC);
        byte[] auth = WebPushCrypto.base64Url(AUTH_SECRET);
        assertEquals(4096, WebPushCrypto.encrypt(new byte[WebPushCrypto.MAX_PLAINTEXT], ua, auth).length);
        assertThrows(IllegalArgumentException.class, () -> WebPushCrypto.encrypt(new byte[WebPushCrypto.MAX_PLAINTEXT + 1], ua, auth));
    }
}
