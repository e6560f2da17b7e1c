package io.canvass.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.canvass.contract.collection.CollectionKpis;
import io.canvass.contract.collection.CollectionKpis.Due;
import io.canvass.contract.collection.CollectionKpis.GroupBy;
import io.canvass.contract.collection.CollectionKpis.Received;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CollectionKpisTest {

    static final UUID ANN = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID BOB = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final UUID EAST = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    static final LocalDate TO = LocalDate.of(2027, 3, 31);

    static Due due(UUID rep, String currency, String amount, String collected) {
        return new Due(rep, rep == ANN ? "Ann" : "Bob", EAST, "East", currency, new BigDecimal(amount), new BigDecimal(collected));
    }

    static Received paid(UUID rep, String currency, String amount, LocalDate dueOn, LocalDate receivedOn) {
        return new Received(rep, rep == ANN ? "Ann" : "Bob", EAST, "East", currency, new BigDecimal(amount), dueOn, receivedOn);
    }

    final List<Due> due = List.of(due(ANN, "CNY", "1000.00", "1000.00"), due(ANN, "CNY", "2000.00", "500.00"),
            due(BOB, "CNY", "3000.00", "0"), due(BOB, "JPY", "7000", "7000"));
    final List<Received> received = List.of(
            paid(ANN, "CNY", "1000.00", LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 5)),   // early: 0 days
            paid(ANN, "CNY", "500.00", LocalDate.of(2027, 2, 10), LocalDate.of(2027, 3, 12)),   // 30 days
            paid(BOB, "JPY", "7000", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 4)));      // 3 days

    @Test
    void ratesAndCyclesPerRepAndCurrency() {
        CollectionKpis.Report report = CollectionKpis.compute(FROM, TO, GroupBy.REP, due, received);
        assertEquals(3, report.rows().size());
        CollectionKpis.Row ann = report.rows().get(0);
        assertEquals("Ann", ann.groupName());
        assertEquals("3000.00", ann.due());
        assertEquals("1500.00", ann.collected());
        assertEquals(new BigDecimal("0.5000"), ann.rate());
        // (1000 × 0 + 500 × 30) / 1500 = 10.0
        assertEquals(new BigDecimal("10.0"), ann.cycleDays());
        assertEquals(2, ann.instalmentsDue());
        assertEquals(2, ann.paymentsReceived());
        CollectionKpis.Row bobCny = report.rows().get(1);
        assertEquals(new BigDecimal("0.0000"), bobCny.rate());
        assertNull(bobCny.cycleDays());
        CollectionKpis.Row bobJpy = report.rows().get(2);
        assertEquals("7000", bobJpy.due());
        assertEquals(new BigDecimal("1.0000"), bobJpy.rate());
        assertEquals(new BigDecimal("3.0"), bobJpy.cycleDays());
    }

    @Test
    void aTeamAddsItsRepsButNeverAcrossCurrencies() {
        CollectionKpis.Report report = CollectionKpis.compute(FROM, TO, GroupBy.TEAM, due, received);
        assertEquals(2, report.rows().size());
        CollectionKpis.Row cny = report.rows().get(0);
        assertEquals(EAST, cny.groupId());
        assertEquals("6000.00", cny.due());
        assertEquals("1500.00", cny.collected());
        assertEquals(new BigDecimal("0.2500"), cny.rate());
        assertEquals("JPY", report.rows().get(1).currency());
    }

    @Test
    void nothingDueHasNoRate() {
        CollectionKpis.Report report = CollectionKpis.compute(FROM, TO, GroupBy.ALL, List.of(),
                List.of(paid(ANN, "KWD", "1.234", FROM, FROM.plusDays(3)), paid(BOB, "KWD", "3.702", FROM, FROM.plusDays(1))));
        CollectionKpis.Row row = report.rows().get(0);
        assertNull(row.rate());
        assertEquals("0.000", row.due());
        // (1.234 × 3 + 3.702 × 1) / 4.936 = 1.5
        assertEquals(new BigDecimal("1.5"), row.cycleDays());
    }
}
