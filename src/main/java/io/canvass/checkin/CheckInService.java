package io.canvass.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.customer.CustomerDirectory;
import io.canvass.customer.CustomerService;
import io.canvass.identity.UserService;
import io.canvass.identity.UserView;
import io.canvass.platform.Caller;
import io.canvass.platform.ImageUpload;
import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.ProblemKind;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Sql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records visits. A check-in is recorded once whatever the retries (its client id, and an
 * Idempotency-Key when given), is verified against the customer's location but never refused for
 * being far, completes the customer's pending follow-up in the same transaction, and is announced
 * to every replica's live feed when it commits ({@link CheckInRecorder} writes it).
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
    CustomerDirectory directory;

    @Inject
    UserService users;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    CheckInConfig config;

    @Inject
    CheckInRecorder recorder;

    /** Records a check-in once per client id; a check-in sent again is answered from the one recorded. */
    public Uni<CheckInView> create(CheckInRequest request) {
        return createOnce(request, fingerprint(request));
    }

    /** SHA-256 of the request's JSON: a client id reused for another check-in is told apart. */
    private byte[] fingerprint(CheckInRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the check-in", e);
        }
    }

    /**
     * Writes through {@link CheckInRecorder}; a client id recorded before (a retry, or a duplicate
     * that lost the race) and a customer out of reach are answered from the stored check-in.
     */
    private Uni<CheckInView> createOnce(CheckInRequest request, byte[] hash) {
        Instant now = Instant.now();
        if (request.clientTime().isAfter(now.plus(config.maxFutureSkew()))) {
            throw ProblemException.invalid("clientTime", "is in the future; check the phone's clock");
        }
        if (request.clientTime().isBefore(now.minus(config.maxClientAge()))) {
            throw ProblemException.invalid("clientTime", "is older than " + config.maxClientAge().toDays() + " days");
        }
        return recorder.record(request, hash, caller.id(), now)
                .onFailure(CheckInService::duplicateId).recoverWithUni(() -> Panache.withSession(() -> replay(request, hash)))
                .onItem().ifNull().switchTo(() -> Panache.withSession(() -> recorded(request, hash)));
    }

    /** The customer is out of reach (gone, or handed to someone else): a retry of a visit recorded earlier still gets its answer. */
    private Uni<CheckInView> recorded(CheckInRequest request, byte[] hash) {
        return checkIns.findById(request.clientId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Customer"))
                .chain(existing -> sameCheckIn(existing, hash))
                .chain(this::view);
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

    @WithSession
    public Uni<CheckInView> get(UUID id) {
        return visible(id).chain(c -> users.profile(c.userId)
                .chain(rep -> view(c, rep == null ? null : rep.displayName())));
    }

    /** The display names of the reps on a page: one lookup per rep, not per row. */
    private Uni<Map<UUID, String>> repNames(List<CheckIn> rows) {
        return Multi.createFrom().iterable(rows.stream().map(c -> c.userId).distinct().toList())
                .onItem().transformToUniAndConcatenate(users::profile)
                .collect().asMap(UserView::id, UserView::displayName);
    }

    /** The name in this list's cursors. */
    static final String CURSOR_LIST = "checkins";

    @WithSession
    public Uni<Page<CheckInView>> list(CheckInFilter filter, KeysetCursor after, int limit) {
        long before = after == null ? Long.MAX_VALUE : after.longValue();
        return scopes.current()
                .chain(scope -> checkIns.page(filter, scope.teamFilter(), scope.userId(), before, limit + 1))
                .chain(rows -> repNames(rows).chain(names -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(c -> view(c, names.get(c.userId)))
                        .collect().asList()))
                .map(views -> {
                    boolean more = views.size() > limit;
                    var shown = more ? views.subList(0, limit) : views;
                    String next = more ? new KeysetCursor(Long.toString(shown.get(limit - 1).seq()), shown.get(limit - 1).id()).encode(CURSOR_LIST) : null;
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

    /** As recorded: a replay answers with the same body as the first response, which has no rep name. */
    private Uni<CheckInView> view(CheckIn c) {
        return view(c, null);
    }

    private Uni<CheckInView> view(CheckIn c, String userName) {
        return directory.nameOf(c.customerId)
                .chain(name -> photos.findById(c.id).map(photo -> CheckInView.of(c, userName, name, photo != null)));
    }

    private static boolean duplicateId(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CheckInRecorder.AlreadyRecorded || Sql.violates(t, "check_in_pkey")) {
                return true;
            }
        }
        return false;
    }
}
