package io.canvass.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each bearer token once per replica. A phone sends the same access token with every
 * request for its lifetime; checking its signature and claims again each time (an RSA
 * verification and two JSON parses) was about a tenth of a check-in's CPU. The first request
 * carrying a token verifies it as before; later requests with the identical token string reuse
 * the verified claims until the token's own expiry, after which it is verified afresh (and refused
 * once the verifier's clock skew has passed too). A token differing by a single byte is a different
 * key and is verified in full. Bounded, so a flood of distinct tokens cannot grow it.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_TOKENS = 4096;

    private record Verified(JWTAuthContextInfo rules, JWTCallerPrincipal principal) {
    }

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo rules) throws ParseException {
        long now = Instant.now().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null && known.rules == rules && known.principal.getExpirationTime() > now) {
            return known.principal;
        }
        JWTCallerPrincipal principal = verifier.parse(token, rules);
        if (principal.getExpirationTime() > now) {
            if (verified.size() >= MAX_TOKENS) {
                verified.values().removeIf(v -> v.principal.getExpirationTime() <= now);
                if (verified.size() >= MAX_TOKENS) {
                    verified.clear();
                }
            }
            verified.put(token, new Verified(rules, principal));
        }
        return principal;
    }
}
