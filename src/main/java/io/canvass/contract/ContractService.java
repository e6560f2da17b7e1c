package io.canvass.contract;

import io.canvass.customer.CustomerDirectory;
import io.canvass.deal.DealService;
import io.canvass.identity.UserService;
import io.canvass.platform.Cursor;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Money;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.platform.WebUrl;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Contracts and their renewal. A contract belongs to a customer and is in scope exactly when the
 * customer is. Created as a draft (or active); an active contract's renewal is UPCOMING until the
 * renewal scan opens the evaluation in the first window; the owner records progress notes
 * (which count as acting) and finally a decision: renew (a successor contract is created and
 * linked) or churn (with the reason). Decisions are accepted after the end too: an ended contract
 * without one is flagged until it gets one.
 */
@ApplicationScoped
public class ContractService {

    @Inject
    ContractRepository contracts;

    @Inject
    ContractRepository.Events events;

    @Inject
    ContractRepository.Alerts alerts;

    @Inject
    ContractQueries queries;

    @Inject
    CollectionPlans collections;

    @Inject
    CustomerDirectory customers;

    @Inject
    DealService deals;

    @Inject
    UserService users;

    @Inject
    ScopeService scopes;

    @Inject
    WebhookEvents webhooks;

    /** A contract found in the caller's scope, with its customer. */
    public record Found(Contract contract, CustomerDirectory.Site site) {

        /** Today in the owner's time zone. */
        public LocalDate today() {
            return LocalDate.now(site.target().ownerZone());
        }
    }

    @WithTransaction
    public Uni<ContractView> create(ContractRequests.Create request) {
        Currency currency = Money.currency("currency", request.currency());
        Contract.Status status = request.status() == null ? Contract.Status.DRAFT : request.status();
        if (status != Contract.Status.DRAFT && status != Contract.Status.ACTIVE) {
            throw ProblemException.invalid("status", "a contract starts as DRAFT or ACTIVE");
        }
        Contract k = new Contract();
        k.value = Money.amount("value", request.value(), currency, false);
        k.currency = currency.getCurrencyCode();
        dates(request.startsOn(), request.endsOn());
        return customers.siteInScope(request.customerId())
                .onItem().ifNull().failWith(() -> ProblemException.invalid("customerId", "is not a customer of yours"))
                .call(site -> request.dealId() == null ? Uni.createFrom().voidItem()
                        : deals.wonDealOf(request.dealId(), request.customerId()).chain(() -> dealFree(request.dealId())))
                .call(site -> numberFree(request.number().trim()))
                .chain(site -> scopes.current().chain(scope -> {
                    k.id = Ids.newId();
                    k.customerId = request.customerId();
                    k.dealId = request.dealId();
                    k.number = request.number().trim();
                    k.productLines = lines(request.productLines());
                    k.startsOn = request.startsOn();
                    k.endsOn = request.endsOn();
                    k.status = status;
                    k.renewalState = status == Contract.Status.ACTIVE ? Contract.RenewalState.UPCOMING : Contract.RenewalState.NONE;
                    k.documents = documents(request.documents());
                    k.createdBy = scope.userId();
                    Found found = new Found(k, site);
                    return contracts.persist(k)
                            .call(() -> events.persist(ContractEvent.of(k.id, scope.userId(), ContractEvent.Kind.CREATED, k.number)))
                            .call(() -> contracts.flush())
                            .call(() -> request.plan() == null ? Uni.createFrom().voidItem() : collections.setPlan(found, request.plan()))
                            .chain(() -> detail(found));
                }));
    }

    @WithSession
    public Uni<ContractView> get(UUID id) {
        return visible(id).chain(this::detail);
    }

