package io.canvass.deal;

import io.canvass.customer.CustomerDirectory;
import io.canvass.identity.UserService;
import io.canvass.platform.Cursor;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.Money;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.ScopeService;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * Deals and their stages. A deal belongs to a customer and is in scope exactly when the
 * customer is (reps: their own customers', managers: their teams', directors and admins: all);
 * every stage change is kept. Won and lost are final: a lost deal needs a reason, and a won deal
 * can become a contract.
 */
@ApplicationScoped
public class DealService {

    @Inject
    DealRepository deals;

    @Inject
    DealRepository.StageChanges changes;

    @Inject
    DealQueries queries;

    @Inject
    CustomerDirectory customers;

    @Inject
    UserService users;

    @Inject
    ScopeService scopes;

    @Inject
    WebhookEvents webhooks;

    @WithTransaction
    public Uni<DealView> create(DealRequests.Create request) {
        Currency currency = Money.currency("currency", request.currency());
        Deal d = new Deal();
        d.amount = Money.amount("amount", request.amount(), currency, false);
        d.currency = currency.getCurrencyCode();
        Deal.Stage stage = request.stage() == null ? Deal.Stage.QUALIFICATION : request.stage();
        if (stage.closed()) {
            throw ProblemException.invalid("stage", "a deal starts open; win or lose it with a stage change");
        }
        return customers.siteInScope(request.customerId())
                .onItem().ifNull().failWith(() -> ProblemException.invalid("customerId", "is not a customer of yours"))
                .chain(site -> scopes.current().chain(scope -> {
                    d.id = Ids.newId();
                    d.customerId = request.customerId();
                    d.name = request.name().trim();
                    d.productLine = blankToNull(request.productLine());
                    d.stage = stage;
                    d.expectedCloseOn = request.expectedCloseOn();
                    d.createdBy = scope.userId();
                    return deals.persist(d)
                            .call(() -> changes.persist(change(d, scope.userId(), null, stage, null)))
                            .call(() -> deals.flush())
                            .chain(() -> view(d, site));
                }));
    }

    @WithSession
    public Uni<DealView> get(UUID id) {
        return visible(id).chain(found -> view(found.deal(), found.site()));
    }

    @WithTransaction
    public Uni<DealView> update(UUID id, DealRequests.Update request, Integer expectedVersion) {
        return visible(id).chain(found -> {
            Deal d = found.deal();
            ETags.check(expectedVersion, d.version);
            if (d.stage.closed() && (request.amount() != null || request.currency() != null)) {
                throw ProblemException.conflict("The deal is " + d.stage.name().toLowerCase() + "; its amount no longer changes");
            }
            Currency currency = Money.currency("currency", request.currency() != null ? request.currency() : d.currency);
            if (request.amount() != null || request.currency() != null) {
                d.amount = Money.amount("amount", request.amount() != null ? request.amount() : d.amount, currency, false);
                d.currency = currency.getCurrencyCode();
            }
            if (request.name() != null) {
                if (request.name().isBlank()) {
                    throw ProblemException.invalid("name", "must not be blank");
                }
                d.name = request.name().trim();
            }
            if (request.productLine() != null) {
                d.productLine = blankToNull(request.productLine());
            }
            if (request.expectedCloseOn() != null) {
                d.expectedCloseOn = request.expectedCloseOn();
            }
            return deals.flush().chain(() -> view(d, found.site()));
        });
    }

