package io.canvass.followup;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Renewals due and overdue instalments for a person's day, provided by the contract feature so
 * the agenda never reads its tables. Runs on the Vert.x pool (no Hibernate session).
 */
public interface AgendaMoney {

    Uni<Items> forOwner(UUID ownerId, LocalDate day);

    /** What the day holds. */
    record Items(List<RenewalDue> renewals, List<CollectionDue> collections) {
    }

    /**
     * A contract whose renewal is due: undecided and within the renewal horizon, or ended without a decision.
     *
     * @param daysToEnd days from the day to the contract's last day (negative: ended)
     */
    @Schema(name = "AgendaRenewal")
    record RenewalDue(UUID contractId, String number, UUID customerId, String customerName, LocalDate endsOn, long daysToEnd,
                      String renewalState, boolean expiredUndecided) {
    }

    /** An unpaid instalment past its due day. */
    @Schema(name = "AgendaCollection")
    record CollectionDue(UUID instalmentId, UUID contractId, String number, UUID customerId, String customerName, LocalDate dueOn,
                         long daysOverdue, @Schema(example = "100000.00") String outstanding, String currency) {
    }
}
