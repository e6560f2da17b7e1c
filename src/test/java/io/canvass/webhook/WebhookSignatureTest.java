package io.canvass.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification (its reference libraries' test vector). */
    @Test
    void matchesTheSpecificationsExample() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void rotationSendsOneSignaturePerSecretAndSecretsDiffer() {
        String a = WebhookSignature.newSecret();
        String b = WebhookSignature.newSecret();
        assertNotEquals(a, b);
        assertTrue(a.startsWith("whsec_"));
        String header = WebhookSignature.header(List.of(a, b), "id", 1, "{}");
        assertEquals(List.of(WebhookSignature.sign(a, "id", 1, "{}"), WebhookSignature.sign(b, "id", 1, "{}")), List.of(header.split(" ")));
    }

    @Test
    void secretsAreEncryptedAtRest() {
        SecretBox box = new SecretBox("ZGV2LW9ubHktd2ViaG9vay1zZWNyZXQta2V5LTMyYiE=");
        String secret = WebhookSignature.newSecret();
        byte[] sealed = box.seal(secret);
        assertTrue(!new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret.substring(6, 20)));
        assertEquals(secret, box.open(sealed));
        assertNotEquals(java.util.Arrays.toString(sealed), java.util.Arrays.toString(box.seal(secret)), "a fresh iv each time");
    }
}
