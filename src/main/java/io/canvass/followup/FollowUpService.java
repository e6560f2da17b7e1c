package io.canvass.followup;

import io.canvass.customer.CustomerDirectory;
import io.canvass.customer.CustomerService;
import io.canvass.customer.FollowUpTarget;
import io.canvass.platform.Ids;
import io.canvass.platform.ProblemException;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Keeps every active customer with exactly one pending follow-up: scheduled from the cadence
 * after each touch, or from the next action the rep agreed, which wins.
 */
@ApplicationScoped
public class FollowUpService {

    /** How far back a touch recorded offline may be dated. */
    static final Duration MAX_BACKDATE = Duration.ofDays(7);
    /** How far ahead a follow-up may be snoozed or a next action set. */
    static final int MAX_DAYS_AHEAD = 366;

    @Inject
    FollowUpRepository followUps;

    @Inject
    CadenceService cadence;

    @Inject
    CustomerService customers;

    @Inject
    CustomerDirectory directory;

    @Inject
    WebhookEvents webhooks;

    /** A new customer's first follow-up: due the next day. Call inside a transaction. */
    Uni<FollowUp> scheduleFirst(FollowUpTarget target) {
        LocalDate tomorrow = Cadence.today(target.ownerZone(), Instant.now()).plusDays(1);
        return create(target, tomorrow, FollowUp.ScheduledBy.CADENCE, FollowUp.Channel.CALL);
    }

    /**
     * After a grade, stage or override change: a cadence-scheduled pending follow-up moves to the
     * new rhythm (never into the past); an agreed next action or a snooze keeps its day.
     */
    Uni<Void> reschedule(FollowUpTarget target) {
        if (!target.active()) {
            return followUps.deletePendingOf(target.customerId()).replaceWithVoid();
        }
        return followUps.pendingOf(target.customerId()).chain(pending -> {
            if (pending == null) {
                return scheduleFirst(target).replaceWithVoid();
            }
            if (pending.scheduledBy != FollowUp.ScheduledBy.CADENCE) {
                return Uni.createFrom().voidItem();
            }
            return cadence.ruleFor(target).invoke(rule -> {
                Instant base = target.lastTouchedAt() != null ? target.lastTouchedAt() : target.createdAt();
                LocalDate today = Cadence.today(target.ownerZone(), Instant.now());
                LocalDate due = Cadence.nextDueOn(Cadence.today(target.ownerZone(), base), rule.intervalDays());
                setDue(pending, due.isBefore(today) ? today : due, target);
            }).replaceWithVoid();
        });
    }

    /** The customer changed hands: the pending follow-up goes with it, due on the same day in the new owner's zone. */
    Uni<Void> reassign(FollowUpTarget target) {
        return followUps.pendingOf(target.customerId()).invoke(pending -> {
            if (pending != null) {
                pending.ownerId = target.ownerId();
                pending.teamId = target.teamId();
                setDue(pending, pending.dueOn, target);
            }
        }).replaceWithVoid();
    }

    /** The customer is lost or deleted: nothing more is due. */
    Uni<Void> cancelPending(UUID customerId) {
        return followUps.deletePendingOf(customerId).replaceWithVoid();
    }

