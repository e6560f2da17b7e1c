package io.canvass.identity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class AccessLinkRepository implements PanacheRepositoryBase<AccessLink, UUID> {

    public Uni<AccessLink> findByHash(byte[] hash) {
        return find("#AccessLink.byHash", Parameters.with("hash", hash)).firstResult();
    }

    /** Marks every open link of the user but {@code keep} replaced (a newer one is being issued, or one was just used). */
    public Uni<Integer> replaceOpen(UUID userId, UUID keep, Instant now) {
        return update("#AccessLink.replaceOpen", Parameters.with("userId", userId).and("keep", keep).and("now", now));
    }

    public Uni<Long> purge(Instant before) {
        return delete("#AccessLink.purge", Parameters.with("before", before));
    }
}
