package io.canvass.identity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    public Uni<RefreshToken> findByHash(byte[] hash) {
        return find("#RefreshToken.byHash", Parameters.with("hash", hash)).firstResult();
    }

    /** Marks the token used; false when someone else spent or revoked it first. */
    public Uni<Boolean> spend(UUID id, Instant now) {
        return update("#RefreshToken.spend", Parameters.with("id", id).and("now", now)).map(n -> n == 1);
    }

    public Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return update("#RefreshToken.revokeFamily", Parameters.with("familyId", familyId).and("now", now));
    }

    public Uni<Integer> revokeAllOf(UUID userId, Instant now) {
        return update("#RefreshToken.revokeUser", Parameters.with("userId", userId).and("now", now));
    }
}