    /**
     * Records a touch. Completing one that is already done returns it unchanged, so a replayed
     * offline record never schedules twice; completing one that was marked missed meanwhile
     * records the touch on the customer's current follow-up instead.
     */
    @WithTransaction
    public Uni<FollowUpView> complete(UUID id, FollowUpRequests.Complete request) {
        Instant now = Instant.now();
        Instant doneAt = request.doneAt() == null ? now : request.doneAt();
        FollowUpRequests.Complete dated = new FollowUpRequests.Complete(request.channel(), request.summary(), request.feedback(),
                request.needChange(), request.nextAction(), request.nextActionDue(), doneAt);
        if (doneAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw ProblemException.invalid("doneAt", "is in the future");
        }
        if (doneAt.isBefore(now.minus(MAX_BACKDATE))) {
            throw ProblemException.invalid("doneAt", "is more than 7 days ago");
        }
        return visible(id).chain(found -> {
            if (found.followUp().status == FollowUp.Status.DONE) {
                return Uni.createFrom().item(FollowUpView.of(found.followUp()));
            }
            FollowUpTarget target = found.target();
            if (!target.active()) {
                throw ProblemException.conflict("The customer is lost or deleted; restore it to follow it up");
            }
            Uni<FollowUp> current = found.followUp().isPending()
                    ? Uni.createFrom().item(found.followUp())
                    : followUps.pendingOf(target.customerId());
            return current.chain(pending -> {
                if (pending == null) {
                    throw ProblemException.conflict("The customer has no pending follow-up");
                }
                LocalDate today = Cadence.today(target.ownerZone(), now);
                if (request.nextActionDue() != null && (request.nextActionDue().isBefore(today)
                        || request.nextActionDue().isAfter(today.plusDays(MAX_DAYS_AHEAD)))) {
                    throw ProblemException.invalid("nextActionDue", "must be between today and a year from now");
                }
                return recordOn(pending, target, dated).map(next -> FollowUpView.of(pending));
            });
        });
    }

    private Uni<FollowUp> recordOn(FollowUp pending, FollowUpTarget target, FollowUpRequests.Complete request) {
        record(pending, request, request.doneAt());
        return followUps.flush()
                .call(() -> webhooks.publish(pending.teamId, new WebhookPayloads.FollowUpCompleted(pending.id, pending.customerId,
                        pending.ownerId, pending.teamId, pending.channel.name(), pending.doneAt, pending.summary, pending.nextAction,
                        pending.nextActionDue)))
                .chain(() -> customers.touched(target.customerId(), request.doneAt()))
                .chain(() -> scheduleAfterTouch(target, request.doneAt(), request));
    }

    @WithTransaction
    public Uni<FollowUpView> snooze(UUID id, FollowUpRequests.Snooze request) {
        return visible(id).map(found -> {
            FollowUp f = found.followUp();
            if (!f.isPending()) {
                throw ProblemException.conflict("Only a pending follow-up can be snoozed; this one is " + f.status);
            }
            LocalDate today = Cadence.today(found.target().ownerZone(), Instant.now());
            if (request.until().isBefore(today) || request.until().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                throw ProblemException.invalid("until", "must be between today and a year from now");
            }
            f.status = FollowUp.Status.SNOOZED;
            f.scheduledBy = FollowUp.ScheduledBy.SNOOZE;
            f.snoozeReason = request.reason().trim();
            setDue(f, request.until(), found.target());
            return f;
        }).call(f -> followUps.flush()).map(FollowUpView::of);
    }

    @io.quarkus.hibernate.reactive.panache.common.WithSession
    public Uni<FollowUpView> get(UUID id) {
        return visible(id).map(found -> FollowUpView.of(found.followUp()));
    }

    private Uni<FollowUp> scheduleAfterTouch(FollowUpTarget target, Instant doneAt, FollowUpRequests.Complete request) {
        return cadence.ruleFor(target).chain(rule -> {
            Next next = nextAfterTouch(target, rule, doneAt, request.nextActionDue(), Instant.now());
            return create(target, next.dueOn(), next.scheduledBy(), request.channel());
        });
    }

    /** When the follow-up after a touch is due, and why. */
    public record Next(LocalDate dueOn, Instant dueAt, FollowUp.ScheduledBy scheduledBy) {
    }

