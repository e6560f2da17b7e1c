package io.canvass.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.customer.CustomerService;
import io.canvass.followup.Cadence;
import io.canvass.followup.FollowUpService;
import io.canvass.platform.Caller;
import io.canvass.platform.Idempotency;
import io.canvass.platform.ImageUpload;
import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.ProblemKind;
import io.canvass.platform.ScopeService;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Records visits. A check-in is recorded once whatever the retries (its client id, and an
 * Idempotency-Key when given), is verified against the customer's location but never refused for
 * being far, completes the customer's pending follow-up in the same transaction, and is announced
 * to every replica's live feed when it commits.
 */
@ApplicationScoped
public class CheckInService {

    @Inject
    CheckInRepository checkIns;

    @Inject
    CheckInRepository.Photos photos;

    @Inject
    CustomerService customers;

    @Inject
    FollowUpService followUps;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    CheckInConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    WebhookEvents webhooks;

    /** Records a check-in; the result carries the status and body to answer (the same for every replay). */
    public Uni<Idempotency.Stored> create(String idempotencyKey, CheckInRequest request) {
        byte[] hash = hash(request);
        UUID user = caller.id();
        if (idempotencyKey == null) {
            return createOnce(request, hash);
        }
        return idempotency.run(user, idempotencyKey, hash, () -> createOnce(request, hash));
    }

    private Uni<Idempotency.Stored> createOnce(CheckInRequest request, byte[] hash) {
        return Panache.withTransaction(() -> insert(request, hash))
                .onFailure(CheckInService::duplicateId).recoverWithUni(() -> Panache.withSession(() -> replay(request, hash)))
                .map(view -> new Idempotency.Stored(201, write(view), false));
    }

    private Uni<CheckInView> insert(CheckInRequest request, byte[] hash) {
        Instant now = Instant.now();
        if (request.clientTime().isAfter(now.plus(config.maxFutureSkew()))) {
            throw ProblemException.invalid("clientTime", "is in the future; check the phone's clock");
        }
        if (request.clientTime().isBefore(now.minus(config.maxClientAge()))) {
            throw ProblemException.invalid("clientTime", "is older than " + config.maxClientAge().toDays() + " days");
        }
        return customers.siteInScope(request.customerId())
                .chain(site -> site == null
                        ? recorded(request, hash)
                        : followUps.pendingIdOf(request.customerId()).chain(pendingId -> record(request, hash, now, site, pendingId)));
    }

    /** The customer is out of reach (gone, or handed to someone else): a retry of a visit recorded earlier still gets its answer. */
    private Uni<CheckInView> recorded(CheckInRequest request, byte[] hash) {
        return checkIns.findById(request.clientId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Customer"))
                .chain(existing -> sameCheckIn(existing, hash))
                .chain(this::view);
    }

    /**
     * Inserts the check-in ahead of the follow-up's changes (Hibernate flushes inserts first), so a
     * second request with the same client id fails on the check-in's primary key and is answered
     * with the first one's record (see {@link #createOnce}), having changed nothing.
     */
    private Uni<CheckInView> record(CheckInRequest request, byte[] hash, Instant now, CustomerService.Site site, UUID pendingId) {
        LocalDate today = Cadence.today(site.target().ownerZone(), now);
        if (request.nextActionDue() != null && request.nextActionDue().isBefore(today)) {
            throw ProblemException.invalid("nextActionDue", "is in the past");
        }
        CheckIn c = build(request, hash, now, site);
        c.followUpId = pendingId;
        Instant visitedAt = request.clientTime().isAfter(now) ? now : request.clientTime();
        return checkIns.persist(c)
                .call(() -> followUps.recordVisit(pendingId, site.target(), visitedAt, summary(request), request.nextAction(),
                        request.nextActionDue()))
                .call(() -> checkIns.flush())
                .call(() -> announce(c))
                .call(() -> webhooks.publish(c.teamId, created(c)))
                .map(saved -> CheckInView.of(c, site.name(), false));
    }

    private CheckIn build(CheckInRequest request, byte[] hash, Instant now, CustomerService.Site site) {
        CheckInRequest.Position p = request.position();
        Presence.Verdict verdict = Presence.verify(p == null ? null : new Presence.Fix(p.lat(), p.lng(), p.accuracy(), p.fixAge()),
                site.lat(), site.lng(), config);
        CheckIn c = new CheckIn();
        c.id = request.clientId();
        c.userId = caller.id();
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

    /** Another request with the same client id won the race: answer with what it recorded. */
    private Uni<CheckInView> replay(CheckInRequest request, byte[] hash) {
        return checkIns.findById(request.clientId())
                .onItem().ifNull().failWith(() -> ProblemException.conflict("The check-in is being recorded; retry shortly"))
                .chain(existing -> sameCheckIn(existing, hash))
                .chain(this::view);
    }

    private Uni<CheckIn> sameCheckIn(CheckIn existing, byte[] hash) {
        if (!existing.userId.equals(caller.id())) {
            throw ProblemException.conflict("This client id belongs to another check-in; generate a new one");
        }
        if (!Arrays.equals(existing.requestHash, hash)) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE,
                    "A different check-in was already recorded with this client id; generate a new id for a new check-in");
        }
        return Uni.createFrom().item(existing);
    }

