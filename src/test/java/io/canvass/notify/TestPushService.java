package io.canvass.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.canvass.notify.push.WebPushCrypto;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service for the tests, on localhost: each device it hands out has its own key pair and
 * auth secret, like a browser's subscription. Every message it receives is checked as a real push
 * service and browser would: the VAPID JWT (ES256 signature with the key in {@code k}, audience
 * = the origin named by the request's Host header, expiry within 24 h, a contact subject) and the aes128gcm body, decrypted here with
 * the device's private key by code independent of the application's. Each device answers with the
 * statuses queued for it (then 201), so every handling path can be provoked.
 */
public final class TestPushService implements AutoCloseable {

    public static final int PORT = Integer.getInteger("canvass.test.push-port", 8092);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static TestPushService running;

    private final HttpServer server;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private volatile String vapidPublicKey;

    /** One message as the device received it. */
    public record Received(String device, Map<String, Object> payload, Map<String, String> headers, byte[] body) {
    }

    /** A device: what a browser's PushSubscription holds, and what reached it. */
    public final class Device {
        public final String token = UUID.randomUUID().toString();
        final KeyPair keys = WebPushCrypto.generateKeyPair();
        final byte[] auth = new byte[16];
        final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        public final List<Received> received = Collections.synchronizedList(new ArrayList<>());
        /** Requests answered with anything but 201, and those refused for a bad VAPID token or body. */
        public final List<Integer> refused = Collections.synchronizedList(new ArrayList<>());
        private volatile String host = "localhost";

        Device() {
            RANDOM.nextBytes(auth);
        }

        public String endpoint() {
            return "http://" + host + ":" + PORT + "/push/" + token;
        }

        /** Subscribes under another name for this push service (a name the test resolves to it). */
        public Device at(String host) {
            this.host = host;
            return this;
        }

        public String p256dh() {
            return WebPushCrypto.base64Url(WebPushCrypto.rawPublic((ECPublicKey) keys.getPublic()));
        }

        public String auth() {
            return WebPushCrypto.base64Url(auth);
        }

        /** The subscription as the browser's PushSubscription.toJSON() gives it, with a label. */
        public Map<String, Object> subscription(String label) {
            return Map.of("endpoint", endpoint(), "keys", Map.of("p256dh", p256dh(), "auth", auth()), "label", label);
        }

        /** The next requests get these statuses (then 201 again). */
        public Device answer(int status, String retryAfter) {
            answers.add(new Answer(status, retryAfter));
            return this;
        }

        public Device answer(int status) {
            return answer(status, null);
        }

        public void answerAlways(int status) {
            for (int i = 0; i < 50; i++) {
                answers.add(new Answer(status, null));
            }
        }

        public void reset() {
            answers.clear();
        }
    }

    record Answer(int status, String retryAfter) {
    }

    private TestPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", PORT), 200);
        server.createContext("/push/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** The one push service of the test run (started on first use, stopped with the JVM). */
    public static synchronized TestPushService get() {
        if (running == null) {
            try {
                running = new TestPushService();
            } catch (IOException e) {
                throw new IllegalStateException("the test push service cannot listen on port " + PORT, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> running.server.stop(0)));
        }
        return running;
    }

    /** The application's VAPID public key, which every request's {@code k} must carry. */
    public TestPushService expectingKey(String publicKey) {
        this.vapidPublicKey = publicKey;
        return this;
    }

    public Device device() {
        Device device = new Device();
        devices.put(device.token, device);
        return device;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String token = exchange.getRequestURI().getPath().substring("/push/".length());
            Device device = devices.get(token);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (device == null || !"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, null);
                return;
            }
            Answer answer = device.answers.poll();
            int status = answer == null ? 201 : answer.status();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String problem = checkVapid(headers.get("authorization"), "http://" + headers.get("host"));
            if (problem == null && !"aes128gcm".equals(headers.get("content-encoding"))) {
                problem = "content-encoding is not aes128gcm";
            }
            if (problem == null && (headers.get("ttl") == null || headers.get("urgency") == null || headers.get("topic") == null
                    || headers.get("topic").length() > 32)) {
                problem = "TTL, Urgency or Topic missing";
            }
            if (problem != null) {
                device.refused.add(403);
                respond(exchange, 403, problem);
                return;
            }
            if (status == 201) {
                Map<String, Object> payload;
                try {
                    payload = JSON.readValue(decrypt(body, (ECPrivateKey) device.keys.getPrivate(),
                            WebPushCrypto.rawPublic((ECPublicKey) device.keys.getPublic()), device.auth), Map.class);
                } catch (GeneralSecurityException | RuntimeException e) {
                    device.refused.add(400);
                    respond(exchange, 400, "cannot decrypt: " + e);
                    return;
                }
                device.received.add(new Received(token, payload, headers, body));
            } else {
                device.refused.add(status);
            }
            if (answer != null && answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            respond(exchange, status, null);
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** RFC 8292: "vapid t=<JWT>, k=<key>"; null when valid, else what is wrong. */
    private String checkVapid(String authorization, String origin) {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            return "no vapid authorization";
        }
        String t = null;
        String k = null;
        for (String part : authorization.substring(6).split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair[0].equals("t")) {
                t = pair[1];
            } else if (pair[0].equals("k")) {
                k = pair[1];
            }
        }
        if (t == null || k == null) {
            return "t or k missing";
        }
        if (vapidPublicKey != null && !vapidPublicKey.equals(k)) {
            return "k is not the application server's key";
        }
        String[] jwt = t.split("\\.");
        try {
            Map<String, Object> header = JSON.readValue(Base64.getUrlDecoder().decode(jwt[0]), Map.class);
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(jwt[1]), Map.class);
            if (!"ES256".equals(header.get("alg"))) {
                return "alg is not ES256";
            }
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(WebPushCrypto.publicKey(WebPushCrypto.base64Url(k)));
            verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                return "bad signature";
            }
            Object aud = claims.get("aud");
            if (!(origin.equals(aud) || (aud instanceof List<?> list && list.equals(List.of(origin))))) {
                return "aud is " + aud;
            }
            long exp = ((Number) claims.get("exp")).longValue();
            long now = Instant.now().getEpochSecond();
            if (exp <= now || exp > now + 24 * 3600) {
                return "exp out of range";
            }
            String sub = String.valueOf(claims.get("sub"));
            if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
                return "sub is not a contact";
            }
            return null;
        } catch (Exception e) {
            return "unreadable JWT: " + e;
        }
    }

    /** The browser's half of RFC 8291, written independently of the application's encryption. */
    static byte[] decrypt(byte[] message, ECPrivateKey uaPrivate, byte[] uaPublic, byte[] auth) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(message);
        byte[] salt = new byte[16];
        in.get(salt);
        int rs = in.getInt();
        int idlen = in.get() & 0xff;
        byte[] asPublic = new byte[idlen];
        in.get(asPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (rs < 18 || message.length > 4096 + 0 || ciphertext.length > rs) {
            throw new GeneralSecurityException("record too large");
        }
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(uaPrivate);
        ecdh.doPhase(WebPushCrypto.publicKey(asPublic), true);
        byte[] secret = ecdh.generateSecret();
        byte[] ikm = hkdf(auth, secret, concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic), 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("no last-record delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    /** HKDF-SHA-256 (RFC 5869), extract then expand, for outputs up to 32 bytes. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

}
