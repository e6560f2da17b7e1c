package io.canvass.notify.push;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VAPID (RFC 8292): the {@code Authorization: vapid t=..., k=...} header proving to a push service
 * which application server sends. The ES256 JWT names the push service's origin as audience and
 * lives 12 hours (the RFC allows 24); one token per origin is reused until an hour before expiry.
 */
@ApplicationScoped
public class Vapid {

    static final Duration LIFETIME = Duration.ofHours(12);
    static final Duration RENEW_BEFORE = Duration.ofHours(1);

    private final VapidKeys keys;
    private final PushConfig config;
    private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();

    public Vapid(VapidKeys keys, PushConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** The Authorization header value for a request to this endpoint. */
    public String authorization(URI endpoint) {
        String audience = origin(endpoint);
        Instant now = Instant.now();
        Token token = tokens.compute(audience, (origin, current) -> current != null && current.expires.minus(RENEW_BEFORE).isAfter(now)
                ? current
                : sign(origin, now));
        return "vapid t=" + token.jwt + ", k=" + keys.publicKey();
    }

    private Token sign(String audience, Instant now) {
        Instant expires = now.plus(LIFETIME);
        String jwt = Jwt.audience(audience)
                .subject(config.subject())
                .issuedAt(now)
                .expiresAt(expires)
                .jws().algorithm(SignatureAlgorithm.ES256).header("typ", "JWT")
                .sign(keys.privateKey());
        return new Token(jwt, expires);
    }

    static String origin(URI endpoint) {
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || ("https".equals(endpoint.getScheme()) && port == 443)
                || ("http".equals(endpoint.getScheme()) && port == 80);
        return endpoint.getScheme() + "://" + endpoint.getHost() + (defaultPort ? "" : ":" + port);
    }

    private record Token(String jwt, Instant expires) {
    }
}
