package io.canvass.expense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The arithmetic of return on spend and of the budget rule. */
class ReturnOnSpendTest {

    @Test
    void spendPerOutcomeIsRoundedHalfEvenToTheCurrencysMinorUnits() {
        Currency cny = Currency.getInstance("CNY");
        assertEquals("0.12", ReturnOnSpend.per(new BigDecimal("1.00"), 8, cny));
        assertEquals("0.38", ReturnOnSpend.per(new BigDecimal("3.00"), 8, cny));
        assertEquals("133.33", ReturnOnSpend.per(new BigDecimal("400.00"), 3, cny));
        assertEquals("2", ReturnOnSpend.per(new BigDecimal("5"), 2, Currency.getInstance("JPY")));
        assertEquals("4", ReturnOnSpend.per(new BigDecimal("7"), 2, Currency.getInstance("JPY")));
        assertEquals("0.333", ReturnOnSpend.per(new BigDecimal("1.000"), 3, Currency.getInstance("KWD")));
        assertNull(ReturnOnSpend.per(new BigDecimal("400.00"), 0, cny));
        var view = ReturnOnSpend.of("USD", new BigDecimal("99.9900"), 0, 4);
        assertEquals("99.99", view.spend());
        assertNull(view.spendPerWonDeal());
        assertEquals("25.00", view.spendPerNewCustomer());
    }

    @Test
    void aClaimFitsWhileSpentPlusCommittedPlusItStaysWithinBudgetAndPreApprovals() {
        BudgetRule.Usage usage = new BudgetRule.Usage(new BigDecimal("1000.00"), new BigDecimal("50.00"), new BigDecimal("600.00"),
                new BigDecimal("300.00"));
        assertEquals(new BigDecimal("150.00"), usage.remaining());
        assertEquals(0, BudgetRule.overBy(usage, new BigDecimal("150.00")).signum());
        assertEquals(new BigDecimal("0.01"), BudgetRule.overBy(usage, new BigDecimal("150.01")));
        BudgetRule.Usage none = new BudgetRule.Usage(null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        assertEquals(new BigDecimal("45.00"), BudgetRule.overBy(none, new BigDecimal("45.00")));
        BudgetRule.Usage already = new BudgetRule.Usage(new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("120"), BigDecimal.ZERO);
        assertEquals(new BigDecimal("25"), BudgetRule.overBy(already, new BigDecimal("5")));
    }
}
