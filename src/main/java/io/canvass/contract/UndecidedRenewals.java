package io.canvass.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of contracts whose renewal is not decided: ended without a decision first, then by days
 * to expiry. {@code total} counts every contract that matches the filter, not only this page.
 *
 * @param asOf when the list was read
 * @param nextCursor pass as {@code cursor} for the following page; absent on the last page
 */
@Schema(name = "UndecidedRenewals")
public record UndecidedRenewals(Instant asOf, long total, List<RenewalItem> items, String nextCursor) {

    /** What to list: each part narrows the caller's scope, never widens it. */
    public record Filter(UUID ownerId, UUID teamId, String currency, int withinDays) {
    }
}
