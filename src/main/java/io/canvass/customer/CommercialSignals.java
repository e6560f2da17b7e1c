package io.canvass.customer;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What the contracts side knows about customers' health (overdue instalments, renewals at
 * risk), provided by the contract feature. Customers without contracts are absent from the map.
 * Runs on the Vert.x pool, outside any Hibernate session.
 */
public interface CommercialSignals {

    Uni<Map<UUID, HealthScore.Commercial>> of(Collection<UUID> customerIds);
}
