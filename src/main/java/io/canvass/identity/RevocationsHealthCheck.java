package io.canvass.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica takes traffic only once it knows which access tokens were revoked. */
@Readiness
@ApplicationScoped
public class RevocationsHealthCheck implements HealthCheck {

    @Inject
    Revocations revocations;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("token-revocations").status(revocations.loaded()).build();
    }
}
