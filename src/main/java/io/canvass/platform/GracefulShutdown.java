package io.canvass.platform;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The first moment of a shutdown (SIGTERM from Kubernetes): readiness already reports DOWN
 * (Quarkus's shutdown readiness check), so the Service stops sending new requests during
 * {@code quarkus.shutdown.delay} while requests in flight finish (up to {@code quarkus.shutdown.timeout}).
 * Scheduled jobs are paused here so this replica claims no new work while it drains; the other
 * replicas claim it.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);

    @Inject
    Scheduler scheduler;

    void draining(@Observes ShutdownDelayInitiatedEvent event) {
        scheduler.pause();
        LOG.info("Shutting down: readiness is DOWN, scheduled jobs are paused, requests in flight are finishing");
    }
}
