package io.canvass.contract.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Collection KPIs, computed per group (rep, team or everything) and per currency — amounts in
 * different currencies are never added.
 * <ul>
 * <li>Collection rate: of the instalments due in the period, the amount collected so far divided
 * by the amount due (rounded half-even to 4 decimals; absent when nothing was due).</li>
 * <li>Collection cycle: for the payments received in the period, the days from the instalment's
 * due day to the day the money came in, averaged weighted by amount (early payments count as 0
 * days; rounded half-even to 1 decimal; absent when nothing was received).</li>
 * </ul>
 */
public final class CollectionKpis {

    private CollectionKpis() {
    }

    public enum GroupBy { REP, TEAM, ALL }

    /** An instalment due in the period and what has been collected against it. */
    public record Due(UUID ownerId, String ownerName, UUID teamId, String teamName, String currency, BigDecimal amount,
                      BigDecimal collected) {
    }

    /** A payment received in the period, with its instalment's due day. */
    public record Received(UUID ownerId, String ownerName, UUID teamId, String teamName, String currency, BigDecimal amount,
                           LocalDate dueOn, LocalDate receivedOn) {
    }

    @Schema(name = "CollectionKpiRow")
    public record Row(UUID groupId, String groupName, String currency, @Schema(example = "350000.00") String due,
                      @Schema(example = "280000.00") String collected, @Schema(example = "0.8000") BigDecimal rate,
                      @Schema(example = "12.5") BigDecimal cycleDays, int instalmentsDue, int paymentsReceived) {
    }

    @Schema(name = "CollectionKpis")
    public record Report(LocalDate from, LocalDate to, GroupBy groupBy, List<Row> rows) {
    }

    private static final class Acc {
        UUID id;
        String name;
        String currency;
        BigDecimal due = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal weightedDays = BigDecimal.ZERO;
        BigDecimal received = BigDecimal.ZERO;
        int instalments;
        int payments;
    }

    public static Report compute(LocalDate from, LocalDate to, GroupBy groupBy, List<Due> due, List<Received> received) {
        Map<String, Acc> groups = new LinkedHashMap<>();
        for (Due d : due) {
            Acc acc = acc(groups, groupBy, d.ownerId(), d.ownerName(), d.teamId(), d.teamName(), d.currency());
            acc.due = acc.due.add(d.amount());
            acc.collected = acc.collected.add(d.collected());
            acc.instalments++;
        }
        for (Received r : received) {
            Acc acc = acc(groups, groupBy, r.ownerId(), r.ownerName(), r.teamId(), r.teamName(), r.currency());
            long days = Math.max(0, ChronoUnit.DAYS.between(r.dueOn(), r.receivedOn()));
            acc.weightedDays = acc.weightedDays.add(r.amount().multiply(BigDecimal.valueOf(days)));
            acc.received = acc.received.add(r.amount());
            acc.payments++;
        }
        List<Row> rows = new ArrayList<>();
        for (Acc a : groups.values()) {
            Currency currency = Currency.getInstance(a.currency);
            int digits = currency.getDefaultFractionDigits();
            rows.add(new Row(a.id, a.name, a.currency, a.due.setScale(digits, RoundingMode.HALF_EVEN).toPlainString(),
                    a.collected.setScale(digits, RoundingMode.HALF_EVEN).toPlainString(), rate(a.collected, a.due),
                    a.received.signum() == 0 ? null : a.weightedDays.divide(a.received, 1, RoundingMode.HALF_EVEN),
                    a.instalments, a.payments));
        }
        rows.sort(Comparator.comparing((Row r) -> r.groupName() == null ? "" : r.groupName()).thenComparing(Row::currency));
        return new Report(from, to, groupBy, rows);
    }

    static BigDecimal rate(BigDecimal collected, BigDecimal due) {
        return due.signum() == 0 ? null : collected.divide(due, 4, RoundingMode.HALF_EVEN);
    }

    private static Acc acc(Map<String, Acc> groups, GroupBy groupBy, UUID ownerId, String ownerName, UUID teamId, String teamName,
                           String currency) {
        UUID id = switch (groupBy) {
            case REP -> ownerId;
            case TEAM -> teamId;
            case ALL -> null;
        };
        return groups.computeIfAbsent(id + "/" + currency, k -> {
            Acc acc = new Acc();
            acc.id = id;
            acc.name = switch (groupBy) {
                case REP -> ownerName;
                case TEAM -> teamName;
                case ALL -> null;
            };
            acc.currency = currency;
            return acc;
        });
    }
}
