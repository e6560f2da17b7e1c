package io.canvass.expense;

import io.canvass.customer.CustomerDirectory;
import io.canvass.deal.DealService;
import io.canvass.platform.Cursor;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.ImageUpload;
import io.canvass.platform.Money;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.ProblemKind;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.UUID;

/**
 * Expense claims through their workflow: a rep files a draft with receipts and submits it (within
 * budget, or covered by a pre-approval), the manager approves it, finance approves it and marks it
 * paid; any approver at their step may return it to the rep with a comment, and the rep may
 * withdraw it while it waits for the manager. Each transition is checked on the server (role and
 * scope, then state), kept in the claim's history, and emitted as a webhook event.
 */
@ApplicationScoped
public class ClaimService {

    @Inject
    ExpenseRepository claims;

    @Inject
    ExpenseRepository.Events events;

    @Inject
    ExpenseRepository.Receipts receipts;

    @Inject
    ExpenseQueries queries;

    @Inject
    ExpenseActors actors;

    @Inject
    BudgetGuard budgets;

    @Inject
    CustomerDirectory customers;

    @Inject
    DealService deals;

    @Inject
    WebhookEvents webhooks;

    @Inject
    ExpenseConfig config;

    public Uni<ExpenseViews.Claim> create(ExpenseRequests.ClaimCreate request) {
        Currency currency = Money.currency("currency", request.currency());
        BigDecimal amount = Money.amount("amount", request.amount(), currency, true);
        return actors.current().chain(actor -> {
            checkDay(request.spentOn());
            return Panache.withTransaction(() -> team(actor, request.teamId())
                            .chain(team -> links(request.customerId(), request.dealId()).chain(links -> {
                                ExpenseClaim c = new ExpenseClaim();
                                c.id = Ids.newId();
                                c.userId = actor.scope().userId();
                                c.teamId = team;
                                c.spentOn = request.spentOn();
                                c.category = request.category();
                                c.amount = amount;
                                c.currency = currency.getCurrencyCode();
                                c.customerId = links.customerId();
                                c.dealId = links.dealId();
                                c.description = request.description().trim();
                                c.status = ExpenseClaim.Status.DRAFT;
                                return claims.persist(c)
                                        .call(() -> record(c, actor, ExpenseClaimEvent.Action.CREATED, null, null));
                            })))
                    .chain(c -> view(c.id, actor));
        });
    }

    public Uni<ExpenseViews.Claim> get(UUID id) {
        return actors.current().chain(actor -> view(id, actor));
    }

    public Uni<Page<ExpenseViews.Claim>> list(ExpenseQueries.ClaimFilter filter, String cursor, int limit) {
        UUID before = cursor == null || cursor.isBlank() ? new UUID(-1L, -1L) : Cursor.decode(cursor);
        return actors.current().chain(actor -> queries.claims(actor, filter, before, limit));
    }

    public Uni<ExpenseViews.Approvals> waiting() {
        return actors.current().chain(queries::waiting);
    }

    public Uni<ExpenseViews.Claim> update(UUID id, ExpenseRequests.ClaimUpdate request, Integer expectedVersion) {
        return actors.current().chain(actor -> Panache.withTransaction(() -> editable(id, actor, "changed").chain(c -> {
            ETags.check(expectedVersion, c.version);
            Currency currency = Money.currency("currency", request.currency() != null ? request.currency() : c.currency);
            if (request.amount() != null || request.currency() != null) {
                c.amount = Money.amount("amount", request.amount() != null ? request.amount() : c.amount, currency, true);
                c.currency = currency.getCurrencyCode();
            }
            if (request.spentOn() != null) {
                checkDay(request.spentOn());
                c.spentOn = request.spentOn();
            }
            if (request.category() != null) {
                c.category = request.category();
            }
            if (request.description() != null) {
                if (request.description().isBlank()) {
                    throw ProblemException.invalid("description", "must not be blank");
                }
                c.description = request.description().trim();
            }
            if (request.customerId() == null && request.dealId() == null) {
                return record(c, actor, ExpenseClaimEvent.Action.UPDATED, c.status, null);
            }
            return links(request.customerId() != null ? request.customerId() : c.customerId, request.dealId() != null ? request.dealId() : c.dealId)
                    .chain(links -> {
                        c.customerId = links.customerId();
                        c.dealId = links.dealId();
                        return record(c, actor, ExpenseClaimEvent.Action.UPDATED, c.status, null);
                    });
        })).chain(c -> view(id, actor)));
    }

