package io.canvass.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Money arithmetic: {@link BigDecimal} amounts in an ISO 4217 currency, never floating point.
 * <p>
 * An amount someone enters is never rounded behind their back: one with more decimals than the
 * currency's minor units (JPY 0, CNY 2, KWD 3) is refused. Amounts Canvass computes itself (an
 * even split of a contract into instalments) are rounded to the currency's minor units with
 * {@link #ROUNDING} (half-even, the bankers' rule, so repeated roundings do not drift upwards),
 * and the remainder of a split goes to the last part so the parts always add up exactly.
 */
public final class Money {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private Money() {
    }

    /** The currency for an ISO 4217 code, or a validation problem naming {@code field}. */
    public static Currency currency(String field, String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw ProblemException.invalid(field, "must be an ISO 4217 currency code such as CNY, USD or JPY");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw ProblemException.invalid(field, code + " is not a currency money can be held in");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, code + " is not an ISO 4217 currency code");
        }
    }

    /** Checks an entered amount: not negative (or, with {@code positive}, above zero) and within the currency's minor units. */
    public static BigDecimal amount(String field, BigDecimal amount, Currency currency, boolean positive) {
        if (amount == null) {
            throw ProblemException.invalid(field, "is required");
        }
        if (amount.signum() < 0 || (positive && amount.signum() == 0)) {
            throw ProblemException.invalid(field, positive ? "must be more than zero" : "must not be negative");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        int digits = currency.getDefaultFractionDigits();
        if (stripped.scale() > digits) {
            throw ProblemException.invalid(field, currency.getCurrencyCode() + " amounts have "
                    + (digits == 0 ? "no decimals" : "at most " + digits + (digits == 1 ? " decimal" : " decimals")));
        }
        if (stripped.precision() - stripped.scale() > 16) {
            throw ProblemException.invalid(field, "is too large");
        }
        return scaled(amount, currency);
    }

    /** The amount at exactly the currency's minor units (rounding half-even if it had more). */
    public static BigDecimal scaled(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), ROUNDING);
    }

    /**
     * {@code total} in {@code parts} equal parts at the currency's minor units; the last part takes
     * the rounding remainder, so the parts add up to the total exactly.
     */
    public static List<BigDecimal> split(BigDecimal total, int parts, Currency currency) {
        if (parts < 1) {
            throw new IllegalArgumentException("at least one part");
        }
        BigDecimal exact = scaled(total, currency);
        BigDecimal each = exact.divide(BigDecimal.valueOf(parts), currency.getDefaultFractionDigits(), ROUNDING);
        List<BigDecimal> result = new ArrayList<>(parts);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < parts - 1; i++) {
            result.add(each);
            sum = sum.add(each);
        }
        result.add(exact.subtract(sum));
        return result;
    }
}
