package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency KWD = Currency.getInstance("KWD");

    @Test
    void aSplitRoundsHalfEvenToTheMinorUnitsAndTheLastPartTakesTheRemainder() {
        assertEquals(List.of(new BigDecimal("33333"), new BigDecimal("33333"), new BigDecimal("33334")), Money.split(new BigDecimal("100000"), 3, JPY));
        assertEquals(List.of(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34")), Money.split(new BigDecimal("100"), 3, CNY));
        assertEquals(List.of(new BigDecimal("3.333"), new BigDecimal("3.333"), new BigDecimal("3.334")), Money.split(new BigDecimal("10"), 3, KWD));
        // half-even: 0.125 → 0.12 (not 0.13), so 0.25 in 2 is 0.12 + 0.13
        assertEquals(List.of(new BigDecimal("0.12"), new BigDecimal("0.13")), Money.split(new BigDecimal("0.25"), 2, CNY));
        assertEquals(List.of(new BigDecimal("2"), new BigDecimal("3")), Money.split(new BigDecimal("5"), 2, JPY));
    }

    @Property
    void partsAlwaysAddUpToTheTotal(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long minorUnits,
                                    @ForAll @IntRange(min = 1, max = 120) int parts, @ForAll @IntRange(min = 0, max = 2) int which) {
        Currency currency = List.of(JPY, CNY, KWD).get(which);
        BigDecimal total = BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
        List<BigDecimal> split = Money.split(total, parts, currency);
        assertEquals(parts, split.size());
        assertEquals(0, split.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(total));
        assertTrue(split.stream().allMatch(p -> p.scale() == currency.getDefaultFractionDigits()));
        BigDecimal first = split.get(0);
        assertTrue(split.subList(0, parts - 1).stream().allMatch(first::equals), "all but the last part are equal");
    }

    @Test
    void enteredAmountsAreNeverRoundedBehindTheUsersBack() {
        assertEquals(new BigDecimal("100"), Money.amount("amount", new BigDecimal("100.0"), JPY, true));
        assertEquals(new BigDecimal("1.234"), Money.amount("amount", new BigDecimal("1.234"), KWD, true));
        assertEquals(new BigDecimal("1.20"), Money.amount("amount", new BigDecimal("1.2"), CNY, true));
        assertThrows(ProblemException.class, () -> Money.amount("amount", new BigDecimal("100.5"), JPY, true));
        assertThrows(ProblemException.class, () -> Money.amount("amount", new BigDecimal("1.234"), CNY, true));
        assertThrows(ProblemException.class, () -> Money.amount("amount", new BigDecimal("1.2345"), KWD, true));
        assertThrows(ProblemException.class, () -> Money.amount("amount", BigDecimal.ZERO, CNY, true));
        assertEquals(new BigDecimal("0.00"), Money.amount("amount", BigDecimal.ZERO, CNY, false));
        assertThrows(ProblemException.class, () -> Money.amount("amount", new BigDecimal("-1"), CNY, false));
        assertThrows(ProblemException.class, () -> Money.amount("amount", new BigDecimal("1E+17"), CNY, false));
    }

    @Test
    void currenciesAreIsoCodesThatHoldMoney() {
        assertEquals(KWD, Money.currency("currency", "KWD"));
        assertThrows(ProblemException.class, () -> Money.currency("currency", "cny"));
        assertThrows(ProblemException.class, () -> Money.currency("currency", "ABC"));
        assertThrows(ProblemException.class, () -> Money.currency("currency", "XXX"));
        assertThrows(ProblemException.class, () -> Money.currency("currency", null));
    }
}
