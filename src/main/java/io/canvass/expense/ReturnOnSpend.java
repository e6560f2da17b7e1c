package io.canvass.expense;

import io.canvass.platform.Money;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Return on spend: what the team spent (finance approved and paid claims) for each deal it won and
 * each customer it added in the same months. Computed per currency, rounded to the currency's
 * minor units half-even (CNY and USD 2 decimals, JPY none); absent when there is nothing to divide by.
 */
final class ReturnOnSpend {

    private ReturnOnSpend() {
    }

    static ExpenseViews.ReturnOnSpend of(String currencyCode, BigDecimal spend, long wonDeals, long newCustomers) {
        Currency currency = Currency.getInstance(currencyCode);
        return new ExpenseViews.ReturnOnSpend(currencyCode, Money.scaled(spend, currency).toPlainString(), wonDeals, newCustomers,
                per(spend, wonDeals, currency), per(spend, newCustomers, currency));
    }

    static String per(BigDecimal spend, long count, Currency currency) {
        if (count == 0) {
            return null;
        }
        return spend.divide(BigDecimal.valueOf(count), currency.getDefaultFractionDigits(), Money.ROUNDING).toPlainString();
    }
}