    /**
     * Tells every replica's live feed; PostgreSQL delivers the notification only if the transaction commits.
     * Run as a statement without a result: Hibernate caches a native select's plan under a key that
     * never matches again for this query, so each check-in added a cache entry with the same hash
     * and every lookup walked all of them.
     */
    private Uni<Void> announce(CheckIn c) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select pg_notify('" + CheckInFeed.CHANNEL + "', :id)")
                .setParameter("id", c.id.toString())
                .executeUpdate()).replaceWithVoid();
    }

    private static WebhookPayloads.CheckInCreated created(CheckIn c) {
        return new WebhookPayloads.CheckInCreated(c.id, c.customerId, c.userId, c.teamId, c.clientTime, c.receivedAt,
                c.verdict.name(), c.unverifiedReason == null ? null : c.unverifiedReason.name(),
                c.distanceMeters == null ? null : Math.round(c.distanceMeters * 10) / 10.0, c.purpose.name(), c.outcome,
                c.nextAction, c.nextActionDue, c.followUpId);
    }

    @WithSession
    public Uni<CheckInView> get(UUID id) {
        return visible(id).chain(this::view);
    }

    @WithSession
    public Uni<Page<CheckInView>> list(CheckInFilter filter, KeysetCursor after, int limit) {
        long before = after == null ? Long.MAX_VALUE : Long.parseLong(after.value());
        return scopes.current()
                .chain(scope -> checkIns.page(filter, scope.teamFilter(), scope.userId(), before, limit + 1))
                .chain(rows -> io.smallrye.mutiny.Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(this::view)
                        .collect().asList())
                .map(views -> {
                    boolean more = views.size() > limit;
                    var shown = more ? views.subList(0, limit) : views;
                    String next = more ? new KeysetCursor(Long.toString(shown.get(limit - 1).seq()), shown.get(limit - 1).id()).encode() : null;
                    return new Page<>(shown, next);
                });
    }

    @WithTransaction
    public Uni<Void> attachPhoto(UUID id, String declaredType, byte[] bytes) {
        String actual = ImageUpload.check("photo", declaredType, bytes, config.maxPhotoBytes());
        return visible(id).chain(c -> {
            if (!c.userId.equals(caller.id())) {
                throw ProblemException.forbidden("Only the rep who checked in adds the photo");
            }
            return photos.findById(id).chain(existing -> {
                CheckInPhoto photo = existing != null ? existing : new CheckInPhoto();
                photo.checkInId = id;
                photo.contentType = actual;
                photo.sizeBytes = bytes.length;
                photo.bytes = bytes;
                photo.uploadedAt = Instant.now();
                return existing != null ? Uni.createFrom().voidItem() : photos.persist(photo).replaceWithVoid();
            });
        });
    }

    @WithSession
    public Uni<CheckInPhoto> photo(UUID id) {
        return visible(id).chain(c -> photos.findById(id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Photo"));
    }

    /** Sets the customer's location to where this visit was made. */
    @WithTransaction
    public Uni<Void> useAsCustomerLocation(UUID id) {
        return visible(id).chain(c -> {
            if (c.lat == null || c.accuracyMeters == null || c.accuracyMeters > config.maxAccuracyMeters()
                    || (c.fixAgeSeconds != null && c.fixAgeSeconds > config.maxFixAge().toSeconds())) {
                throw ProblemException.conflict("This visit has no fresh, accurate position to use");
            }
            return customers.relocate(c.customerId, c.lat, c.lng, "check-in " + c.id);
        });
    }

    private Uni<CheckIn> visible(UUID id) {
        return scopes.current().chain(scope -> checkIns.findById(id)
                .map(c -> c != null && scope.covers(c.userId, c.teamId) ? c : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Check-in")));
    }

    private Uni<CheckInView> view(CheckIn c) {
        return customers.nameOf(c.customerId)
                .chain(name -> photos.findById(c.id).map(photo -> CheckInView.of(c, name, photo != null)));
    }

    private static String summary(CheckInRequest r) {
        String text = r.outcome() != null ? r.outcome() : r.notes();
        return text == null || text.isBlank() ? "Visit (" + r.purpose() + ")" : text;
    }

    private byte[] hash(CheckInRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private String write(CheckInView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the check-in", e);
        }
    }

    private static boolean duplicateId(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "check_in_pkey".equals(violation.getConstraintName())) {
                return true;
            }
            if (t instanceof PgException pg && "check_in_pkey".equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }
}
