package io.canvass.incentive;

import io.canvass.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The statement of one rep for one period, from the records: a pure function, so the same records
 * always give the same statement. Lines come in a fixed order (deals by close time then id,
 * payments by day then id, the tier, one-off rewards by day then id, the cap). Every paying line is
 * rounded half-even to the currency's minor units on its own and the subtotal is the sum of the
 * rounded lines, so the lines always add up to the total.
 */
public final class CommissionMaths {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CommissionMaths() {
    }

    /** A rep (or manager) who may earn commission. */
    public record Earner(UUID id, String name, String role, UUID teamId, LocalDate hiredOn) {
    }

    /** A deal won in the period, on the day it closed in the organisation's calendar. */
    public record Won(UUID dealId, UUID ownerId, UUID customerId, String customerName, String name, BigDecimal amount,
                      String currency, Instant closedAt, LocalDate on) {
    }

    /** A payment received in the period. */
    public record Received(UUID paymentId, UUID ownerId, String contractNumber, BigDecimal amount, String currency, LocalDate on) {
    }

    /** A grade-A customer whose first deal ever won falls in the period. */
    public record KeyAccount(UUID customerId, UUID ownerId, String customerName, UUID dealId, String currency, LocalDate on) {
    }

    /** An approved target of the rep for the period. */
    public record Target(UUID id, UUID userId, String metric, BigDecimal value, String currency) {
    }

    public static StatementView compute(CommissionPlan plan, String period, Earner rep, Target target,
                                        List<Won> won, List<Received> received, List<KeyAccount> keyAccounts) {
        String currency = plan.currency().getCurrencyCode();
        List<StatementView.Line> lines = new ArrayList<>();
        BigDecimal actual = BigDecimal.ZERO;
        if (plan.base() == CommissionPlan.Base.REVENUE_WON) {
            for (Won w : sortedWon(won, currency)) {
                actual = actual.add(w.amount());
                lines.add(StatementView.Line.record("DEAL", w.dealId(), w.on(), w.customerName() + " · " + w.name(), money(w.amount(), plan)));
            }
        } else {
            List<Received> payments = received.stream().filter(p -> p.currency().equals(currency))
                    .sorted(Comparator.comparing(Received::on).thenComparing(Received::paymentId)).toList();
            for (Received p : payments) {
                actual = actual.add(p.amount());
                lines.add(StatementView.Line.record("PAYMENT", p.paymentId(), p.on(), p.contractNumber(), money(p.amount(), plan)));
            }
        }

        BigDecimal subtotal = BigDecimal.ZERO;
        StatementView.TargetRef targetRef = null;
        String achievement = null;
        StatementView.TierRef tierRef = null;
        String note = null;
        if (target == null) {
            note = "NO_APPROVED_TARGET";
        } else if (!currency.equals(target.currency()) || target.value().signum() <= 0) {
            note = "TARGET_IN_OTHER_CURRENCY";
        } else {
            targetRef = new StatementView.TargetRef(target.id(), target.metric(), money(target.value(), plan), target.currency());
            achievement = actual.multiply(HUNDRED).divide(target.value(), 2, RoundingMode.DOWN).toPlainString();
            int index = tierIndex(plan.tiers(), actual, target.value());
            CommissionPlan.Tier tier = plan.tiers().get(index);
            BigDecimal commission = Money.scaled(tierCommission(tier, actual, target.value()), plan.currency());
            subtotal = subtotal.add(commission);
            tierRef = new StatementView.TierRef(index, plain(tier.from()), tier.to() == null ? null : plain(tier.to()),
                    plain(tier.rate()), extra(tier) == null ? null : plain(extra(tier)));
            lines.add(StatementView.Line.paying("TIER", null, null, plain(tier.from()) + (tier.to() == null ? "+" : "-" + plain(tier.to())),
                    commission.toPlainString()));
        }

        for (CommissionPlan.OneOff rule : plan.oneOffs()) {
            if (rule.kind() == CommissionPlan.OneOffKind.DEAL_WON_ABOVE) {
                for (Won w : sortedWon(won, currency)) {
                    if (w.amount().compareTo(rule.above()) >= 0) {
                        BigDecimal reward = Money.scaled(rule.reward(), plan.currency());
                        subtotal = subtotal.add(reward);
                        lines.add(new StatementView.Line("DEAL_WON_ABOVE", w.dealId(), w.on(), w.customerName() + " · " + w.name(),
                                money(w.amount(), plan), reward.toPlainString(), null, null, null));
                    }
                }
            } else {
                List<KeyAccount> accounts = keyAccounts.stream()
                        .sorted(Comparator.comparing(KeyAccount::on).thenComparing(KeyAccount::customerId)).toList();
                for (KeyAccount k : accounts) {
                    BigDecimal reward = Money.scaled(rule.reward(), plan.currency());
                    subtotal = subtotal.add(reward);
                    lines.add(StatementView.Line.paying("KEY_ACCOUNT_WON", k.customerId(), k.on(), k.customerName(), reward.toPlainString()));
                }
            }
        }

        boolean capped = plan.cap() != null && subtotal.compareTo(plan.cap()) > 0;
        BigDecimal total = subtotal;
        if (capped) {
            BigDecimal cut = Money.scaled(plan.cap(), plan.currency()).subtract(subtotal);
            lines.add(StatementView.Line.paying("CAP", null, null, money(plan.cap(), plan), cut.toPlainString()));
            total = subtotal.add(cut);
        }
        return new StatementView(null, "LIVE", rep.id(), rep.name(), rep.teamId(), period, plan.id(), plan.name(),
                plan.base().name(), currency, money(actual, plan), targetRef, achievement, tierRef, note, lines,
                money(subtotal, plan), plan.cap() == null ? null : money(plan.cap(), plan), capped, null, money(total, plan), null);
    }

    /**
     * The band the achievement falls in, compared exactly (no rounding): band i applies when
     * actual × 100 ≥ target × from and, unless it is the last, actual × 100 &lt; target × to.
     */
    static int tierIndex(List<CommissionPlan.Tier> tiers, BigDecimal actual, BigDecimal target) {
        BigDecimal scaledActual = actual.multiply(HUNDRED);
        for (int i = tiers.size() - 1; i >= 0; i--) {
            if (scaledActual.compareTo(target.multiply(tiers.get(i).from())) >= 0) {
                return i;
            }
        }
        return 0;
    }

    /** rate % of the whole base, plus extraRate % of what lies above the band's lower bound. */
    static BigDecimal tierCommission(CommissionPlan.Tier tier, BigDecimal actual, BigDecimal target) {
        BigDecimal pay = actual.multiply(tier.rate()).divide(HUNDRED);
        BigDecimal extra = extra(tier);
        if (extra != null) {
            BigDecimal threshold = target.multiply(tier.from()).divide(HUNDRED);
            BigDecimal above = actual.subtract(threshold).max(BigDecimal.ZERO);
            pay = pay.add(above.multiply(extra).divide(HUNDRED));
        }
        return pay;
    }

    private static BigDecimal extra(CommissionPlan.Tier tier) {
        return tier.extraRate() == null || tier.extraRate().signum() == 0 ? null : tier.extraRate();
    }

    private static List<Won> sortedWon(List<Won> won, String currency) {
        return won.stream().filter(w -> w.currency().equals(currency))
                .sorted(Comparator.comparing(Won::closedAt).thenComparing(Won::dealId)).toList();
    }

    static String money(BigDecimal amount, CommissionPlan plan) {
        return Money.scaled(amount, plan.currency()).toPlainString();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
