package io.canvass.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Tells how many replicas this one counts when it takes its share of the rate limits. */
@Readiness
@ApplicationScoped
public class ReplicasHealthCheck implements HealthCheck {

    @Inject
    Replicas replicas;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rate-limit-replicas").up().withData("liveReplicas", replicas.live()).build();
    }
}
