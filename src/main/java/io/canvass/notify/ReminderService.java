package io.canvass.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.platform.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one way for any feature to remind someone. Call {@link #schedule(Reminder)} from inside
 * your own {@code @WithTransaction} method: the reminder is a row written in your transaction, so
 * it exists if and only if your change commits, and the dispatcher delivers it when it is due,
 * once per channel, in the user's language, respecting their preferences, quiet hours and daily
 * cap. The dedupe key makes scheduling idempotent per user and kind: re-running a scan, replaying
 * a request or retrying a transaction never makes a second reminder (the call answers false).
 *
 * <pre>{@code
 * @WithTransaction
 * public Uni<Void> openRenewal(Contract c) {
 *     return renewals.persist(task).chain(() -> reminders.schedule(new ReminderService.Reminder(
 *             c.ownerId, RenewalDue.CODE, "contract:" + c.id + ":90d", c.endsOn90DaysBefore(),
 *             "/contracts/" + c.id, Map.of("customer", c.customerName, "endsOn", c.endsOn), c.id)))
 *         .replaceWithVoid();
 * }
 * }</pre>
 *
 * Code on the Vert.x SQL client uses {@link #schedule(SqlClient, Reminder)} with its transaction's
 * connection instead. See src/docs/reminders.md.
 */
@ApplicationScoped
public class ReminderService {

    static final String INSERT = """
            insert into reminder (id, user_id, kind, dedupe_key, subject_id, args, link, due_at, deliver_at)
            values ($1, $2, $3, $4, cast($5 as uuid), cast(cast($6 as text) as jsonb), $7, $8, $8)
            on conflict (user_id, kind, dedupe_key) do nothing""";

    /** The same statement with Hibernate's positional parameters. */
    static final String INSERT_NATIVE = """
            insert into reminder (id, user_id, kind, dedupe_key, subject_id, args, link, due_at, deliver_at)
            values (?1, ?2, ?3, ?4, cast(?5 as uuid), cast(cast(?6 as text) as jsonb), ?7, ?8, ?9)
            on conflict (user_id, kind, dedupe_key) do nothing""";

    private final ReminderKinds kinds;
    private final ReminderMetrics metrics;
    private final ObjectMapper json;

    public ReminderService(ReminderKinds kinds, ReminderMetrics metrics, ObjectMapper json) {
        this.kinds = kinds;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * A reminder to create.
     *
     * @param userId who is reminded
     * @param kind a registered {@link ReminderKind#code()}
     * @param dedupeKey unique per user and kind for the thing reminded of (e.g. {@code contract:<id>:30d}), ≤ 200 characters
     * @param dueAt when it should reach the user (quiet hours and the daily cap may delay it)
     * @param link the PWA path it opens, starting with /
     * @param args values for the kind's message placeholders (strings, numbers, dates)
     * @param subjectId the record it is about, checked by the kind's {@link ReminderKind#stillRelevant()}; may be null
     */
    public record Reminder(UUID userId, String kind, String dedupeKey, Instant dueAt, String link, Map<String, ?> args, UUID subjectId) {
        public Reminder {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueAt, "dueAt");
            if (dedupeKey == null || dedupeKey.isEmpty() || dedupeKey.length() > 200) {
                throw new IllegalArgumentException("dedupeKey must be 1 to 200 characters");
            }
            if (link == null || !link.startsWith("/") || link.startsWith("//") || link.length() > 300) {
                throw new IllegalArgumentException("link must be a path of the app, starting with /");
            }
            args = args == null ? Map.of() : args;
        }
    }

    /**
     * Creates the reminder in the current Hibernate Reactive transaction. Completes with true when
     * it was created, false when one with the same user, kind and dedupe key already exists.
     */
    public Uni<Boolean> schedule(Reminder reminder) {
        Object[] values = values(reminder);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(INSERT_NATIVE);
            for (int i = 0; i < values.length; i++) {
                query.setParameter(i + 1, values[i]);
            }
            query.setParameter(values.length + 1, reminder.dueAt());
            return query.executeUpdate();
        }).map(count -> counted(reminder, count));
    }

    /** Creates the reminder with the given SQL client (a connection in your transaction). */
    public Uni<Boolean> schedule(SqlClient client, Reminder reminder) {
        Object[] values = values(reminder);
        values[7] = reminder.dueAt().atOffset(ZoneOffset.UTC);
        return client.preparedQuery(INSERT).execute(Tuple.from(values)).map(rows -> counted(reminder, rows.rowCount()));
    }

    private boolean counted(Reminder reminder, int count) {
        metrics.created(reminder.kind(), count);
        return count > 0;
    }

    private Object[] values(Reminder reminder) {
        if (kinds.find(reminder.kind()).isEmpty()) {
            throw new IllegalArgumentException("no reminder kind " + reminder.kind());
        }
        String args;
        try {
            args = json.writeValueAsString(reminder.args());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reminder args are not JSON", e);
        }
        return new Object[] { Ids.newId(), reminder.userId(), reminder.kind(), reminder.dedupeKey(), reminder.subjectId(), args,
                reminder.link(), reminder.dueAt() };
    }
}