    @WithTransaction
    public Uni<ContractView> update(UUID id, ContractRequests.Update request, Integer expectedVersion) {
        return visible(id).chain(found -> scopes.current().chain(scope -> {
            Contract k = found.contract();
            ETags.check(expectedVersion, k.version);
            if (k.status != Contract.Status.DRAFT && k.status != Contract.Status.ACTIVE) {
                throw ProblemException.conflict("The contract is " + k.status.name().toLowerCase() + "; it no longer changes");
            }
            if (request.currency() != null && !request.currency().equals(k.currency) && k.status != Contract.Status.DRAFT) {
                throw ProblemException.invalid("currency", "changes only while the contract is a draft");
            }
            Currency currency = Money.currency("currency", request.currency() != null ? request.currency() : k.currency);
            if (request.value() != null || request.currency() != null) {
                k.value = Money.amount("value", request.value() != null ? request.value() : k.value, currency, false);
            }
            LocalDate starts = request.startsOn() != null ? request.startsOn() : k.startsOn;
            LocalDate ends = request.endsOn() != null ? request.endsOn() : k.endsOn;
            dates(starts, ends);
            if (!ends.equals(k.endsOn)) {
                // the renewal windows count from the new end: the scan looks at it afresh
                k.renewalCheckedOn = null;
            }
            k.startsOn = starts;
            k.endsOn = ends;
            if (request.productLines() != null) {
                k.productLines = lines(request.productLines());
            }
            if (request.documents() != null) {
                k.documents = documents(request.documents());
            }
            Uni<Void> number = request.number() == null || request.number().trim().equals(k.number)
                    ? Uni.createFrom().voidItem() : numberFree(request.number().trim()).invoke(() -> k.number = request.number().trim());
            boolean currencyChanged = !currency.getCurrencyCode().equals(k.currency);
            k.currency = currency.getCurrencyCode();
            return number
                    .call(() -> currencyChanged ? collections.clearPlan(found) : Uni.createFrom().voidItem())
                    .call(() -> events.persist(ContractEvent.of(k.id, scope.userId(), ContractEvent.Kind.UPDATED, null)))
                    .call(() -> contracts.flush())
                    .chain(() -> detail(found));
        }));
    }

    @WithTransaction
    public Uni<ContractView> activate(UUID id, Integer expectedVersion) {
        return visible(id).chain(found -> scopes.current().chain(scope -> {
            Contract k = found.contract();
            ETags.check(expectedVersion, k.version);
            if (k.status == Contract.Status.ACTIVE) {
                return detail(found);
            }
            if (k.status != Contract.Status.DRAFT) {
                throw ProblemException.conflict("Only a draft is activated; this contract is " + k.status.name().toLowerCase());
            }
            k.status = Contract.Status.ACTIVE;
            k.renewalState = Contract.RenewalState.UPCOMING;
            k.renewalCheckedOn = null;
            return events.persist(ContractEvent.of(k.id, scope.userId(), ContractEvent.Kind.ACTIVATED, null))
                    .call(() -> contracts.flush())
                    .chain(() -> detail(found));
        }));
    }

    @WithTransaction
    public Uni<ContractView> terminate(UUID id, ContractRequests.Terminate request, Integer expectedVersion) {
        return visible(id).chain(found -> scopes.current().chain(scope -> {
            Contract k = found.contract();
            ETags.check(expectedVersion, k.version);
            if (k.status != Contract.Status.DRAFT && k.status != Contract.Status.ACTIVE) {
                throw ProblemException.conflict("Only a draft or active contract is terminated; this one is " + k.status.name().toLowerCase());
            }
            k.status = Contract.Status.TERMINATED;
            k.terminationReason = request.reason().trim();
            if (!k.renewalState.decided()) {
                k.renewalState = Contract.RenewalState.NONE;
            }
            return events.persist(ContractEvent.of(k.id, scope.userId(), ContractEvent.Kind.TERMINATED, k.terminationReason))
                    .call(() -> contracts.flush())
                    .chain(() -> detail(found));
        }));
    }

    /** Records progress on the renewal evaluation; the owner has acted, so no escalation follows. */
    @WithTransaction
    public Uni<ContractView> note(UUID id, ContractRequests.Note request) {
        return visible(id).chain(found -> scopes.current().chain(scope -> {
            Contract k = found.contract();
            requireOpenRenewal(k);
            k.renewalActedAt = Instant.now();
            return events.persist(ContractEvent.of(k.id, scope.userId(), ContractEvent.Kind.RENEWAL_NOTE, request.note().trim()))
                    .call(() -> contracts.flush())
                    .chain(() -> detail(found));
        }));
    }

