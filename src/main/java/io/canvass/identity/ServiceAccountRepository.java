package io.canvass.identity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ServiceAccountRepository implements PanacheRepositoryBase<ServiceAccountCredential, UUID> {

    public Uni<ServiceAccountCredential> findByClientId(String clientId) {
        return find("#ServiceAccountCredential.byClientId", Parameters.with("clientId", clientId)).firstResult();
    }
}
