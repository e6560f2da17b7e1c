package io.canvass.checkin;

import io.canvass.customer.CustomerDirectory;
import io.canvass.customer.CustomerService;
import io.canvass.followup.CadenceService;
import io.canvass.followup.Cadence;
import io.canvass.followup.FollowUpService;
import io.canvass.platform.Ids;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Sql;
import io.canvass.platform.Statements;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes a check-in and its effects in one transaction of five round trips on the Vert.x pool:
 * BEGIN; the customer's site in the caller's scope ({@link CustomerDirectory#siteInScope(Statements, Scope, UUID)});
 * {@link #RECORD}, one statement that inserts the check-in, completes the customer's pending
 * follow-up as a visit, schedules the next one, touches the customer and notifies the live feed;
 * the webhook events (followup.completed and checkin.created) in one statement; COMMIT.
 * <p>
 * A second request with the same client id records nothing and fails with {@link AlreadyRecorded}
 * (two at the same instant: one fails on the check-in's primary key, changing nothing, the statement
 * being atomic); the caller answers it with the first one's record.
 */
@ApplicationScoped
public class CheckInRecorder {

    /** The visit's values as one row, then the follow-up's and the customer's effects, then the check-in. */
    static final String RECORD = "with visit as (\n"
            + "    select $1::uuid as customer_id, $2::uuid as owner_id, $3::uuid as team_id, $4::timestamptz as done_at,\n"
            + "           $5::varchar as summary, $6::varchar as next_action, $7::date as next_action_due,\n"
            + "           $8::uuid as next_id, $9::date as next_due_on, $10::timestamptz as next_due_at, $11::varchar as next_scheduled_by\n"
            + "    where not exists (select 1 from check_in where id = $12::uuid)\n"
            + "), " + FollowUpService.VISIT_CTES + ", " + CustomerService.TOUCH_CTE + """
            , recorded as (
                insert into check_in (id, user_id, team_id, customer_id, client_time, received_at, lat, lng, accuracy_m, fix_age_s,
                                      distance_m, verdict, unverified_reason, purpose, notes, outcome, next_action, next_action_due,
                                      follow_up_id, request_hash)
                select $12::uuid, $13::uuid, v.team_id, v.customer_id, $14::timestamptz, $15::timestamptz, $16::float8, $17::float8,
                       $18::float8, $19::int4, $20::float8, $21::varchar, $22::varchar, $23::varchar, $24::varchar, $25::varchar,
                       v.next_action, v.next_action_due, (select id from completed), $26::bytea
                from visit v
                returning seq
            )
            select r.seq, c.id as follow_up_id, c.owner_id, c.team_id, pg_notify('""" + CheckInFeed.CHANNEL + """
            ', $12::text)
            from recorded r left join completed c on true""";

    /** The client id was recorded before: the statement changed nothing. */
    public static final class AlreadyRecorded extends RuntimeException {

        AlreadyRecorded() {
            super("The check-in's client id was recorded before", null, false, false);
        }
    }

    @Inject
    Sql sql;

    @Inject
    ScopeService scopes;

    @Inject
    CustomerDirectory customers;

    @Inject
    CadenceService cadence;

    @Inject
    WebhookEvents webhooks;

    @Inject
    CheckInConfig config;

    /**
     * Records the check-in for {@code userId}; null when the customer is out of the caller's reach
     * (gone, or someone else's). Fails on {@code check_in_pkey} when the client id was recorded before.
     */
    public Uni<CheckInView> record(CheckInRequest request, byte[] hash, UUID userId, Instant now) {
        return scopes.current()
                .chain(scope -> cadence.policy()
                        .chain(policy -> sql.inTransaction(() -> customers.siteInScope(sql, scope, request.customerId())
                                .chain(site -> site == null
                                        ? Uni.createFrom().<CheckInView>nullItem()
                                        : write(sql, request, hash, userId, now, site, policy)))));
    }

    private Uni<CheckInView> write(Statements tx, CheckInRequest request, byte[] hash, UUID userId, Instant now, CustomerDirectory.Site site,
                                   CadenceService.Policy policy) {
        LocalDate today = Cadence.today(site.target().ownerZone(), now);
        if (request.nextActionDue() != null && request.nextActionDue().isBefore(today)) {
            throw ProblemException.invalid("nextActionDue", "is in the past");
        }
        CheckIn c = build(request, hash, userId, now, site);
        Instant visitedAt = request.clientTime().isAfter(now) ? now : request.clientTime();
        String summary = summary(request);
        FollowUpService.Next next = FollowUpService.nextAfterTouch(site.target(), policy.ruleOf(site.target()), visitedAt,
                request.nextActionDue(), now);
        Tuple values = Tuple.from(Arrays.asList(
                c.customerId, site.target().ownerId(), c.teamId, utc(visitedAt), summary, c.nextAction, c.nextActionDue,
                Ids.newId(), next.dueOn(), utc(next.dueAt()), next.scheduledBy().name(),
                c.id, c.userId, utc(c.clientTime), utc(c.receivedAt), c.lat, c.lng, c.accuracyMeters,
                c.fixAgeSeconds, c.distanceMeters, c.verdict.name(),
                c.unverifiedReason == null ? null : c.unverifiedReason.name(), c.purpose.name(), c.notes,
                c.outcome, Buffer.buffer(c.requestHash)));
        return tx.query(RECORD, values)
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new AlreadyRecorded();
                    }
                    return rows.iterator().next();
                })
                .chain(row -> publish(tx, c, row, visitedAt, summary))
                .map(saved -> CheckInView.of(c, null, site.name(), false));
    }

    /** followup.completed (when the visit completed one) and checkin.created, in one statement. */
    private Uni<Void> publish(Statements tx, CheckIn c, Row recorded, Instant visitedAt, String summary) {
        c.seq = recorded.getLong("seq");
        c.followUpId = recorded.getUUID("follow_up_id");
        List<UUID> teams = new ArrayList<>(2);
        List<Record> events = new ArrayList<>(2);
        if (c.followUpId != null) {
            teams.add(recorded.getUUID("team_id"));
            events.add(FollowUpService.completedByVisit(c.followUpId, c.customerId, recorded.getUUID("owner_id"), recorded.getUUID("team_id"),
                    visitedAt, summary, c.nextAction, c.nextActionDue));
        }
        teams.add(c.teamId);
        events.add(created(c));
        return webhooks.publish(tx, teams, events);
    }

    private CheckIn build(CheckInRequest request, byte[] hash, UUID userId, Instant now, CustomerDirectory.Site site) {
        CheckInRequest.Position p = request.position();
        Presence.Verdict verdict = Presence.verify(p == null ? null : new Presence.Fix(p.lat(), p.lng(), p.accuracy(), p.fixAge()),
                site.lat(), site.lng(), config);
        CheckIn c = new CheckIn();
        c.id = request.clientId();
        c.userId = userId;
        c.teamId = site.target().teamId();
        c.customerId = request.customerId();
        c.clientTime = request.clientTime();
        c.receivedAt = now;
        if (p != null) {
            c.lat = p.lat();
            c.lng = p.lng();
            c.accuracyMeters = p.accuracy();
            c.fixAgeSeconds = p.fixAge();
        }
        c.distanceMeters = verdict.distanceMeters();
        c.verdict = verdict.verified() ? CheckIn.Verdict.VERIFIED : CheckIn.Verdict.UNVERIFIED;
        c.unverifiedReason = verdict.reason();
        c.purpose = request.purpose();
        c.notes = request.notes();
        c.outcome = request.outcome();
        c.nextAction = request.nextAction();
        c.nextActionDue = request.nextActionDue();
        c.requestHash = hash;
        return c;
    }

    private static WebhookPayloads.CheckInCreated created(CheckIn c) {
        return new WebhookPayloads.CheckInCreated(c.id, c.customerId, c.userId, c.teamId, c.clientTime, c.receivedAt,
                c.verdict.name(), c.unverifiedReason == null ? null : c.unverifiedReason.name(),
                c.distanceMeters == null ? null : Math.round(c.distanceMeters * 10) / 10.0, c.purpose.name(), c.outcome,
                c.nextAction, c.nextActionDue, c.followUpId);
    }

    /** What the follow-up records as done: the outcome, else the notes, else the purpose. */
    private static String summary(CheckInRequest r) {
        String text = r.outcome() != null ? r.outcome() : r.notes();
        return text == null || text.isBlank() ? "Visit (" + r.purpose() + ")" : text.trim();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