    public Uni<Void> delete(UUID id) {
        return actors.current().chain(actor -> Panache.withTransaction(() -> editable(id, actor, "deleted")
                .call(c -> claims.delete(c))
                .replaceWithVoid()));
    }

    /** Sends a draft or returned claim for approval: it needs a receipt and room in its budget (or a pre-approval). */
    public Uni<ExpenseViews.Claim> submit(UUID id) {
        return actors.current().chain(actor -> Panache.withTransaction(() -> owned(id, actor, "submits").chain(c -> {
            requireStatus(c, "submitted", ExpenseClaim.Status.DRAFT, ExpenseClaim.Status.RETURNED);
            return receipts.countOf(c.id)
                    .invoke(count -> {
                        if (count == 0) {
                            throw new ProblemException(ProblemKind.UNPROCESSABLE, "Attach at least one receipt before submitting the claim");
                        }
                    })
                    .chain(() -> budgets.check(c))
                    .chain(() -> {
                        c.submittedAt = Instant.now();
                        return record(c, actor, ExpenseClaimEvent.Action.SUBMITTED, ExpenseClaim.Status.SUBMITTED, null);
                    })
                    .call(() -> webhooks.publish(c.teamId, new WebhookPayloads.ExpenseClaimSubmitted(c.id, c.userId, c.teamId, c.spentOn,
                            c.category.name(), plain(c), c.currency, c.status.name(), actor.scope().userId(), c.submittedAt)));
        })).chain(c -> view(id, actor)));
    }

    /** Takes a submitted claim back to draft before the manager has acted on it. */
    public Uni<ExpenseViews.Claim> withdraw(UUID id) {
        return actors.current().chain(actor -> Panache.withTransaction(() -> owned(id, actor, "withdraws").chain(c -> {
            requireStatus(c, "withdrawn", ExpenseClaim.Status.SUBMITTED);
            c.submittedAt = null;
            return record(c, actor, ExpenseClaimEvent.Action.WITHDRAWN, ExpenseClaim.Status.DRAFT, null);
        })).chain(c -> view(id, actor)));
    }

    /** Approves at the claim's current step: the manager's for a submitted claim, finance's for one the manager approved. */
    public Uni<ExpenseViews.Claim> approve(UUID id, String comment) {
        return actors.current().chain(actor -> Panache.withTransaction(() -> visible(id, actor).chain(c -> {
            requireStatus(c, "approved", ExpenseClaim.Status.SUBMITTED, ExpenseClaim.Status.MANAGER_APPROVED);
            ClaimRules.Step step = ClaimRules.Step.of(c.status);
            requireStep(step, actor, c);
            Instant now = Instant.now();
            String note = blankToNull(comment);
            Uni<ExpenseClaim> moved;
            if (step == ClaimRules.Step.MANAGER) {
                c.managerApprovedBy = actor.scope().userId();
                c.managerApprovedAt = now;
                moved = record(c, actor, ExpenseClaimEvent.Action.MANAGER_APPROVED, ExpenseClaim.Status.MANAGER_APPROVED, note);
            } else {
                c.financeApprovedBy = actor.scope().userId();
                c.financeApprovedAt = now;
                moved = record(c, actor, ExpenseClaimEvent.Action.FINANCE_APPROVED, ExpenseClaim.Status.FINANCE_APPROVED, note);
            }
            return moved.call(() -> webhooks.publish(c.teamId, new WebhookPayloads.ExpenseClaimApproved(c.id, c.userId, c.teamId, c.spentOn,
                    c.category.name(), plain(c), c.currency, c.status.name(), actor.scope().userId(), now, step.name(), note)));
        })).chain(c -> view(id, actor)));
    }