    /** Renew (a successor contract, active, linked both ways; emits contract.renewed) or churn (with the reason). */
    @WithTransaction
    public Uni<ContractView> decide(UUID id, ContractRequests.Decide request, Integer expectedVersion) {
        return visible(id).chain(found -> scopes.current().chain(scope -> {
            Contract k = found.contract();
            ETags.check(expectedVersion, k.version);
            requireOpenRenewal(k);
            Instant now = Instant.now();
            if (request.decision() == ContractRequests.Decision.CHURN) {
                if (request.reason() == null || request.reason().isBlank()) {
                    throw ProblemException.invalid("reason", "is required when the customer does not renew");
                }
                k.renewalState = Contract.RenewalState.CHURNED;
                k.churnReason = request.reason().trim();
                k.renewalDecidedAt = now;
                k.renewalActedAt = now;
                return events.persist(ContractEvent.of(k.id, scope.userId(), ContractEvent.Kind.CHURNED, k.churnReason))
                        .call(() -> contracts.flush())
                        .chain(() -> detail(found));
            }
            ContractRequests.Successor s = request.successor();
            if (s == null) {
                throw ProblemException.invalid("successor", "is required to renew: the new contract's number, value and end");
            }
            Currency currency = Money.currency("successor.currency", s.currency() != null ? s.currency() : k.currency);
            Contract next = new Contract();
            next.value = Money.amount("successor.value", s.value(), currency, false);
            next.currency = currency.getCurrencyCode();
            next.startsOn = s.startsOn() != null ? s.startsOn() : k.endsOn.plusDays(1);
            next.endsOn = s.endsOn();
            if (next.endsOn.isBefore(next.startsOn)) {
                throw ProblemException.invalid("successor.endsOn", "is before the successor starts");
            }
            return numberFree(s.number().trim()).chain(() -> {
                next.id = Ids.newId();
                next.customerId = k.customerId;
                next.number = s.number().trim();
                next.productLines = s.productLines() != null ? lines(s.productLines()) : k.productLines;
                next.status = Contract.Status.ACTIVE;
                next.renewalState = Contract.RenewalState.UPCOMING;
                next.predecessorId = k.id;
                next.createdBy = scope.userId();
                k.renewalState = Contract.RenewalState.RENEWED;
                k.successorId = next.id;
                k.renewalDecidedAt = now;
                k.renewalActedAt = now;
                if (k.status == Contract.Status.EXPIRED) {
                    k.status = Contract.Status.RENEWED;
                }
                return contracts.persist(next)
                        .call(() -> contracts.flush())
                        .call(() -> events.persist(List.of(
                                ContractEvent.of(next.id, scope.userId(), ContractEvent.Kind.CREATED, "renewal of " + k.number),
                                ContractEvent.of(k.id, scope.userId(), ContractEvent.Kind.RENEWED, next.number))))
                        .call(() -> contracts.flush())
                        .call(() -> webhooks.publish(found.site().target().teamId(), renewed(found, next, scope.userId())))
                        .chain(() -> detail(found));
            });
        }));
    }

    /** Replaces the collection plan (no payments recorded yet). */
    @WithTransaction
    public Uni<ContractView> setPlan(UUID id, ContractRequests.Plan plan, Integer expectedVersion) {
        return visible(id).chain(found -> {
            ETags.check(expectedVersion, found.contract().version);
            return collections.setPlan(found, plan).chain(() -> detail(found));
        });
    }

    public Uni<Page<ContractView>> list(ContractQueries.Filter filter, String cursor, int limit) {
        UUID before = cursor == null || cursor.isBlank() ? new UUID(-1L, -1L) : Cursor.decode(cursor);
        return scopes.current().chain(scope -> queries.list(scope, filter, before, limit));
    }

    public Uni<List<RenewalItem>> renewals(int withinDays, int limit) {
        return scopes.current().chain(scope -> queries.renewals(scope, withinDays, limit))
                .chain(items -> customers.health(items.stream().map(RenewalItem::customerId).distinct().toList())
                        .map(health -> items.stream().map(i -> i.withHealth(health.get(i.customerId()))).toList()));
    }

    /** Renewals not yet decided in the caller's scope (a rep: their own customers'), ended ones first, with the customers' health. */
    public Uni<UndecidedRenewals> undecided(UndecidedRenewals.Filter filter, String cursor, int limit) {
        if (filter.currency() != null) {
            Money.currency("currency", filter.currency());
        }
        KeysetCursor after = KeysetCursor.decode(ContractQueries.UNDECIDED_LIST, cursor);
        LocalDate afterEnd = after == null ? null : lastDay(after);
        return scopes.current().chain(scope -> queries.undecided(scope, filter, afterEnd, after == null ? null : after.id(), limit))
                .chain(page -> customers.health(page.items().stream().map(RenewalItem::customerId).distinct().toList())
                        .map(health -> new UndecidedRenewals(page.asOf(), page.total(),
                                page.items().stream().map(i -> i.withHealth(health.get(i.customerId()))).toList(), page.nextCursor())));
    }