    /**
     * The follow-up after a touch at {@code doneAt}: on the agreed next action's day if there is
     * one, else the cadence's interval after the touch's day in the owner's zone, never before today.
     */
    public static Next nextAfterTouch(FollowUpTarget target, CadenceService.Rule rule, Instant doneAt, LocalDate nextActionDue,
                                      Instant now) {
        if (nextActionDue != null) {
            return new Next(nextActionDue, Cadence.endOfDay(nextActionDue, target.ownerZone()), FollowUp.ScheduledBy.NEXT_ACTION);
        }
        LocalDate due = Cadence.nextDueOn(Cadence.today(target.ownerZone(), doneAt), rule.intervalDays());
        LocalDate today = Cadence.today(target.ownerZone(), now);
        LocalDate dueOn = due.isBefore(today) ? today : due;
        return new Next(dueOn, Cadence.endOfDay(dueOn, target.ownerZone()), FollowUp.ScheduledBy.CADENCE);
    }

    /**
     * A visit's effect on follow-ups, as common table expressions for the statement that records
     * the visit in one round trip. Expects a CTE {@code visit} with one row: {@code customer_id,
     * owner_id, team_id, done_at, summary, next_action, next_action_due} and the next follow-up's
     * {@code next_id, next_due_on, next_due_at, next_scheduled_by} (from {@link #nextAfterTouch}).
     * Defines {@code completed (id, owner_id, team_id)}: the pending follow-up, now done as a visit
     * (none when the customer had none), and {@code scheduled}: the next one, only when one was
     * completed. The same effect as {@link #complete} for a visit; the partial unique index keeps
     * one pending follow-up per customer.
     */
    public static final String VISIT_CTES = """
            completed as (
                update follow_up f set status = 'DONE', channel = 'VISIT', done_at = v.done_at, summary = v.summary,
                       feedback = null, need_change = null, next_action = v.next_action, next_action_due = v.next_action_due,
                       updated_at = now(), version = f.version + 1
                from visit v
                where f.customer_id = v.customer_id and f.status in ('OPEN', 'SNOOZED')
                returning f.id, f.owner_id, f.team_id
            ), scheduled as (
                insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by)
                select v.next_id, v.customer_id, v.owner_id, v.team_id, v.next_due_on, v.next_due_at, 'VISIT', 'OPEN', v.next_scheduled_by
                from visit v, completed
            )""";

    /** The followup.completed event of a follow-up completed by a visit. */
    public static WebhookPayloads.FollowUpCompleted completedByVisit(UUID id, UUID customerId, UUID ownerId, UUID teamId, Instant doneAt,
                                                                     String summary, String nextAction, LocalDate nextActionDue) {
        return new WebhookPayloads.FollowUpCompleted(id, customerId, ownerId, teamId, FollowUp.Channel.VISIT.name(), doneAt, summary,
                nextAction, nextActionDue);
    }

    private static void record(FollowUp f, FollowUpRequests.Complete request, Instant doneAt) {
        f.status = FollowUp.Status.DONE;
        f.channel = request.channel();
        f.doneAt = doneAt;
        f.summary = request.summary().trim();
        f.feedback = request.feedback();
        f.needChange = request.needChange();
        f.nextAction = request.nextAction();
        f.nextActionDue = request.nextActionDue();
    }

    private Uni<FollowUp> create(FollowUpTarget target, LocalDate dueOn, FollowUp.ScheduledBy by, FollowUp.Channel channel) {
        FollowUp f = new FollowUp();
        f.id = Ids.newId();
        f.customerId = target.customerId();
        f.ownerId = target.ownerId();
        f.teamId = target.teamId();
        f.channel = channel;
        f.status = FollowUp.Status.OPEN;
        f.scheduledBy = by;
        setDue(f, dueOn, target);
        return followUps.persist(f);
    }

    private static void setDue(FollowUp f, LocalDate dueOn, FollowUpTarget target) {
        f.dueOn = dueOn;
        f.dueAt = Cadence.endOfDay(dueOn, target.ownerZone());
    }

    /** A follow-up with its customer, if the caller may see the customer; else 404. */
    private Uni<Found> visible(UUID id) {
        return followUps.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Follow-up"))
                .chain(f -> directory.targetInScope(f.customerId)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Follow-up"))
                        .map(target -> new Found(f, target)));
    }

    private record Found(FollowUp followUp, FollowUpTarget target) {
    }
}
