package io.canvass.notify;

import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The in-app inbox and notification preferences; everyone reads and changes only their own. */
@ApplicationScoped
public class NotificationService {

    /**
     * Unread first, then newest first; the cursor is (read?, id) of the last row shown. With each message, what it
     * is worded from (its reminder's args) and the reader's language now, so the inbox follows a change of language.
     */
    static final String PAGE = """
            select n.id, n.kind, n.title, n.body, n.link, n.created_at, n.read_at, r.args, u.locale
            from notification n
            join reminder r on r.id = n.reminder_id
            join app_user u on u.id = n.user_id
            where n.user_id = $1 and (not $2 or n.read_at is null)
              and ($3::boolean is null or (n.read_at is not null) > $3 or ((n.read_at is not null) = $3 and n.id < $4))
            order by (n.read_at is not null), n.id desc
            limit $5""";

    static final String UNREAD = "select count(*) from notification where user_id = $1 and read_at is null";

    static final String MARK_READ = "update notification set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2";

    static final String MARK_ALL_READ = "update notification set read_at = now() where user_id = $1 and read_at is null";

    static final String PREFERENCES = """
            select u.time_zone, u.locale, p.muted_kinds, coalesce(p.push, true) as push, coalesce(p.in_app, true) as in_app,
                   case when p.user_id is null then o.quiet_start else p.quiet_start end as quiet_start,
                   case when p.user_id is null then o.quiet_end else p.quiet_end end as quiet_end,
                   coalesce(p.daily_cap, o.daily_cap, $2) as daily_cap, p.user_id is null as organisation_defaults
            from app_user u
            left join notification_preference p on p.user_id = u.id
            left join reminder_settings o on o.id = 1
            where u.id = $1""";

    static final String SAVE_PREFERENCES = """
            insert into notification_preference (user_id, muted_kinds, push, in_app, quiet_start, quiet_end, daily_cap)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (user_id) do update set muted_kinds = excluded.muted_kinds, push = excluded.push, in_app = excluded.in_app,
                quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, daily_cap = excluded.daily_cap,
                updated_at = now(), version = notification_preference.version + 1""";

    private final Sql sql;
    private final ReminderKinds kinds;
    private final Templates templates;
    private final ReminderConfig config;

    public NotificationService(Sql sql, ReminderKinds kinds, Templates templates, ReminderConfig config) {
        this.sql = sql;
        this.kinds = kinds;
        this.templates = templates;
        this.config = config;
    }

    /** The name in the inbox's cursors. */
    static final String CURSOR_LIST = "notifications";

    public Uni<Page<NotificationView>> inbox(UUID userId, String cursor, int limit, boolean unreadOnly) {
        KeysetCursor after = KeysetCursor.decode(CURSOR_LIST, cursor);
        Boolean afterRead = after == null ? null : "1".equals(after.value());
        Tuple params = Sql.tuple(userId, unreadOnly, afterRead, after == null ? null : after.id(), limit + 1);
        return sql.query(PAGE, params).map(rows -> page(rows, limit));
    }

    private Page<NotificationView> page(RowSet<Row> rows, int limit) {
        List<NotificationView> items = new ArrayList<>();
        for (Row r : rows) {
            Templates.Message message = wording(r);
            items.add(new NotificationView(r.getUUID("id"), r.getString("kind"), message.title(), message.body(),
                    r.getString("link"), r.getOffsetDateTime("created_at").toInstant(),
                    r.getOffsetDateTime("read_at") == null ? null : r.getOffsetDateTime("read_at").toInstant()));
        }
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        List<NotificationView> shown = items.subList(0, limit);
        NotificationView last = shown.get(limit - 1);
        return new Page<>(List.copyOf(shown), new KeysetCursor(last.readAt() == null ? "0" : "1", last.id()).encode(CURSOR_LIST));
    }

    /** Worded in the reader's current language; as sent when its kind has no wording any more. */
    private Templates.Message wording(Row r) {
        String kind = r.getString("kind");
        if (!templates.knows(kind)) {
            return new Templates.Message(r.getString("title"), r.getString("body"));
        }
        JsonObject args = r.getJsonObject("args");
        Templates.Message message = templates.render(kind, r.getString("locale"), args == null ? Map.of() : args.getMap());
        return new Templates.Message(ReminderDispatcher.truncate(message.title(), 190), ReminderDispatcher.truncate(message.body(), 1990));
    }

    public Uni<Long> unreadCount(UUID userId) {
        return sql.query(UNREAD, Tuple.of(userId)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Marks one of the user's notifications read; another user's is not found. */
    public Uni<Void> markRead(UUID userId, UUID id) {
        return sql.query(MARK_READ, Tuple.of(id, userId)).invoke(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound("Notification");
            }
        }).replaceWithVoid();
    }

    public Uni<Integer> markAllRead(UUID userId) {
        return sql.query(MARK_ALL_READ, Tuple.of(userId)).map(RowSet::rowCount);
    }

    public Uni<Preferences.View> preferences(UUID userId) {
        return sql.query(PREFERENCES, Tuple.of(userId, config.defaultDailyCap())).map(rows -> {
            Row r = rows.iterator().next();
            String[] muted = r.getArrayOfStrings("muted_kinds");
            Set<String> off = muted == null ? Set.of() : Set.of(muted);
            String locale = r.getString("locale");
            List<Preferences.Kind> list = kinds.all().stream()
                    .map(kind -> new Preferences.Kind(kind.code(), templates.label(kind.code(), locale), !off.contains(kind.code())))
                    .toList();
            return new Preferences.View(r.getBoolean("push"), r.getBoolean("in_app"), r.getLocalTime("quiet_start"),
                    r.getLocalTime("quiet_end"), r.getInteger("daily_cap"), r.getString("time_zone"), r.getBoolean("organisation_defaults"), list);
        });
    }

    public Uni<Preferences.View> savePreferences(UUID userId, Preferences.Change change) {
        LocalTime start = change.quietStart();
        LocalTime end = change.quietEnd();
        DeliveryPolicy.checkQuietHours(start, end);
        Set<String> muted = new HashSet<>();
        for (String code : change.mutedKinds()) {
            if (kinds.find(code).isEmpty()) {
                throw ProblemException.invalid("mutedKinds", "has an unknown kind " + code);
            }
            muted.add(code);
        }
        Tuple params = Sql.tuple(userId, muted.toArray(String[]::new), change.push(), change.inApp(), start, end,
                change.dailyCap());
        return sql.query(SAVE_PREFERENCES, params).chain(() -> preferences(userId));
    }
}