    private static LocalDate lastDay(KeysetCursor after) {
        try {
            return LocalDate.parse(after.value());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    /** The contract in the caller's scope, or 404. Inside a session. */
    public Uni<Found> visible(UUID id) {
        return contracts.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Contract"))
                .chain(k -> customers.siteInScope(k.customerId)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Contract"))
                        .map(site -> new Found(k, site)));
    }

    /** The detail view. Inside a session. */
    public Uni<ContractView> detail(Found found) {
        Contract k = found.contract();
        LocalDate today = found.today();
        return users.profile(found.site().target().ownerId())
                .chain(owner -> collections.planOf(k, today)
                        .chain(plan -> collections.paymentsOf(k.id)
                                .chain(payments -> events.of(k.id)
                                        .chain(history -> alerts.of(k.id).map(fired -> new ContractView(k.id, k.customerId,
                                                found.site().name(), found.site().target().ownerId(),
                                                owner == null ? null : owner.displayName(), found.site().target().teamId(), k.dealId,
                                                k.number, plain(k), k.currency, List.of(k.productLines), k.startsOn, k.endsOn,
                                                ChronoUnit.DAYS.between(today, k.endsOn), k.status, k.renewalState,
                                                expiredUndecided(k, today), k.successorId, k.predecessorId, k.churnReason,
                                                k.terminationReason, shownDocuments(k), k.evaluationOpenedOn, k.renewalActedAt,
                                                k.renewalDecidedAt, k.createdAt, k.version, plan, payments,
                                                history.stream().map(e -> new ContractView.EventView(e.at, e.actorId, e.kind, e.detail)).toList(),
                                                fired.stream().map(a -> new ContractView.AlertView(a.kind, a.recipientId, a.windowDays,
                                                        a.dueOn, a.instalmentId, a.firedAt)).toList()))))));
    }

    private static WebhookPayloads.ContractRenewed renewed(Found found, Contract next, UUID decidedBy) {
        Contract k = found.contract();
        return new WebhookPayloads.ContractRenewed(k.id, k.number, k.customerId, found.site().target().ownerId(),
                found.site().target().teamId(), next.id, next.number, plain(next), next.currency, next.startsOn, next.endsOn, decidedBy);
    }

    static boolean expiredUndecided(Contract k, LocalDate today) {
        boolean ended = k.status == Contract.Status.EXPIRED || (k.status == Contract.Status.ACTIVE && today.isAfter(k.endsOn));
        return ended && !k.renewalState.decided();
    }

    private static void requireOpenRenewal(Contract k) {
        if (k.renewalState.decided()) {
            throw ProblemException.conflict("The renewal was already decided: " + k.renewalState.name().toLowerCase());
        }
        if (k.status != Contract.Status.ACTIVE && k.status != Contract.Status.EXPIRED) {
            throw ProblemException.conflict("A " + k.status.name().toLowerCase() + " contract has no renewal to decide");
        }
    }

    private Uni<Void> numberFree(String number) {
        return contracts.numberTaken(number).invoke(taken -> {
            if (taken) {
                throw ProblemException.conflict("Contract number " + number + " is already used");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> dealFree(UUID dealId) {
        return contracts.count("dealId", dealId).invoke(n -> {
            if (n > 0) {
                throw ProblemException.conflict("This deal already has a contract");
            }
        }).replaceWithVoid();
    }

    private static void dates(LocalDate starts, LocalDate ends) {
        if (ends.isBefore(starts)) {
            throw ProblemException.invalid("endsOn", "is before the contract starts");
        }
    }

    private static String[] lines(List<String> lines) {
        return lines == null ? new String[0] : lines.stream().map(String::trim).filter(l -> !l.isEmpty()).distinct().toArray(String[]::new);
    }

    /** The documents as shown: a link stored before links had to be web addresses is left out, the name kept. */
    private static List<Contract.Document> shownDocuments(Contract k) {
        if (k.documents == null) {
            return List.of();
        }
        return k.documents.items().stream()
                .map(d -> d.url() == null || WebUrl.Validator.isWebUrl(d.url()) ? d
                        : new Contract.Document(d.name(), null, d.kind(), d.signedOn()))
                .toList();
    }

    private static Contract.Documents documents(List<ContractRequests.Document> docs) {
        List<Contract.Document> result = new ArrayList<>();
        if (docs != null) {
            for (ContractRequests.Document d : docs) {
                result.add(new Contract.Document(d.name().trim(), d.url(), d.kind(), d.signedOn()));
            }
        }
        return new Contract.Documents(result);
    }

    private static String plain(Contract k) {
        return Money.scaled(k.value, Currency.getInstance(k.currency)).toPlainString();
    }
}
