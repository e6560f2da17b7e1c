package io.canvass.identity;

import io.canvass.platform.Caller;
import io.canvass.platform.Ids;
import io.canvass.platform.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Issues access tokens (RS256 JWTs) and rotates refresh-token chains. */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);

    @Inject
    AuthConfig config;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    UserRepository users;

    @Inject
    Revocations revocations;

    /** Access token and a refresh token starting a new chain. Call inside a transaction. */
    public Uni<TokenPair> startChain(User user) {
        UUID chain = Ids.newId();
        return issueRefresh(user.id, chain).map(refresh -> pair(user, chain, refresh));
    }

    /** Access token alone, for service accounts. */
    public TokenPair accessOnly(User account) {
        return pair(account, null, null);
    }

    /**
     * Trades a refresh token for a new pair. A token that was already spent means it leaked:
     * the whole chain is revoked (committed) and the caller gets 401.
     */
    public Uni<TokenPair> refresh(String presented) {
        return Panache.withTransaction(() -> rotate(presented))
                .call(rotation -> rotation.failure() == null ? Uni.createFrom().voidItem() : revocations.sync())
                .map(Rotation::orThrow);
    }

    /**
     * Revokes the chain the token belongs to, and the access tokens issued along it (here at once,
     * on the other replicas within seconds); unknown tokens are ignored.
     */
    public Uni<Void> revokeChain(String presented) {
        return Panache.withTransaction(() -> refreshTokens.findByHash(Secrets.sha256(presented))
                .chain(token -> token == null
                        ? Uni.createFrom().voidItem()
                        : refreshTokens.revokeFamily(token.familyId, Instant.now()).replaceWithVoid()))
                .call(revocations::sync);
    }

    /**
     * Signs {@code user} out everywhere: revokes their refresh tokens and raises their token
     * generation, so every access token issued so far stops working. Call inside a transaction,
     * then {@link Revocations#sync()} after the commit to make it hold on this replica at once.
     */
    public Uni<Integer> revokeAllOf(User user) {
        user.revokeAccessTokens();
        return refreshTokens.revokeAllOf(user.id, Instant.now());
    }

    private Uni<Rotation> rotate(String presented) {
        Instant now = Instant.now();
        return refreshTokens.findByHash(Secrets.sha256(presented))
                .chain(token -> {
                    if (token == null || token.revokedAt != null || token.expiresAt.isBefore(now)) {
                        return Uni.createFrom().item(Rotation.failed("The refresh token is not valid; sign in again"));
                    }
                    if (token.usedAt != null) {
                        return reuseDetected(token, now);
                    }
                    return refreshTokens.spend(token.id, now)
                            .chain(spent -> spent ? next(token) : reuseDetected(token, now));
                });
    }

    private Uni<Rotation> reuseDetected(RefreshToken token, Instant now) {
        LOG.warnf("Refresh token of chain %s presented again: revoking the chain of user %s", token.familyId, token.userId);
        return refreshTokens.revokeFamily(token.familyId, now)
                .map(n -> Rotation.failed("The refresh token was already used; every session of this chain is signed out"));
    }

    private Uni<Rotation> next(RefreshToken spent) {
        return users.findById(spent.userId)
                .chain(user -> user == null || !user.active
                        ? Uni.createFrom().item(Rotation.failed("The account is not active"))
                        : issueRefresh(user.id, spent.familyId).map(raw -> Rotation.ok(pair(user, spent.familyId, raw))));
    }

    private Uni<String> issueRefresh(UUID userId, UUID familyId) {
        String raw = Secrets.random(32);
        RefreshToken token = new RefreshToken();
        token.id = Ids.newId();
        token.userId = userId;
        token.familyId = familyId;
        token.tokenHash = Secrets.sha256(raw);
        token.issuedAt = Instant.now();
        token.expiresAt = token.issuedAt.plus(config.refreshTokenTtl());
        return refreshTokens.persist(token).map(t -> raw);
    }

    private TokenPair pair(User user, UUID chain, String refresh) {
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(user.id.toString())
                .upn(user.email != null ? user.email : user.displayName)
                .groups(Set.of(user.role.name()))
                .claim("name", user.displayName)
                .claim("locale", user.locale)
                .claim(Caller.ZONE_CLAIM, user.timeZone)
                .claim(VerifiedTokens.GENERATION_CLAIM, user.tokenGeneration)
                .expiresIn(config.accessTokenTtl());
        if (chain != null) {
            claims.claim(VerifiedTokens.SESSION_CLAIM, chain.toString());
        }
        if (user.teamId != null) {
            claims.claim(Caller.TEAM_CLAIM, user.teamId.toString());
        }
        return new TokenPair(claims.sign(), "Bearer", config.accessTokenTtl().toSeconds(), refresh);
    }

    /** The outcome of a rotation, decided inside the transaction and raised after its commit. */
    private record Rotation(TokenPair pair, String failure) {
        static Rotation ok(TokenPair pair) {
            return new Rotation(pair, null);
        }

        static Rotation failed(String why) {
            return new Rotation(null, why);
        }

        TokenPair orThrow() {
            if (failure != null) {
                throw ProblemException.unauthorized(failure);
            }
            return pair;
        }
    }
}
