package io.canvass.contract.collection;

import io.canvass.contract.CollectionPlans;
import io.canvass.contract.Contract;
import io.canvass.contract.ContractEvent;
import io.canvass.contract.ContractRepository;
import io.canvass.contract.ContractRequests;
import io.canvass.contract.ContractService;
import io.canvass.contract.ContractView;
import io.canvass.platform.Caller;
import io.canvass.platform.Ids;
import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Money;
import io.canvass.platform.ProblemException;
import io.canvass.platform.ScopeService;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Collection plans and payments (回款). A plan is a list of instalments in the contract's
 * currency; their sum may differ from the contract value, and the difference is shown. A payment
 * is recorded against one instalment; partial payments are allowed and an instalment is paid once
 * they add up to its amount. Over-payment is refused: a payment larger than what is outstanding on
 * its instalment is a validation error naming {@code amount} (record the surplus against the next
 * instalment instead), and the database refuses it too, so no race lets one through.
 */
@ApplicationScoped
public class CollectionService implements CollectionPlans {

    @Inject
    CollectionRepository instalments;

    @Inject
    CollectionRepository.Payments payments;

    @Inject
    ContractRepository.Events events;

    @Inject
    ContractService contracts;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;


    @Inject
    WebhookEvents webhooks;

    /** Replaces the plan of a draft or active contract that has no payments yet. Inside a transaction. */
    @Override
    public Uni<Void> setPlan(ContractService.Found found, ContractRequests.Plan plan) {
        Contract k = found.contract();
        if (k.status != Contract.Status.DRAFT && k.status != Contract.Status.ACTIVE) {
            throw ProblemException.conflict("The plan of a " + k.status.name().toLowerCase() + " contract no longer changes");
        }
        List<Instalment> rows = build(k, plan);
        return payments.countOf(k.id).chain(count -> {
            if (count > 0) {
                throw ProblemException.conflict("Payments were recorded against this plan; it no longer changes");
            }
            return instalments.deleteOf(k.id)
                    .call(() -> instalments.flush())
                    .call(() -> instalments.persist(rows))
                    .call(() -> events.persist(ContractEvent.of(k.id, caller.id(), ContractEvent.Kind.PLAN_SET,
                            rows.size() + " instalments")))
                    .call(() -> instalments.flush())
                    .replaceWithVoid();
        });
    }

    /** Drops the plan (its currency no longer matches the contract). Inside a transaction. */
    @Override
    public Uni<Void> clearPlan(ContractService.Found found) {
        return payments.countOf(found.contract().id).chain(count -> {
            if (count > 0) {
                throw ProblemException.conflict("Payments were recorded in the current currency; it no longer changes");
            }
            return instalments.deleteOf(found.contract().id).replaceWithVoid();
        });
    }

    /** Instalments from a plan request: explicit, or an even split of the contract value. */
    static List<Instalment> build(Contract k, ContractRequests.Plan plan) {
        Currency currency = Currency.getInstance(k.currency);
        boolean explicit = plan.instalments() != null && !plan.instalments().isEmpty();
        if (explicit == (plan.split() != null)) {
            throw ProblemException.invalid("instalments", "give either the instalments or a split, not both or neither");
        }
        List<Instalment> rows = new ArrayList<>();
        if (explicit) {
            for (int i = 0; i < plan.instalments().size(); i++) {
                ContractRequests.Instalment in = plan.instalments().get(i);
                String field = "instalments[" + i + "]";
                if (in.currency() != null && !in.currency().equals(k.currency)) {
                    throw ProblemException.invalid(field + ".currency", "must be the contract's currency, " + k.currency);
                }
                rows.add(instalment(k, i + 1, in.dueOn(), Money.amount(field + ".amount", in.amount(), currency, true)));
            }
        } else {
            ContractRequests.Split split = plan.split();
            if (k.value.signum() == 0) {
                throw ProblemException.invalid("split", "a contract worth nothing has nothing to collect");
            }
            List<BigDecimal> parts = Money.split(k.value, split.count(), currency);
            if (parts.stream().anyMatch(part -> part.signum() <= 0)) {
                throw ProblemException.invalid("split.count", "is more instalments than the value has minor units");
            }
            int every = split.everyMonths() == null ? 1 : split.everyMonths();
            for (int i = 0; i < parts.size(); i++) {
                rows.add(instalment(k, i + 1, split.firstDueOn().plusMonths((long) i * every), parts.get(i)));
            }
        }
        return rows;
    }

