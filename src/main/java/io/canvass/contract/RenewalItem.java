package io.canvass.contract;

import io.canvass.customer.HealthScore;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A contract on the renewal radar.
 *
 * @param daysToEnd days from today in the owner's time zone to the contract's last day (negative: ended)
 * @param radar the tightest radar band the contract falls in (7, 30, 60 or 90 days), null once ended
 * @param expiredUndecided ended without a renewal decision
 * @param health the customer's health score
 */
@Schema(name = "RenewalItem")
public record RenewalItem(UUID contractId, String number, UUID customerId, String customerName, UUID ownerId, String ownerName,
                          LocalDate endsOn, long daysToEnd, Integer radar, String value, String currency, Contract.Status status,
                          Contract.RenewalState renewalState, boolean expiredUndecided, HealthScore health) {

    /** The radar bands, tightest first. */
    public static final int[] BANDS = { 7, 30, 60, 90 };

    public static Integer band(long daysToEnd) {
        if (daysToEnd < 0) {
            return null;
        }
        for (int band : BANDS) {
            if (daysToEnd <= band) {
                return band;
            }
        }
        return null;
    }

    RenewalItem withHealth(HealthScore score) {
        return new RenewalItem(contractId, number, customerId, customerName, ownerId, ownerName, endsOn, daysToEnd, radar, value,
                currency, status, renewalState, expiredUndecided, score);
    }
}