    /** Returns the claim to the rep from the step it waits at; the comment says what to fix. */
    public Uni<ExpenseViews.Claim> sendBack(UUID id, String comment) {
        String note = blankToNull(comment);
        if (note == null) {
            throw ProblemException.invalid("comment", "is required when returning a claim: tell the rep what to fix");
        }
        return actors.current().chain(actor -> Panache.withTransaction(() -> visible(id, actor).chain(c -> {
            requireStatus(c, "returned", ExpenseClaim.Status.SUBMITTED, ExpenseClaim.Status.MANAGER_APPROVED,
                    ExpenseClaim.Status.FINANCE_APPROVED);
            ClaimRules.Step step = ClaimRules.Step.of(c.status);
            requireStep(step, actor, c);
            c.managerApprovedBy = null;
            c.managerApprovedAt = null;
            c.financeApprovedBy = null;
            c.financeApprovedAt = null;
            Instant now = Instant.now();
            return record(c, actor, ExpenseClaimEvent.Action.RETURNED, ExpenseClaim.Status.RETURNED, note)
                    .call(() -> webhooks.publish(c.teamId, new WebhookPayloads.ExpenseClaimReturned(c.id, c.userId, c.teamId, c.spentOn,
                            c.category.name(), plain(c), c.currency, c.status.name(), actor.scope().userId(), now, step.name(), note)));
        })).chain(c -> view(id, actor)));
    }

    /** Marks a finance-approved claim paid. */
    public Uni<ExpenseViews.Claim> pay(UUID id, String comment) {
        return actors.current().chain(actor -> Panache.withTransaction(() -> visible(id, actor).chain(c -> {
            requireStatus(c, "paid", ExpenseClaim.Status.FINANCE_APPROVED);
            requireStep(ClaimRules.Step.FINANCE, actor, c);
            c.paidBy = actor.scope().userId();
            c.paidAt = Instant.now();
            return record(c, actor, ExpenseClaimEvent.Action.PAID, ExpenseClaim.Status.PAID, blankToNull(comment))
                    .call(() -> webhooks.publish(c.teamId, new WebhookPayloads.ExpenseClaimPaid(c.id, c.userId, c.teamId, c.spentOn,
                            c.category.name(), plain(c), c.currency, c.status.name(), actor.scope().userId(), c.paidAt)));
        })).chain(c -> view(id, actor)));
    }

    /** Adds a receipt image (type checked from its bytes) to a claim the rep can still change. */
    public Uni<ExpenseViews.Receipt> addReceipt(UUID id, String declaredType, byte[] bytes) {
        String type = ImageUpload.check("receipt", declaredType, bytes, config.maxReceiptBytes());
        return actors.current().chain(actor -> Panache.withTransaction(() -> editable(id, actor, "given receipts")
                .chain(c -> receipts.countOf(c.id))
                .chain(count -> {
                    if (count >= config.maxReceiptsPerClaim()) {
                        throw new ProblemException(ProblemKind.UNPROCESSABLE,
                                "A claim carries at most " + config.maxReceiptsPerClaim() + " receipts; remove one first");
                    }
                    ExpenseReceipt r = new ExpenseReceipt();
                    r.id = Ids.newId();
                    r.claimId = id;
                    r.contentType = type;
                    r.sizeBytes = bytes.length;
                    r.bytes = bytes;
                    r.uploadedBy = actor.scope().userId();
                    r.uploadedAt = Instant.now();
                    return receipts.persist(r);
                })
                .map(r -> new ExpenseViews.Receipt(r.id, r.contentType, r.sizeBytes, r.uploadedAt))));
    }

