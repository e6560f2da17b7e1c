package io.canvass.contract.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of unpaid instalments past their due day, with the count and outstanding total of every
 * one that matches the filter (not only this page), per currency.
 *
 * @param asOf when the list was read
 * @param totals per currency: how many instalments match and how much is outstanding on them
 * @param items the most overdue first
 * @param nextCursor pass as {@code cursor} for the following page; absent on the last page
 */
@Schema(name = "OverdueCollections")
public record OverdueCollections(Instant asOf, List<CurrencyTotal> totals, List<Item> items, String nextCursor) {

    /** Overdue instalments in one currency. */
    @Schema(name = "OverdueCurrencyTotal")
    public record CurrencyTotal(String currency, long count, @Schema(example = "250000.00") String outstanding) {
    }

    /**
     * One overdue instalment.
     *
     * @param daysOverdue days from the due day to today in the owner's time zone (at least 1)
     * @param remindedAt when the owner was reminded (the day after the due day), if yet
     * @param escalatedAt when the owner's managers were told (after the escalation delay), if yet
     * @param lastPaymentOn the day of the contract's latest payment, if any
     * @param lastPaymentAmount that payment's amount, in the contract's currency
     */
    @Schema(name = "OverdueInstalment")
    public record Item(UUID instalmentId, int position, UUID contractId, String contractNumber, UUID customerId, String customerName,
                       UUID ownerId, String ownerName, UUID teamId, String teamName, LocalDate dueOn, long daysOverdue,
                       @Schema(example = "100000.00") String amount, @Schema(example = "60000.00") String outstanding, String currency,
                       Instant remindedAt, Instant escalatedAt, LocalDate lastPaymentOn, String lastPaymentAmount) {
    }

    /** What to list: each part narrows the caller's scope, never widens it. */
    public record Filter(UUID ownerId, UUID teamId, String currency, Integer minDays, Integer maxDays) {
    }
}
