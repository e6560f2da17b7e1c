package io.canvass.expense;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of expense claims. */
@ConfigMapping(prefix = "canvass.expense")
public interface ExpenseConfig {

    /** Largest receipt image accepted, in bytes. */
    @WithDefault("5242880")
    int maxReceiptBytes();

    /** How many receipts one claim may carry. */
    @WithDefault("10")
    int maxReceiptsPerClaim();

    /** The longest span, in months, one expense report covers. */
    @WithDefault("24")
    int maxReportMonths();
}