    /** Moves a deal to another stage, keeping the change and emitting deal.stage_changed; won and lost are final. */
    @WithTransaction
    public Uni<DealView> move(UUID id, DealRequests.StageMove request, Integer expectedVersion) {
        return visible(id).chain(found -> scopes.current().chain(scope -> {
            Deal d = found.deal();
            ETags.check(expectedVersion, d.version);
            if (d.stage.closed()) {
                throw ProblemException.conflict("The deal is already " + d.stage.name().toLowerCase() + "; open a new deal instead");
            }
            if (request.stage() == d.stage) {
                return view(d, found.site());
            }
            String reason = blankToNull(request.reason());
            if (request.stage() == Deal.Stage.LOST && reason == null) {
                throw ProblemException.invalid("reason", "is required when a deal is lost");
            }
            DealStageChange change = change(d, scope.userId(), d.stage, request.stage(), reason);
            d.stage = request.stage();
            d.lostReason = d.stage == Deal.Stage.LOST ? reason : null;
            d.closedAt = d.stage.closed() ? Instant.now() : null;
            return changes.persist(change)
                    .call(() -> deals.flush())
                    .call(() -> webhooks.publish(found.site().target().teamId(), stageChanged(d, found.site(), change)))
                    .chain(() -> view(d, found.site()));
        }));
    }

    public Uni<Page<DealView>> list(DealQueries.Filter filter, String cursor, int limit) {
        UUID before = cursor == null || cursor.isBlank() ? new UUID(-1L, -1L) : Cursor.decode(cursor);
        return scopes.current().chain(scope -> queries.list(scope, filter, before, limit));
    }

    public Uni<Pipeline> pipeline(UUID ownerId, UUID teamId) {
        return scopes.current().chain(scope -> queries.pipeline(scope, ownerId, teamId));
    }

    /** For contracts: a won deal of the customer in the caller's scope, or a validation problem. Inside a session. */
    public Uni<Deal> wonDealOf(UUID dealId, UUID customerId) {
        return visible(dealId)
                .onFailure(ProblemException.class).transform(e -> ProblemException.invalid("dealId", "is not a deal of yours"))
                .map(found -> {
                    if (!found.deal().customerId.equals(customerId)) {
                        throw ProblemException.invalid("dealId", "belongs to another customer");
                    }
                    if (found.deal().stage != Deal.Stage.WON) {
                        throw ProblemException.invalid("dealId", "only a won deal becomes a contract");
                    }
                    return found.deal();
                });
    }

    /** For expense claims: the customer of a deal in the caller's scope, or null when the deal is not theirs. Inside a session. */
    public Uni<UUID> customerOfDealInScope(UUID dealId) {
        return deals.findById(dealId).chain(d -> d == null
                ? Uni.createFrom().nullItem()
                : customers.siteInScope(d.customerId).map(site -> site == null ? null : d.customerId));
    }

    private record Found(Deal deal, CustomerDirectory.Site site) {
    }

    private Uni<Found> visible(UUID id) {
        return deals.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Deal"))
                .chain(d -> customers.siteInScope(d.customerId)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Deal"))
                        .map(site -> new Found(d, site)));
    }

    private Uni<DealView> view(Deal d, CustomerDirectory.Site site) {
        return users.profile(site.target().ownerId()).chain(owner -> changes.of(d.id).map(history -> new DealView(d.id, d.customerId,
                site.name(), site.target().ownerId(), owner == null ? null : owner.displayName(), site.target().teamId(), d.name,
                DealQueries.plain(d.amount, d.currency), d.currency, d.productLine, d.stage, d.lostReason, d.expectedCloseOn,
                d.closedAt, d.createdAt, d.version, history.stream().map(DealView.StageChangeView::of).toList())));
    }

    private static WebhookPayloads.DealStageChanged stageChanged(Deal d, CustomerDirectory.Site site, DealStageChange c) {
        return new WebhookPayloads.DealStageChanged(d.id, d.customerId, site.target().ownerId(), site.target().teamId(), d.name,
                DealQueries.plain(d.amount, d.currency), d.currency, c.fromStage.name(), c.toStage.name(), d.lostReason, c.actorId,
                d.closedAt);
    }

    private static DealStageChange change(Deal d, UUID actor, Deal.Stage from, Deal.Stage to, String reason) {
        DealStageChange c = new DealStageChange();
        c.id = Ids.newId();
        c.dealId = d.id;
        c.at = Instant.now();
        c.actorId = actor;
        c.fromStage = from;
        c.toStage = to;
        c.reason = reason;
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