    private static Instalment instalment(Contract k, int position, LocalDate dueOn, BigDecimal amount) {
        Instalment i = new Instalment();
        i.id = Ids.newId();
        i.contractId = k.id;
        i.position = position;
        i.dueOn = dueOn;
        i.amount = amount;
        i.currency = k.currency;
        return i;
    }

    /** The plan as the contract detail shows it. Inside a session. */
    @Override
    public Uni<ContractView.Plan> planOf(Contract k, LocalDate today) {
        Currency currency = Currency.getInstance(k.currency);
        return instalments.of(k.id).map(rows -> {
            BigDecimal planned = BigDecimal.ZERO;
            BigDecimal collected = BigDecimal.ZERO;
            BigDecimal overdue = BigDecimal.ZERO;
            List<ContractView.InstalmentView> views = new ArrayList<>();
            for (Instalment i : rows) {
                planned = planned.add(i.amount);
                collected = collected.add(i.collected);
                boolean late = i.paidOn == null && today.isAfter(i.dueOn) && k.status != Contract.Status.DRAFT;
                if (late) {
                    overdue = overdue.add(i.outstanding());
                }
                views.add(new ContractView.InstalmentView(i.id, i.position, i.dueOn, text(i.amount, currency), i.currency,
                        text(i.collected, currency), text(i.outstanding(), currency), i.paidOn, late,
                        late ? ChronoUnit.DAYS.between(i.dueOn, today) : 0));
            }
            return new ContractView.Plan(views, text(planned, currency), text(k.value.subtract(planned), currency),
                    text(collected, currency), text(planned.subtract(collected), currency), text(overdue, currency));
        });
    }

    /** Payments of a contract, oldest first. Inside a session. */
    @Override
    public Uni<List<ContractView.PaymentView>> paymentsOf(UUID contractId) {
        return payments.of(contractId).map(list -> list.stream().map(CollectionService::view).toList());
    }

    /** Records a payment; the contract as it is then. */
    @Override
    public Uni<ContractView> record(UUID contractId, ContractRequests.Payment request) {
        return Panache.withTransaction(() -> contracts.visible(contractId).chain(found -> insert(found, request)))
                .chain(paymentId -> Panache.withSession(() -> contracts.visible(contractId).chain(contracts::detail)));
    }

