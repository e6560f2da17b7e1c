package io.canvass.customer;

import io.canvass.audit.AuditService;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.canvass.platform.Problem;
import io.canvass.platform.ProblemKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import io.canvass.identity.UserService;
import io.canvass.identity.UserView;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Sql;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Customers and their lifecycle. Reps work their own customers, managers their teams', directors
 * and admins all; a customer outside the caller's scope answers 404 whatever the operation.
 */
@ApplicationScoped
public class CustomerService {

    private static final Logger LOG = Logger.getLogger(CustomerService.class);

    /** Most customers in one batch upsert. */
    public static final int MAX_BATCH = 200;

    @Inject
    Sql sql;

    @Inject
    CustomerRepository customers;

    @Inject
    CustomerRepository.Contacts contacts;

    @Inject
    CustomerRepository.Changes changes;

    @Inject
    CustomerDirectory directory;

    @Inject
    CustomerFollowUps followUps;

    @Inject
    Instance<CustomerLifecycle> lifecycle;

    @Inject
    UserService users;

    @Inject
    ScopeService scopes;

    @Inject
    AuditService audit;

    @Inject
    CustomerQueries queries;

    @Inject
    CommercialSignals commercial;

    @Inject
    WebhookEvents webhooks;

    @Inject
    Validator validator;

    /** The outcome for one item of a batch upsert. */
    @Schema(name = "CustomerUpsertResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpsertResult(int index, String externalId,
                               @Schema(enumeration = { "CREATED", "UPDATED", "UNCHANGED", "FAILED" }) String status,
                               UUID id, Integer version,
                               @Schema(description = "Why the item failed (its field errors name items[index].field)") Problem problem) {
    }

    static final String HOLD_EXTERNAL_ID = "select pg_advisory_xact_lock(hashtextextended($1, 0))";

    /** Results of a batch, in the order of its items, with counts. */
    @Schema(name = "CustomerBatchResult")
    public record BatchResult(int created, int updated, int unchanged, int failed, List<UpsertResult> results) {
    }

    @WithTransaction
    public Uni<CustomerView> create(CustomerRequests.Create request) {
        return insert(request, null);
    }

    private Uni<CustomerView> insert(CustomerRequests.Create request, String externalId) {
        return scopes.current().chain(scope -> owner(scope, request.ownerId()).chain(owner -> {
            Customer c = new Customer();
            c.id = Ids.newId();
            c.externalId = externalId;
            c.name = request.name().trim();
            c.industry = request.industry();
            c.size = request.size();
            c.address = request.address();
            setLocation(c, request.lat(), request.lng());
            c.ownerId = owner.id();
            c.teamId = owner.teamId();
            c.grade = request.grade();
            c.stage = request.stage() == null ? Customer.Stage.INITIAL_INTENT : request.stage();
            c.lostReason = request.lostReason();
            requireLostReason(c);
            c.source = request.source();
            c.tags = tags(request.tags());
            c.notes = request.notes();
            c.cadenceDaysOverride = request.cadenceDaysOverride();
            return customers.persist(c)
                    .call(() -> replaceContacts(c.id, request.contacts()))
                    .call(() -> announce(l -> l.created(FollowUpTarget.of(c, owner.timeZone()))))
                    .call(() -> audit.record(scope.userId(), "customer.created", "customer", c.id, null, CustomerView.snapshot(c)))
                    .call(() -> webhooks.publish(c.teamId, new WebhookPayloads.CustomerCreated(c.id, c.externalId, c.name,
                            c.ownerId, c.teamId, c.grade.name(), c.stage.name())))
                    .chain(() -> detail(c));
        }));
    }

    /**
     * Upserts customers by their external id, each item in its own transaction: a failing item
     * (invalid, out of scope) is reported and the others still apply. Sending the same batch again
     * changes nothing (items come back UNCHANGED), so a retry after a timeout is safe.
     */
    public Uni<BatchResult> upsertBatch(List<CustomerRequests.Upsert> items) {
        Set<String> seen = new HashSet<>();
        return Multi.createFrom().range(0, items.size())
                .onItem().transformToUniAndConcatenate(i -> upsertItem(i, items.get(i), seen))
                .collect().asList()
                .map(results -> new BatchResult(count(results, "CREATED"), count(results, "UPDATED"), count(results, "UNCHANGED"),
                        count(results, "FAILED"), results));
    }

