package io.canvass.notify.push;

import io.canvass.notify.ReminderService;
import io.canvass.platform.Ids;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Sql;
import io.canvass.platform.outbound.OutboundGuard;
import io.canvass.platform.outbound.OutboundRefused;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The devices a user receives pushes on; a user may have several, and sees and removes only their own. */
@ApplicationScoped
public class PushSubscriptionService {

    /** A browser subscribing again (or for another user after a sign-in) keeps one row per endpoint. */
    static final String UPSERT = """
            insert into push_subscription (id, user_id, endpoint, p256dh, auth, label)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
                label = excluded.label, created_at = now()
            returning id, label, endpoint, created_at, last_used_at""";

    static final String MINE = "select id, label, endpoint, created_at, last_used_at from push_subscription where user_id = $1 order by id";

    static final String DELETE = "delete from push_subscription where id = $1 and user_id = $2";

    private final Sql sql;
    private final OutboundGuard guard;
    private final PushConfig config;
    private final ReminderService reminders;

    public PushSubscriptionService(Sql sql, OutboundGuard guard, PushConfig config, ReminderService reminders) {
        this.sql = sql;
        this.guard = guard;
        this.config = config;
        this.reminders = reminders;
    }

    public Uni<PushSubscriptions.View> subscribe(UUID userId, PushSubscriptions.Request request) {
        if (!config.enabled()) {
            throw ProblemException.conflict("Web Push is switched off on this server; notifications stay in the in-app inbox");
        }
        byte[] p256dh = decode("keys.p256dh", request.keys().p256dh());
        byte[] auth = decode("keys.auth", request.keys().auth());
        try {
            WebPushCrypto.publicKey(p256dh);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("keys.p256dh", "is not a P-256 public key (65-byte uncompressed point, base64url)");
        }
        if (auth.length != 16) {
            throw ProblemException.invalid("keys.auth", "must be 16 bytes, base64url");
        }
        String label = request.label() == null || request.label().isBlank() ? null : request.label().trim();
        return guard.check(request.endpoint(), PushSender.reach(config))
                .onFailure(OutboundRefused.class).transform(e -> ((OutboundRefused) e).invalid("endpoint"))
                .chain(destination -> sql.query(UPSERT, Tuple.tuple().addValue(Ids.newId()).addValue(userId).addValue(destination.uri().toString())
                                .addValue(io.vertx.core.buffer.Buffer.buffer(p256dh))
                                .addValue(io.vertx.core.buffer.Buffer.buffer(auth)).addValue(label)))
                .map(rows -> view(rows.iterator().next()));
    }

    public Uni<List<PushSubscriptions.View>> mine(UUID userId) {
        return sql.query(MINE, Tuple.of(userId)).map(rows -> {
            List<PushSubscriptions.View> views = new ArrayList<>();
            rows.forEach(r -> views.add(view(r)));
            return views;
        });
    }

    public Uni<Void> remove(UUID userId, UUID id) {
        return sql.query(DELETE, Tuple.of(id, userId)).invoke(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound("Push subscription");
            }
        }).replaceWithVoid();
    }

    /** A test notification to all of the user's devices, at most one a minute. */
    @WithTransaction
    public Uni<Boolean> sendTest(UUID userId) {
        Instant now = Instant.now();
        return reminders.schedule(new ReminderService.Reminder(userId, PushReminders.PushTest.CODE, "test:" + now.getEpochSecond() / 60, now,
                "/notifications", Map.of(), null));
    }

    private static PushSubscriptions.View view(Row r) {
        return new PushSubscriptions.View(r.getUUID("id"), r.getString("label"), URI.create(r.getString("endpoint")).getHost(),
                r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("last_used_at") == null ? null : r.getOffsetDateTime("last_used_at").toInstant());
    }

    private static byte[] decode(String field, String value) {
        try {
            return WebPushCrypto.base64Url(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "is not base64url");
        }
    }
}