    private Uni<UUID> insert(ContractService.Found found, ContractRequests.Payment request) {
        Contract k = found.contract();
        if (k.status == Contract.Status.DRAFT) {
            throw ProblemException.conflict("Activate the contract before recording payments against it");
        }
        if (request.receivedOn().isAfter(found.today())) {
            throw ProblemException.invalid("receivedOn", "is in the future");
        }
        return instalments.findById(request.instalmentId()).chain(i -> {
            if (i == null || !i.contractId.equals(k.id)) {
                throw ProblemException.invalid("instalmentId", "is not an instalment of this contract");
            }
            if (request.currency() != null && !request.currency().equals(i.currency)) {
                throw ProblemException.invalid("currency", "must be the instalment's currency, " + i.currency);
            }
            Currency currency = Currency.getInstance(i.currency);
            BigDecimal amount = Money.amount("amount", request.amount(), currency, true);
            if (i.paidOn != null) {
                throw ProblemException.invalid("instalmentId", "is already paid in full");
            }
            if (amount.compareTo(i.outstanding()) > 0) {
                throw ProblemException.invalid("amount", "is more than the " + text(i.outstanding(), currency) + " " + i.currency
                        + " outstanding on this instalment; over-payment is refused, record the rest against the next instalment");
            }
            Payment p = new Payment();
            p.id = Ids.newId();
            p.instalmentId = i.id;
            p.contractId = k.id;
            p.amount = amount;
            p.currency = i.currency;
            p.receivedOn = request.receivedOn();
            p.reference = blankToNull(request.reference());
            p.note = blankToNull(request.note());
            p.recordedBy = caller.id();
            p.recordedAt = Instant.now();
            i.collected = i.collected.add(amount);
            if (i.collected.compareTo(i.amount) == 0) {
                i.paidOn = request.receivedOn();
            }
            return payments.persist(p)
                    .call(() -> events.persist(ContractEvent.of(k.id, p.recordedBy, ContractEvent.Kind.PAYMENT,
                            text(amount, currency) + " " + i.currency + " for instalment " + i.position)))
                    .call(() -> instalments.flush())
                    .call(() -> webhooks.publish(found.site().target().teamId(), received(found, i, p)))
                    .map(saved -> p.id);
        });
    }

    private static WebhookPayloads.PaymentReceived received(ContractService.Found found, Instalment i, Payment p) {
        Currency currency = Currency.getInstance(p.currency);
        return new WebhookPayloads.PaymentReceived(p.id, p.contractId, found.contract().number, i.id, found.contract().customerId,
                found.site().target().ownerId(), found.site().target().teamId(), text(p.amount, currency), p.currency, p.receivedOn,
                p.reference, text(i.outstanding(), currency), i.paidOn, p.recordedBy);
    }

    @Inject
    CollectionQueries queries;

    /** Collection rate and cycle for a period (default: the current month in the caller's time zone), in the caller's scope. */
    public Uni<CollectionKpis.Report> kpis(LocalDate from, LocalDate to, CollectionKpis.GroupBy groupBy, UUID ownerId, UUID teamId) {
        LocalDate today = LocalDate.now(caller.zone());
        LocalDate start = from != null ? from : today.withDayOfMonth(1);
        LocalDate end = to != null ? to : start.plusMonths(1).withDayOfMonth(1).minusDays(1);
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "is before from");
        }
        if (ChronoUnit.DAYS.between(start, end) > 366 * 3) {
            throw ProblemException.invalid("to", "a period is at most three years");
        }
        return scopes.current().chain(scope -> queries.kpis(scope, ownerId, teamId, start, end,
                groupBy == null ? CollectionKpis.GroupBy.REP : groupBy));
    }

    /** Overdue instalments in the caller's scope (a rep: their own customers'), most overdue first. */
    public Uni<OverdueCollections> overdue(OverdueCollections.Filter filter, String cursor, int limit) {
        if (filter.currency() != null) {
            Money.currency("currency", filter.currency());
        }
        if (filter.minDays() != null && filter.maxDays() != null && filter.maxDays() < filter.minDays()) {
            throw ProblemException.invalid("maxDays", "is less than minDays");
        }
        KeysetCursor after = KeysetCursor.decode(CollectionQueries.OVERDUE_LIST, cursor);
        LocalDate afterDue = after == null ? null : dueDay(after);
        return scopes.current().chain(scope -> queries.overdue(scope, filter, afterDue, after == null ? null : after.id(), limit));
    }

    private static LocalDate dueDay(KeysetCursor after) {
        try {
            return LocalDate.parse(after.value());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    private static ContractView.PaymentView view(Payment p) {
        return new ContractView.PaymentView(p.id, p.instalmentId, text(p.amount, Currency.getInstance(p.currency)), p.currency,
                p.receivedOn, p.reference, p.note, p.recordedBy, p.recordedAt);
    }

    static String text(BigDecimal amount, Currency currency) {
        return Money.scaled(amount, currency).toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
