package io.canvass.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.jwt.Claims;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each bearer token once per replica, and refuses revoked ones on every request. A phone
 * sends the same access token with every request for its lifetime; checking its signature and
 * claims again each time (an RSA verification and two JSON parses) was about a tenth of a
 * check-in's CPU. The first request carrying a token verifies it as before; later requests with
 * the identical token string reuse the verified claims until the token's own expiry, after which
 * it is verified afresh (and refused once the verifier's clock skew has passed too). A token
 * differing by a single byte is a different key and is verified in full. Bounded, so a flood of
 * distinct tokens cannot grow it.
 * <p>
 * A token issued in the future (beyond the clock skew) is refused. Every request, cached or not,
 * asks {@link Revocations} (two in-memory lookups) whether the token's user or session was revoked.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_TOKENS = 4096;

    /** The claim naming the user's token generation when the token was issued. */
    public static final String GENERATION_CLAIM = "gen";

    /** The claim naming the refresh chain a person's token was issued along. */
    public static final String SESSION_CLAIM = "sid";

    private record Verified(JWTAuthContextInfo rules, JWTCallerPrincipal principal, UUID subject, int generation, UUID session) {
    }

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    Revocations revocations;

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo rules) throws ParseException {
        long now = Instant.now().getEpochSecond();
        Verified known = verified.get(token);
        if (known == null || known.rules != rules || known.principal.getExpirationTime() <= now) {
            known = verify(token, rules, now);
        }
        if (revocations.revoked(known.subject, known.generation, known.session)) {
            throw new ParseException("The token was revoked");
        }
        return known.principal;
    }

    private Verified verify(String token, JWTAuthContextInfo rules, long now) throws ParseException {
        JWTCallerPrincipal principal = verifier.parse(token, rules);
        if (number(principal.getClaim(Claims.iat.name())) > now + rules.getClockSkew()) {
            throw new ParseException("The token is issued in the future");
        }
        Verified fresh = new Verified(rules, principal, uuid(principal.getSubject()),
                principal.claim(GENERATION_CLAIM).map(VerifiedTokens::generation).orElse(0),
                principal.<Object>claim(SESSION_CLAIM).map(Object::toString).map(VerifiedTokens::uuid).orElse(null));
        if (principal.getExpirationTime() > now) {
            if (verified.size() >= MAX_TOKENS) {
                verified.values().removeIf(v -> v.principal.getExpirationTime() <= now);
                if (verified.size() >= MAX_TOKENS) {
                    verified.clear();
                }
            }
            verified.put(token, fresh);
        }
        return fresh;
    }

    /** The generation as issued; anything unreadable counts as the oldest, so any revocation refuses it. */
    private static int generation(Object claim) {
        return (int) number(claim);
    }

    /** A numeric claim as the parser gives it (a Long, or a JSON number for custom claims); 0 when absent. */
    private static long number(Object claim) {
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return claim instanceof Number number ? number.longValue() : 0;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