    /** A receipt of a claim the caller may see. */
    public Uni<ExpenseReceipt> receipt(UUID id, UUID receiptId) {
        return actors.current().chain(actor -> Panache.withSession(() -> visible(id, actor)
                .chain(c -> receipts.findById(receiptId))
                .map(r -> r != null && r.claimId.equals(id) ? r : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Receipt"))));
    }

    public Uni<Void> deleteReceipt(UUID id, UUID receiptId) {
        return actors.current().chain(actor -> Panache.withTransaction(() -> editable(id, actor, "changed")
                .chain(c -> receipts.findById(receiptId))
                .map(r -> r != null && r.claimId.equals(id) ? r : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Receipt"))
                .call(r -> receipts.delete(r))
                .replaceWithVoid()));
    }

    private Uni<ExpenseViews.Claim> view(UUID id, ClaimRules.Actor actor) {
        return queries.claim(id, actor)
                .map(v -> v != null && actor.sees(v.userId(), v.teamId(), v.status()) ? v : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Expense claim"));
    }

    private Uni<ExpenseClaim> visible(UUID id, ClaimRules.Actor actor) {
        return claims.findById(id)
                .map(c -> c != null && actor.sees(c.userId, c.teamId, c.status) ? c : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Expense claim"));
    }

    private Uni<ExpenseClaim> owned(UUID id, ClaimRules.Actor actor, String verb) {
        return visible(id, actor).invoke(c -> {
            if (!actor.isOwner(c.userId)) {
                throw ProblemException.forbidden("Only the person who filed the claim " + verb + " it");
            }
        });
    }

    private Uni<ExpenseClaim> editable(UUID id, ClaimRules.Actor actor, String what) {
        return owned(id, actor, "changes").invoke(c -> {
            if (!c.status.editable()) {
                throw ProblemException.conflict("The claim is " + c.status + "; only a draft or returned claim can be " + what);
            }
        });
    }

    private static void requireStatus(ExpenseClaim c, String what, ExpenseClaim.Status... allowed) {
        if (!Arrays.asList(allowed).contains(c.status)) {
            throw ProblemException.conflict("The claim is " + c.status + "; only a claim that is "
                    + String.join(" or ", Arrays.stream(allowed).map(Enum::name).toList()) + " can be " + what);
        }
    }

    private static void requireStep(ClaimRules.Step step, ClaimRules.Actor actor, ExpenseClaim c) {
        if (ClaimRules.mayActAt(step, actor, c.userId, c.teamId)) {
            return;
        }
        if (actor.isOwner(c.userId)) {
            throw ProblemException.forbidden("Nobody decides their own claim");
        }
        throw ProblemException.forbidden(step == ClaimRules.Step.MANAGER
                ? "A submitted claim is decided by a manager of the claimant's team, a director or an admin"
                : "This step is decided by a finance approver or an admin");
    }

    private static void checkDay(LocalDate spentOn) {
        // the latest calendar day anywhere: a rep far east of the server may already be on tomorrow
        if (spentOn.isAfter(LocalDate.now(java.time.ZoneOffset.ofHours(14)))) {
            throw ProblemException.invalid("spentOn", "is in the future");
        }
    }

    private Uni<UUID> team(ClaimRules.Actor actor, UUID requested) {
        UUID team = requested != null ? requested : actor.ownTeam();
        if (team == null) {
            throw ProblemException.invalid("teamId", "you belong to no team; name the team the expense is charged to");
        }
        if (!team.equals(actor.ownTeam()) && !actor.scope().coversTeam(team)) {
            throw ProblemException.invalid("teamId", "is not a team of yours");
        }
        return queries.teamExists(team).map(exists -> {
            if (!exists) {
                throw ProblemException.invalid("teamId", "is not a team");
            }
            return team;
        });
    }

    private record Links(UUID customerId, UUID dealId) {
    }

    /** The customer and deal a claim served, both in the caller's scope; a deal alone brings its customer. */
    private Uni<Links> links(UUID customerId, UUID dealId) {
        Uni<UUID> dealCustomer = dealId == null
                ? Uni.createFrom().nullItem()
                : deals.customerOfDealInScope(dealId)
                        .onItem().ifNull().failWith(() -> ProblemException.invalid("dealId", "is not a deal of yours"));
        return dealCustomer.chain(ofDeal -> {
            if (customerId != null && ofDeal != null && !customerId.equals(ofDeal)) {
                throw ProblemException.invalid("dealId", "belongs to another customer");
            }
            UUID customer = customerId != null ? customerId : ofDeal;
            if (customer == null) {
                return Uni.createFrom().item(new Links(null, null));
            }
            return customers.siteInScope(customer).map(site -> {
                if (site == null) {
                    throw ProblemException.invalid("customerId", "is not a customer of yours");
                }
                return new Links(customer, dealId);
            });
        });
    }

    /** Moves the claim to {@code to} (or keeps its status when null) and keeps the step in its history. */
    private Uni<ExpenseClaim> record(ExpenseClaim c, ClaimRules.Actor actor, ExpenseClaimEvent.Action action, ExpenseClaim.Status to,
                                     String comment) {
        ExpenseClaimEvent e = new ExpenseClaimEvent();
        e.id = Ids.newId();
        e.claimId = c.id;
        e.at = Instant.now();
        e.actorId = actor.scope().userId();
        e.action = action;
        e.fromStatus = action == ExpenseClaimEvent.Action.CREATED ? null : c.status;
        if (to != null) {
            c.status = to;
        }
        e.toStatus = c.status;
        e.comment = comment;
        return events.persist(e).call(() -> claims.flush()).replaceWith(c);
    }

    private static String plain(ExpenseClaim c) {
        return ExpenseQueries.plain(c.amount, c.currency);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
