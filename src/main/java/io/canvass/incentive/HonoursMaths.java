package io.canvass.incentive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The month's honours from revenue won and approved revenue targets, one currency only. Ties are
 * broken the same way every time: top seller and best newcomer by revenue, then more deals won,
 * then the smaller rep id; most improved by the rise, then the higher achievement, then the
 * smaller rep id. Nobody wins with no revenue (or no rise).
 */
final class HonoursMaths {

    private HonoursMaths() {
    }

    /** One rep's figures for the month. */
    record Figures(CommissionMaths.Earner rep, BigDecimal revenue, long dealsWon, BigDecimal achievement, BigDecimal previousAchievement) {

        BigDecimal increase() {
            return achievement == null || previousAchievement == null ? null : achievement.subtract(previousAchievement);
        }
    }

    static Figures figures(CommissionMaths.Earner rep, List<CommissionMaths.Won> won, String currency,
                           CommissionMaths.Target target, BigDecimal previousRevenue, CommissionMaths.Target previousTarget) {
        BigDecimal revenue = won.stream().filter(w -> w.currency().equals(currency)).map(CommissionMaths.Won::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long deals = won.stream().filter(w -> w.currency().equals(currency)).count();
        return new Figures(rep, revenue, deals, achievement(revenue, target, currency), achievement(previousRevenue, previousTarget, currency));
    }

    /** Revenue ÷ target in percent (6 decimals, half-even), or null without a usable target. */
    static BigDecimal achievement(BigDecimal revenue, CommissionMaths.Target target, String currency) {
        if (target == null || !currency.equals(target.currency()) || target.value().signum() <= 0) {
            return null;
        }
        return revenue.multiply(CommissionMaths.HUNDRED).divide(target.value(), 6, RoundingMode.HALF_EVEN);
    }

    static final Comparator<Figures> BY_REVENUE = Comparator.comparing(Figures::revenue).reversed()
            .thenComparing(Comparator.comparingLong(Figures::dealsWon).reversed())
            .thenComparing(f -> f.rep().id());

    static final Comparator<Figures> BY_INCREASE = Comparator.comparing(Figures::increase).reversed()
            .thenComparing(Comparator.comparing(Figures::achievement).reversed())
            .thenComparing(f -> f.rep().id());

    static Optional<Figures> topSeller(List<Figures> all) {
        return all.stream().filter(f -> f.revenue().signum() > 0).min(BY_REVENUE);
    }

    static Optional<Figures> bestNewcomer(List<Figures> all, LocalDate lastDay, int newcomerDays) {
        return all.stream()
                .filter(f -> f.rep().hiredOn() != null && !f.rep().hiredOn().isAfter(lastDay)
                        && ChronoUnit.DAYS.between(f.rep().hiredOn(), lastDay) < newcomerDays)
                .filter(f -> f.revenue().signum() > 0)
                .min(BY_REVENUE);
    }

    static Optional<Figures> mostImproved(List<Figures> all) {
        return all.stream().filter(f -> f.increase() != null && f.increase().signum() > 0).min(BY_INCREASE);
    }

    static HonoursView.Honour view(Figures f, java.util.Currency currency) {
        return new HonoursView.Honour(f.rep().id(), f.rep().name(), f.rep().teamId(),
                io.canvass.platform.Money.scaled(f.revenue(), currency).toPlainString(), f.dealsWon(),
                percent(f.achievement()), percent(f.previousAchievement()), percent(f.increase()), f.rep().hiredOn());
    }

    private static String percent(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.DOWN).toPlainString();
    }

    static Map<UUID, BigDecimal> revenueByRep(List<CommissionMaths.Won> won, String currency) {
        return won.stream().filter(w -> w.currency().equals(currency))
                .collect(java.util.stream.Collectors.groupingBy(CommissionMaths.Won::ownerId,
                        java.util.stream.Collectors.reducing(BigDecimal.ZERO, CommissionMaths.Won::amount, BigDecimal::add)));
    }
}