    private Uni<UpsertResult> upsertItem(int index, CustomerRequests.Upsert item, Set<String> seen) {
        String prefix = "items[" + index + "]";
        if (item == null) {
            return Uni.createFrom().item(failed(index, null, Problem.of(ProblemKind.VALIDATION,
                    prefix + ": is null", List.of(new Problem.FieldError(prefix, "must not be null")))));
        }
        var violations = validator.validate(item);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(prefix + "." + v.getPropertyPath(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
            return Uni.createFrom().item(failed(index, item.externalId(), Problem.of(ProblemKind.VALIDATION,
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors)));
        }
        String key = item.externalId().trim();
        if (!seen.add(key)) {
            return Uni.createFrom().item(failed(index, key, ProblemException.invalid(prefix + ".externalId", "appears twice in this batch").problem()));
        }
        return sql.inTransaction(() -> upsert(key, item))
                .onFailure().recoverWithItem(failure -> failed(index, key, problemOf(prefix, failure)))
                .map(r -> r.status().equals("FAILED") ? r : new UpsertResult(index, key, r.status(), r.id(), r.version(), null));
    }

    /**
     * One item: the externalId is held until the transaction ends, so two requests upserting the same
     * item at once take turns, and the second finds what the first created (never a duplicate key).
     */
    private Uni<UpsertResult> upsert(String externalId, CustomerRequests.Upsert item) {
        return sql.query(HOLD_EXTERNAL_ID, Tuple.of("customer.external_id " + externalId))
                .chain(() -> scopes.current())
                .chain(scope -> customers.find("externalId", externalId).firstResult().chain(existing -> {
            if (existing == null) {
                return insert(item.toCreate(), externalId).map(c -> new UpsertResult(0, externalId, "CREATED", c.id(), c.version(), null));
            }
            if (!scope.covers(existing.ownerId, existing.teamId)) {
                throw ProblemException.conflict("externalId belongs to a customer outside your scope");
            }
            if (existing.deletedAt != null) {
                throw ProblemException.conflict("The customer with this externalId was deleted; restore it first");
            }
            int before = existing.version;
            return change(scope, existing, item.toUpdate(), null)
                    .map(c -> new UpsertResult(0, externalId, c.version() == before ? "UNCHANGED" : "UPDATED", c.id(), c.version(), null));
        }));
    }

    private static Problem problemOf(String prefix, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                Problem p = problem.problem();
                List<Problem.FieldError> errors = p.errors() == null ? null : p.errors().stream()
                        .map(e -> new Problem.FieldError(prefix + "." + e.field(), e.message())).toList();
                return new Problem(p.type(), p.title(), p.status(), p.detail(), errors);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Problem.of(ProblemKind.STALE_VERSION, "The customer changed meanwhile; send the item again");
            }
            if ("23505".equals(Sql.sqlState(t))) {
                return Problem.of(ProblemKind.CONFLICT, "Another request created this externalId at the same time; send the item again");
            }
        }
        LOG.error("Batch item failed", failure);
        return Problem.of(ProblemKind.INTERNAL, "Something went wrong on our side; it has been logged");
    }

    private static UpsertResult failed(int index, String externalId, Problem problem) {
        return new UpsertResult(index, externalId, "FAILED", null, null, problem);
    }

    private static int count(List<UpsertResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }

    @WithSession
    public Uni<CustomerView> get(UUID id) {
        return scopes.current().chain(scope -> visible(scope, id, false)).chain(this::detail);
    }

    @WithTransaction
    public Uni<CustomerView> update(UUID id, CustomerRequests.Update request, Integer expectedVersion) {
        return scopes.current().chain(scope -> visible(scope, id, false).chain(c -> change(scope, c, request, expectedVersion)));
    }

    private Uni<CustomerView> change(Scope scope, Customer c, CustomerRequests.Update request, Integer expectedVersion) {
        ETags.check(expectedVersion, c.version);
        Map<String, Object> before = CustomerView.snapshot(c);
        List<CustomerChange> history = new ArrayList<>();
        boolean cadenceChanged = false;
        if (request.name() != null) {
            c.name = request.name().trim();
        }
        c.industry = request.industry() != null ? request.industry() : c.industry;
        c.size = request.size() != null ? request.size() : c.size;
        c.address = request.address() != null ? request.address() : c.address;
        if (request.lat() != null || request.lng() != null) {
            setLocation(c, request.lat(), request.lng());
        }
        c.source = request.source() != null ? request.source() : c.source;
        c.notes = request.notes() != null ? request.notes() : c.notes;
        if (request.tags() != null) {
            c.tags = tags(request.tags());
        }
        if (request.grade() != null && request.grade() != c.grade) {
            history.add(change(c.id, scope.userId(), CustomerChange.Field.GRADE, c.grade.name(), request.grade().name(), null));
            c.grade = request.grade();
            cadenceChanged = true;
        }
        if (request.stage() != null && request.stage() != c.stage) {
            history.add(change(c.id, scope.userId(), CustomerChange.Field.STAGE, c.stage.name(), request.stage().name(),
                    request.stage() == Customer.Stage.LOST ? request.lostReason() : null));
            c.stage = request.stage();
            c.lostReason = c.stage == Customer.Stage.LOST ? request.lostReason() : null;
            cadenceChanged = true;
        } else if (request.lostReason() != null && c.stage == Customer.Stage.LOST) {
            c.lostReason = request.lostReason();
        }
        requireLostReason(c);
        if (Boolean.TRUE.equals(request.clearCadenceOverride())) {
            cadenceChanged |= c.cadenceDaysOverride != null;
            c.cadenceDaysOverride = null;
        } else if (request.cadenceDaysOverride() != null && !request.cadenceDaysOverride().equals(c.cadenceDaysOverride)) {
            c.cadenceDaysOverride = request.cadenceDaysOverride();
            cadenceChanged = true;
        }
        boolean reschedule = cadenceChanged;
        return (history.isEmpty() ? Uni.createFrom().voidItem() : changes.persist(history))
                .call(() -> request.contacts() == null ? Uni.createFrom().voidItem() : replaceContacts(c.id, request.contacts()))
                .call(() -> customers.flush())
                .call(() -> reschedule ? announceCadenceChange(c) : Uni.createFrom().voidItem())
                .call(() -> audit.record(scope.userId(), "customer.updated", "customer", c.id, before, CustomerView.snapshot(c)))
                .call(() -> publishChanges(c, history))
                .chain(() -> detail(c));
    }

    /** customer.grade_changed and customer.stage_changed for the changes just recorded. Inside the transaction. */
    private Uni<Void> publishChanges(Customer c, List<CustomerChange> history) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CustomerChange change : history) {
            if (change.field == CustomerChange.Field.GRADE) {
                chain = chain.call(() -> webhooks.publish(c.teamId, new WebhookPayloads.CustomerGradeChanged(c.id, c.externalId,
                        c.ownerId, c.teamId, change.oldValue, change.newValue)));
            } else if (change.field == CustomerChange.Field.STAGE) {
                chain = chain.call(() -> webhooks.publish(c.teamId, new WebhookPayloads.CustomerStageChanged(c.id, c.externalId,
                        c.ownerId, c.teamId, change.oldValue, change.newValue, c.lostReason)));
            }
        }
        return chain;
    }

    @WithTransaction
    public Uni<CustomerView> reassign(UUID id, CustomerRequests.Reassign request) {
        return scopes.current().chain(scope -> {
            if (scope.role() == Role.REP) {
                throw ProblemException.forbidden("Only managers reassign customers");
            }
            return visible(scope, id, false).chain(c -> owner(scope, request.ownerId()).chain(owner -> {
                if (owner.id().equals(c.ownerId)) {
                    return detail(c);
                }
                Map<String, Object> before = CustomerView.snapshot(c);
                CustomerChange change = change(c.id, scope.userId(), CustomerChange.Field.OWNER, c.ownerId.toString(),
                        owner.id().toString(), request.reason().trim());
                c.ownerId = owner.id();
                c.teamId = owner.teamId();
                return changes.persist(change)
                        .call(() -> customers.flush())
                        .call(() -> announce(l -> l.ownerChanged(FollowUpTarget.of(c, owner.timeZone()))))
                        .call(() -> audit.record(scope.userId(), "customer.reassigned", "customer", c.id, before, CustomerView.snapshot(c)))
                        .chain(() -> detail(c));
            }));
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return scopes.current().chain(scope -> visible(scope, id, false).chain(c -> {
            c.deletedAt = Instant.now();
            return changes.persist(change(c.id, scope.userId(), CustomerChange.Field.DELETED, "false", "true", null))
                    .call(() -> announce(l -> l.deleted(c.id)))
                    .call(() -> audit.record(scope.userId(), "customer.deleted", "customer", c.id, null, null))
                    .replaceWithVoid();
        }));
    }

    @WithTransaction
    public Uni<CustomerView> restore(UUID id) {
        return scopes.current().chain(scope -> {
            if (scope.role() == Role.REP) {
                throw ProblemException.forbidden("Only managers restore deleted customers");
            }
            return visible(scope, id, true).chain(c -> {
                if (c.deletedAt == null) {
                    return detail(c);
                }
                c.deletedAt = null;
                return changes.persist(change(c.id, scope.userId(), CustomerChange.Field.DELETED, "true", "false", null))
                        .call(() -> customers.flush())
                        .call(() -> announceCadenceChange(c))
                        .call(() -> audit.record(scope.userId(), "customer.restored", "customer", c.id, null, null))
                        .chain(() -> detail(c));
            });
        });
    }

    @WithSession
    public Uni<List<TimelineEntry>> timeline(UUID id) {
        return scopes.current().chain(scope -> visible(scope, id, true)).chain(c -> queries.timeline(c.id));
    }

    /**
     * A touch's effect on the customer, as a common table expression for a statement that records
     * a visit in one round trip: expects a CTE {@code visit} with {@code customer_id, done_at} and
     * defines {@code touched}, moving the last touch forward (never back), as {@link #touched} does.
     */
    public static final String TOUCH_CTE = """
            touched as (
                update customer c set last_touched_at = v.done_at, updated_at = now(), version = c.version + 1
                from visit v
                where c.id = v.customer_id and (c.last_touched_at is null or c.last_touched_at < v.done_at)
            )""";

    /** Sets a customer's location from a visit; managers and above. Inside a transaction. */
    public Uni<Void> relocate(UUID customerId, double lat, double lng, String evidence) {
        return scopes.current().chain(scope -> {
            if (scope.role() == Role.REP) {
                throw ProblemException.forbidden("Only managers set a customer's location from a visit");
            }
            return visible(scope, customerId, false).chain(c -> {
                Map<String, Object> before = new java.util.HashMap<>();
                before.put("lat", c.lat);
                before.put("lng", c.lng);
                c.lat = lat;
                c.lng = lng;
                return audit.record(scope.userId(), "customer.relocated", "customer", c.id, before,
                        Map.of("lat", lat, "lng", lng, "evidence", evidence));
            });
        });
    }

    /** Records that the customer was touched at {@code at}. Inside a transaction. */
    public Uni<Void> touched(UUID customerId, Instant at) {
        return customers.findById(customerId).invoke(c -> {
            if (c.lastTouchedAt == null || c.lastTouchedAt.isBefore(at)) {
                c.lastTouchedAt = at;
            }
        }).replaceWithVoid();
    }

    Uni<CustomerView> detail(Customer c) {
        return contacts.of(c.id).chain(people -> directory.targetOf(c)
                .chain(followUps::of)
                .chain(schedule -> queries.missedLast90Days(c.id).chain(missed -> commercial.of(List.of(c.id)).map(signals -> {
                    CustomerFollowUps.Pending pending = schedule.pending();
                    Instant since = c.lastTouchedAt != null ? c.lastTouchedAt : c.createdAt;
                    long days = java.time.Duration.between(since, Instant.now()).toDays();
                    HealthScore health = HealthScore.of(days, schedule.cadenceDays(), pending != null && pending.overdue(), missed,
                            signals.get(c.id));
                    return new CustomerView(c.id, c.externalId, c.name, c.industry, c.size, c.address, c.lat, c.lng, c.ownerId, c.teamId,
                            c.grade, c.stage, c.lostReason, c.source, List.of(c.tags), c.notes, c.cadenceDaysOverride,
                            schedule.cadenceDays(), c.lastTouchedAt, c.deletedAt, c.createdAt, c.version,
                            people.stream().map(CustomerView.ContactView::of).toList(), pending, health);
                }))));
    }

    private Uni<Void> announceCadenceChange(Customer c) {
        return directory.targetOf(c).chain(target -> announce(l -> l.cadenceChanged(target)));
    }

    /**
     * Tells every {@link CustomerLifecycle} what happened, one after the other, in this transaction:
     * each returns a Uni that runs on the change's session, so what it writes commits or rolls back
     * with the change (a synchronous CDI event cannot wait for a Uni, an asynchronous one would leave
     * the transaction).
     */
    private Uni<Void> announce(Function<CustomerLifecycle, Uni<Void>> event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CustomerLifecycle subscriber : lifecycle) {
            chain = chain.call(() -> event.apply(subscriber));
        }
        return chain;
    }

    private Uni<Customer> visible(Scope scope, UUID id, boolean includeDeleted) {
        return customers.findById(id)
                .map(c -> c != null && scope.covers(c.ownerId, c.teamId) && (includeDeleted || c.deletedAt == null) ? c : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Customer"));
    }

    /** Who will own the customer: reps own what they create; managers and above choose a rep or manager in scope. */
    private Uni<UserView> owner(Scope scope, UUID requested) {
        UUID ownerId = requested != null ? requested : scope.userId();
        if (scope.role() == Role.REP && !ownerId.equals(scope.userId())) {
            throw ProblemException.forbidden("Reps create customers for themselves");
        }
        return users.profile(ownerId).map(owner -> {
            if (owner == null || !scope.covers(owner.id(), owner.teamId())) {
                throw ProblemException.invalid("ownerId", "is not a user you manage");
            }
            if (!owner.active() || (owner.role() != Role.REP && owner.role() != Role.MANAGER) || owner.teamId() == null) {
                throw ProblemException.invalid("ownerId", "must be an active rep or manager who belongs to a team");
            }
            return owner;
        });
    }

    private Uni<Void> replaceContacts(UUID customerId, List<CustomerRequests.Contact> people) {
        return contacts.deleteOf(customerId).chain(() -> {
            if (people == null || people.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<CustomerContact> rows = new ArrayList<>();
            for (CustomerRequests.Contact p : people) {
                CustomerContact contact = new CustomerContact();
                contact.id = Ids.newId();
                contact.customerId = customerId;
                contact.name = p.name().trim();
                contact.title = p.title();
                contact.phone = p.phone();
                contact.email = p.email();
                contact.decisionRole = p.decisionRole() == null ? CustomerContact.DecisionRole.OTHER : p.decisionRole();
                contact.position = rows.size();
                rows.add(contact);
            }
            return contacts.persist(rows);
        });
    }

    private static CustomerChange change(UUID customerId, UUID actor, CustomerChange.Field field, String from, String to, String reason) {
        CustomerChange change = new CustomerChange();
        change.id = Ids.newId();
        change.customerId = customerId;
        change.at = Instant.now();
        change.actorId = actor;
        change.field = field;
        change.oldValue = from;
        change.newValue = to;
        change.reason = reason;
        return change;
    }

    private static void setLocation(Customer c, Double lat, Double lng) {
        if ((lat == null) != (lng == null)) {
            throw ProblemException.invalid(lat == null ? "lat" : "lng", "latitude and longitude go together");
        }
        c.lat = lat;
        c.lng = lng;
    }

    private static void requireLostReason(Customer c) {
        if (c.stage == Customer.Stage.LOST && (c.lostReason == null || c.lostReason.isBlank())) {
            throw ProblemException.invalid("lostReason", "is required when the customer is lost");
        }
    }

    private static String[] tags(List<String> tags) {
        return tags == null ? new String[0] : tags.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toArray(String[]::new);
    }

}
