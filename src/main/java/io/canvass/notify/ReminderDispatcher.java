package io.canvass.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.notify.push.PushConfig;
import io.canvass.notify.push.PushSender;
import io.canvass.notify.push.WebPushCrypto;
import io.canvass.platform.Ids;
import io.canvass.platform.Sql;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers due reminders. Runs in every replica: a batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease (so no two replicas hold the same reminder, and one
 * held by a replica that died is claimed again once its lease expires), each reminder is checked
 * against the user's preferences, quiet hours and daily cap, written to the in-app inbox and pushed
 * to each of the user's devices not yet reached, and the batch is completed in one transaction
 * that only touches reminders this claim still holds.
 *
 * <p>Delivery is at least once: a replica dying between a push and its completion means the next
 * claim pushes again. The inbox row is unique per reminder, devices already reached are recorded
 * and skipped, and every push carries the reminder's Topic and the service worker shows it under
 * the reminder's tag, so the user sees it once.
 */
@ApplicationScoped
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);

    /**
     * Due reminders by importance: those of the high-priority kinds ($4) first, then those of the
     * normal ones ($5), then the rest (low-priority kinds, and any kind no longer known), each in
     * delivery order. The union is read in that order and stops at the batch size, so a lower tier is
     * not even read while a higher one fills the batch. Each tier stays on an index: the listed kinds
     * on {@code reminder_pending_kind} (kind, deliver_at), the rest on {@code reminder_pending}
     * (deliver_at), where the only rows it passes over are high and normal ones another replica holds.
     */
    static final String CLAIM = """
            with high as (
                select id from reminder
                where state = 'PENDING' and kind = any($4::varchar[]) and deliver_at <= now() and (lease_until is null or lease_until < now())
                order by deliver_at
                limit $3
                for update skip locked
            ), normal as (
                select id from reminder
                where state = 'PENDING' and kind = any($5::varchar[]) and deliver_at <= now() and (lease_until is null or lease_until < now())
                order by deliver_at
                limit $3
                for update skip locked
            ), low as (
                select id from reminder
                where state = 'PENDING' and kind <> all($4::varchar[]) and kind <> all($5::varchar[]) and deliver_at <= now()
                  and (lease_until is null or lease_until < now())
                order by deliver_at
                limit $3
                for update skip locked
            ), c as (
                select id from high union all select id from normal union all select id from low
                limit $3
            )
            update reminder r set claimed_by = $1, lease_until = now() + make_interval(secs => $2), attempts = r.attempts + 1
            from c
            where r.id = c.id
            returning r.id, r.user_id, r.kind, r.subject_id, r.args::text as args, r.link, r.due_at, r.deliver_at, r.attempts""";

    static final String USERS = """
            select u.id, u.active, u.locale, u.time_zone, p.muted_kinds, coalesce(p.push, true) as push, coalesce(p.in_app, true) as in_app,
                   case when p.user_id is null then o.quiet_start else p.quiet_start end as quiet_start,
                   case when p.user_id is null then o.quiet_end else p.quiet_end end as quiet_end,
                   coalesce(p.daily_cap, o.daily_cap, $2) as daily_cap,
                   (select count(*) from reminder s where s.user_id = u.id and s.state = 'SENT'
                      and s.sent_at >= (date_trunc('day', now() at time zone u.time_zone) at time zone u.time_zone)) as sent_today
            from app_user u
            left join notification_preference p on p.user_id = u.id
            left join reminder_settings o on o.id = 1
            where u.id = any($1)""";

    static final String DEVICES = "select id, user_id, endpoint, p256dh, auth from push_subscription where user_id = any($1)";

    static final String REACHED = "select reminder_id, subscription_id from push_delivery where reminder_id = any($1)";

    /** A group's inbox row and deliveries go only where its reminder was written (by a claim that still held its members). */
    static final String INSERT_INBOX = """
            insert into notification (id, user_id, reminder_id, kind, title, body, link)
            select n.* from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[])
                   as n(id, user_id, reminder_id, kind, title, body, link)
            where exists (select 1 from reminder r where r.id = n.reminder_id)
            on conflict (reminder_id) do nothing""";

    static final String INSERT_REACHED = """
            insert into push_delivery (reminder_id, subscription_id)
            select d.reminder_id, d.subscription_id from unnest($1::uuid[], $2::uuid[]) as d(reminder_id, subscription_id)
            join push_subscription s on s.id = d.subscription_id
            join reminder r on r.id = d.reminder_id
            on conflict do nothing""";

    /** Rows are locked in id order, so replicas completing batches that share devices never deadlock. */
    static final String DELETE_GONE = """
            delete from push_subscription where id in (
                select id from push_subscription where id = any($1) order by id for update)""";

    static final String TOUCH_DEVICES = """
            update push_subscription s set last_used_at = now()
            from (select id from push_subscription where id = any($1) order by id for no key update) t
            where s.id = t.id""";

    static final String COMPLETE = """
            update reminder r set state = c.state, deliver_at = c.deliver_at, outcome = nullif(c.outcome, ''),
                   sent_at = case when c.state = 'SENT' then now() end,
                   attempts = r.attempts + c.attempt_delta, claimed_by = null, lease_until = null
            from unnest($1::uuid[], $2::varchar[], $3::timestamptz[], $4::varchar[], $5::int[])
                 as c(id, state, deliver_at, outcome, attempt_delta)
            where r.id = c.id and r.claimed_by = $6
            returning r.id, r.state, r.sent_at""";

    /**
     * The reminders standing for groups of follow-up escalations, written delivered (or waiting for a
     * push retry) in the completing transaction, and only when this claim's completion marked their
     * first member as grouped into them: a claim that lost its lease writes no group.
     */
    static final String INSERT_GROUPS = """
            insert into reminder (id, user_id, kind, dedupe_key, args, link, due_at, deliver_at, state, attempts, sent_at, outcome)
            select g.id, g.user_id, g.kind, 'group:' || g.id, cast(g.args as jsonb), g.link, g.due_at, g.deliver_at, g.state, 1,
                   case when g.state = 'SENT' then now() end, nullif(g.outcome, '')
            from unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::text[], $5::varchar[], $6::timestamptz[], $7::timestamptz[],
                        $8::varchar[], $9::varchar[], $10::uuid[])
                 as g(id, user_id, kind, args, link, due_at, deliver_at, state, outcome, lead_id)
            where exists (select 1 from reminder m where m.id = g.lead_id and m.state = 'GROUPED' and m.outcome = 'grouped in ' || g.id)
            on conflict do nothing
            returning id, state, sent_at""";

    private final Pool pool;
    private final ReminderKinds kinds;
    private final Templates templates;
    private final PushSender sender;
    private final PushConfig push;
    private final ReminderConfig config;
    private final ReminderMetrics metrics;
    private final ObjectMapper json;

    public ReminderDispatcher(Pool pool, ReminderKinds kinds, Templates templates, PushSender sender, PushConfig push,
                              ReminderConfig config, ReminderMetrics metrics, ObjectMapper json) {
        this.pool = pool;
        this.kinds = kinds;
        this.templates = templates;
        this.sender = sender;
        this.push = push;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
    }

    @Scheduled(every = "${canvass.reminders.dispatch-every:5s}", delayed = "${canvass.reminders.dispatch-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        return drain(pool, config.maxBatchesPerRun());
    }

    private Uni<Void> drain(Pool db, int batchesLeft) {
        return dispatchBatch(db).chain(claimed -> claimed == config.batchSize() && batchesLeft > 1
                ? drain(db, batchesLeft - 1)
                : Uni.createFrom().voidItem());
    }

    /** Claims and delivers one batch with this replica's pool; returns how many reminders it claimed. */
    public Uni<Integer> dispatchBatch() {
        return dispatchBatch(pool);
    }

    /** One batch through the given pool (tests run several dispatchers on separate connections). */
    public Uni<Integer> dispatchBatch(Pool db) {
        UUID claim = Ids.newId();
        return claim(db, claim, config.lease())
                .chain(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(0)
                        : deliver(db, claim, claimed).replaceWith(claimed.size()));
    }

    /** Claims due reminders for {@code lease}; what a replica holds until it completes or dies. */
    public Uni<List<Claimed>> claim(Pool db, UUID claim, Duration lease) {
        return db.withTransaction(tx -> tx.preparedQuery(CLAIM)
                .execute(Tuple.of(claim, (double) lease.toMillis() / 1000.0, config.batchSize(),
                        kinds.codes(ReminderKind.Priority.HIGH), kinds.codes(ReminderKind.Priority.NORMAL))))
                .map(this::claimed);
    }

    /** Delivers what a claim holds and completes it. */
    public Uni<Void> deliver(Pool db, UUID claim, List<Claimed> claimed) {
        return context(db, claimed)
                .chain(context -> plan(context, claimed))
                .chain(batch -> send(batch).replaceWith(batch))
                .chain(batch -> complete(db, claim, batch));
    }

    /** A claimed reminder. */
    public record Claimed(UUID id, UUID userId, String kind, UUID subjectId, Map<String, Object> args, String link, Instant dueAt,
                          Instant deliverAt, int attempts) {
    }

    private List<Claimed> claimed(RowSet<Row> rows) {
        List<Claimed> claimed = new ArrayList<>();
        for (Row r : rows) {
            claimed.add(new Claimed(r.getUUID("id"), r.getUUID("user_id"), r.getString("kind"), r.getUUID("subject_id"),
                    args(r.getString("args")), r.getString("link"), r.getOffsetDateTime("due_at").toInstant(),
                    r.getOffsetDateTime("deliver_at").toInstant(), r.getInteger("attempts")));
        }
        return claimed;
    }

    private Map<String, Object> args(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    // --- what is known about the users, their devices and the subjects -----------------------------

    private record User(boolean active, String locale, DeliveryPolicy.Settings settings, Set<String> muted, boolean push,
                        boolean inApp, int[] sentToday) {
    }

    private record Context(Map<UUID, User> users, Map<UUID, List<PushSender.Device>> devices, Set<String> reached,
                           Set<UUID> irrelevant) {
    }

    private Uni<Context> context(SqlClient db, List<Claimed> claimed) {
        UUID[] userIds = claimed.stream().map(Claimed::userId).distinct().toArray(UUID[]::new);
        UUID[] reminderIds = claimed.stream().map(Claimed::id).toArray(UUID[]::new);
        return db.preparedQuery(USERS).execute(Tuple.of(userIds, config.defaultDailyCap())).map(ReminderDispatcher::users)
                .chain(users -> db.preparedQuery(DEVICES).execute(Tuple.of(userIds)).map(ReminderDispatcher::devices)
                        .chain(devices -> db.preparedQuery(REACHED).execute(Tuple.of(reminderIds)).map(ReminderDispatcher::reached)
                                .chain(reached -> irrelevant(db, claimed)
                                        .map(irrelevant -> new Context(users, devices, reached, irrelevant)))));
    }

    private static Map<UUID, User> users(RowSet<Row> rows) {
        Map<UUID, User> users = new HashMap<>();
        for (Row r : rows) {
            ZoneId zone;
            try {
                zone = ZoneId.of(r.getString("time_zone"));
            } catch (java.time.DateTimeException e) {
                zone = ZoneId.of("Asia/Shanghai");
            }
            String[] muted = r.getArrayOfStrings("muted_kinds");
            LocalTime quietStart = r.getLocalTime("quiet_start");
            LocalTime quietEnd = r.getLocalTime("quiet_end");
            users.put(r.getUUID("id"), new User(r.getBoolean("active"), r.getString("locale"),
                    new DeliveryPolicy.Settings(zone, quietStart, quietEnd, r.getInteger("daily_cap")),
                    muted == null ? Set.of() : Set.of(muted), r.getBoolean("push"), r.getBoolean("in_app"),
                    new int[] { r.getLong("sent_today").intValue() }));
        }
        return users;
    }

    private static Map<UUID, List<PushSender.Device>> devices(RowSet<Row> rows) {
        Map<UUID, List<PushSender.Device>> devices = new HashMap<>();
        for (Row r : rows) {
            devices.computeIfAbsent(r.getUUID("user_id"), u -> new ArrayList<>())
                    .add(new PushSender.Device(r.getUUID("id"), r.getString("endpoint"), r.getBuffer("p256dh").getBytes(),
                            r.getBuffer("auth").getBytes()));
        }
        return devices;
    }

    private static Set<String> reached(RowSet<Row> rows) {
        Set<String> reached = new HashSet<>();
        for (Row r : rows) {
            reached.add(r.getUUID(0) + "/" + r.getUUID(1));
        }
        return reached;
    }

    /** Subjects no longer worth a reminder, asked of each kind that can tell. */
    private Uni<Set<UUID>> irrelevant(SqlClient db, List<Claimed> claimed) {
        Map<String, List<UUID>> subjects = new LinkedHashMap<>();
        for (Claimed c : claimed) {
            ReminderKind kind = kinds.find(c.kind()).orElse(null);
            if (c.subjectId() != null && kind != null && kind.stillRelevant() != null) {
                subjects.computeIfAbsent(kind.code(), k -> new ArrayList<>()).add(c.subjectId());
            }
        }
        Set<UUID> irrelevant = new HashSet<>();
        return Multi.createFrom().iterable(subjects.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> db.preparedQuery(kinds.find(entry.getKey()).orElseThrow().stillRelevant())
                        .execute(Tuple.of(entry.getValue().toArray(UUID[]::new)))
                        .invoke(rows -> {
                            Set<UUID> relevant = new HashSet<>();
                            rows.forEach(r -> relevant.add(r.getUUID(0)));
                            entry.getValue().stream().filter(id -> !relevant.contains(id)).forEach(irrelevant::add);
                        }))
                .collect().last()
                .replaceWith(irrelevant);
    }

    // --- deciding and sending ----------------------------------------------------------------------

    /** What becomes of one claimed reminder. */
    private static final class Job {
        final Claimed reminder;
        String state = "SENT";
        Instant deliverAt;
        String outcome = "";
        int attemptDelta;
        Templates.Message message;
        boolean inApp;
        PushSender.Message push;
        final List<PushSender.Device> devices = new ArrayList<>();
        final List<UUID> reachedDevices = new ArrayList<>();
        final List<UUID> goneDevices = new ArrayList<>();
        Duration retryAfter;
        boolean retry;
        int failedDevices;
        /** For a group: the claimed escalations it stands for (a group is no claimed row itself). */
        final List<Job> members = new ArrayList<>();

        Job(Claimed reminder) {
            this.reminder = reminder;
            this.deliverAt = reminder.deliverAt();
        }

        boolean isGroup() {
            return !members.isEmpty();
        }

        void end(String state, String outcome) {
            this.state = state;
            this.outcome = outcome;
        }
    }

    /**
     * Decides each claimed reminder. Those that may go are taken by importance (high first, then by
     * due time), so once the user's daily cap is reached it is the less important ones that wait;
     * high ones are never held back by the cap. Follow-up escalations to one manager about one rep
     * claimed together go as one message, counted once.
     */
    private Uni<List<Job>> plan(Context context, List<Claimed> claimed) {
        Instant now = Instant.now();
        List<Job> jobs = new ArrayList<>();
        List<Job> candidates = new ArrayList<>();
        for (Claimed c : claimed) {
            Job job = new Job(c);
            jobs.add(job);
            User user = context.users().get(c.userId());
            ReminderKind kind = kinds.find(c.kind()).orElse(null);
            if (user == null || !user.active()) {
                job.end("SKIPPED", "user inactive");
            } else if (kind == null) {
                job.end("FAILED", "unknown kind");
            } else if (c.subjectId() != null && context.irrelevant().contains(c.subjectId())) {
                job.end("CANCELLED", "no longer relevant");
            } else if (user.muted().contains(c.kind()) || (!user.push() && !user.inApp())) {
                job.end("SKIPPED", "muted");
            } else {
                candidates.add(job);
            }
        }
        List<Job> units = grouped(candidates, context);
        units.sort(Comparator.comparing((Job j) -> kinds.priority(j.reminder.kind())).thenComparing(j -> j.reminder.deliverAt()));
        for (Job job : units) {
            Claimed c = job.reminder;
            User user = context.users().get(c.userId());
            Instant earliest = c.attempts() > 1 ? DeliveryPolicy.afterQuietHours(now, user.settings())
                    : DeliveryPolicy.earliest(now, user.settings(), user.sentToday()[0], kinds.priority(c.kind()));
            if (earliest.isAfter(now)) {
                for (Job waiting : job.isGroup() ? job.members : List.of(job)) {
                    waiting.end("PENDING", "");
                    waiting.deliverAt = earliest;
                    waiting.attemptDelta = -1; // waiting is not an attempt
                }
                continue;
            }
            if (c.attempts() <= 1) {
                user.sentToday()[0]++;
            }
            if (job.isGroup()) {
                job.members.forEach(member -> member.end("GROUPED", "grouped in " + c.id()));
                jobs.add(job);
            }
            job.message = templates.render(c.kind(), user.locale(), c.args());
            job.inApp = user.inApp();
            if (user.push() && push.enabled()) {
                for (PushSender.Device device : context.devices().getOrDefault(c.userId(), List.of())) {
                    if (!context.reached().contains(c.id() + "/" + device.id())) {
                        job.devices.add(device);
                    }
                }
                job.push = pushMessage(c, kinds.find(c.kind()).orElseThrow(), job.message);
            }
        }
        return Uni.createFrom().item(jobs);
    }

    /**
     * The candidates with reminders of a grouping kind ({@link ReminderKind#groupBy}) to one user with
     * the same group arg, two or more and not yet tried, replaced by one job for their group; its id is
     * derived from its first member's, so a batch claimed again after a replica died before completing
     * forms the same group under the same push Topic.
     */
    private Optional<GroupedKind> grouping(String kind) {
        return kinds.find(kind).filter(GroupedKind.class::isInstance).map(GroupedKind.class::cast);
    }

    private List<Job> grouped(List<Job> candidates, Context context) {
        Map<String, List<Job>> groups = new LinkedHashMap<>();
        List<Job> units = new ArrayList<>();
        for (Job job : candidates) {
            Claimed c = job.reminder;
            String groupBy = grouping(c.kind()).map(GroupedKind::groupBy).orElse(null);
            Object value = groupBy == null || c.attempts() > 1 ? null : c.args().get(groupBy);
            if (value == null) {
                units.add(job);
            } else {
                groups.computeIfAbsent(c.userId() + "/" + c.kind() + "/" + value, k -> new ArrayList<>()).add(job);
            }
        }
        for (List<Job> members : groups.values()) {
            if (members.size() == 1) {
                units.add(members.get(0));
                continue;
            }
            members.sort(Comparator.comparing((Job j) -> j.reminder.id()));
            Claimed first = members.get(0).reminder;
            GroupedKind.Group group = grouping(first.kind()).orElseThrow()
                    .group(members.stream().map(j -> j.reminder.args()).toList());
            if (context.users().get(first.userId()).muted().contains(group.kind())) {
                units.addAll(members); // the user turned the grouped message off: each goes on its own
                continue;
            }
            UUID groupId = UUID.nameUUIDFromBytes(("reminder-group:" + first.id()).getBytes(StandardCharsets.UTF_8));
            Instant dueAt = members.stream().map(j -> j.reminder.dueAt()).min(Comparator.naturalOrder()).orElseThrow();
            Instant deliverAt = members.stream().map(j -> j.reminder.deliverAt()).min(Comparator.naturalOrder()).orElseThrow();
            Job job = new Job(new Claimed(groupId, first.userId(), group.kind(), null, group.args(), group.link(), dueAt, deliverAt, 1));
            job.members.addAll(members);
            units.add(job);
        }
        return units;
    }

    private Uni<Void> send(List<Job> jobs) {
        List<Map.Entry<Job, PushSender.Device>> sends = new ArrayList<>();
        for (Job job : jobs) {
            job.devices.forEach(device -> sends.add(Map.entry(job, device)));
        }
        if (sends.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(sends)
                .onItem().transformToUni(send -> sender.send(send.getValue(), send.getKey().push)
                        .invoke(result -> record(send.getKey(), send.getValue(), result)))
                .merge(Math.max(1, push.concurrency()))
                .collect().last()
                .replaceWithVoid();
    }

    private void record(Job job, PushSender.Device device, PushSender.Result result) {
        switch (result.status()) {
            case DELIVERED -> {
                job.reachedDevices.add(device.id());
                metrics.sent(job.reminder.kind(), "push");
            }
            case GONE -> job.goneDevices.add(device.id());
            case TOO_LARGE, REJECTED -> {
                LOG.warnf("push of reminder %s to device %s refused with %d; not retried", job.reminder.id(), device.id(), result.httpStatus());
                job.failedDevices++;
                metrics.failed(job.reminder.kind(), "push");
            }
            case RETRY -> {
                job.retry = true;
                if (result.retryAfter() != null && (job.retryAfter == null || result.retryAfter().compareTo(job.retryAfter) > 0)) {
                    job.retryAfter = result.retryAfter();
                }
            }
        }
    }

    private PushSender.Message pushMessage(Claimed c, ReminderKind kind, Templates.Message message) {
        byte[] full = payload(c, message.title(), message.body());
        if (full.length > WebPushCrypto.MAX_PLAINTEXT) {
            int over = full.length - WebPushCrypto.MAX_PLAINTEXT;
            full = payload(c, message.title(), truncate(message.body(), message.body().getBytes(StandardCharsets.UTF_8).length - over - 8));
        }
        byte[] shrunk = payload(c, truncate(message.title(), 120), "");
        return new PushSender.Message(full, shrunk, topic(c.id()), kind.urgency(), push.ttl());
    }

    private byte[] payload(Claimed c, String title, String body) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", c.id().toString());
        payload.put("kind", c.kind());
        payload.put("title", title);
        payload.put("body", body);
        payload.put("link", c.link());
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At most {@code maxBytes} of UTF-8, cut at a character boundary. */
    static String truncate(String text, int maxBytes) {
        if (maxBytes <= 0) {
            return "";
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + "…";
    }

    /** The reminder id as 22 base64url characters: a Topic (≤ 32) unique to the reminder. */
    static String topic(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return WebPushCrypto.base64Url(bytes.array());
    }

    // --- completing ----------------------------------------------------------------------------------

    private Uni<Void> complete(Pool db, UUID claim, List<Job> jobs) {
        Instant now = Instant.now();
        for (Job job : jobs) {
            if (job.message == null) {
                continue;
            }
            int pending = job.devices.size() - job.reachedDevices.size() - job.goneDevices.size() - job.failedDevices;
            if (job.retry && pending > 0 && job.reminder.attempts() < config.maxAttempts()) {
                job.end("PENDING", "push retry");
                job.deliverAt = now.plus(job.retryAfter != null ? job.retryAfter : backoff(job.reminder.attempts()));
            } else if (job.retry && pending > 0) {
                job.failedDevices += pending;
                for (int i = 0; i < pending; i++) {
                    metrics.failed(job.reminder.kind(), "push");
                }
                boolean delivered = job.inApp || !job.reachedDevices.isEmpty();
                job.end(delivered ? "SENT" : "FAILED", "push gave up after " + job.reminder.attempts() + " attempts");
            } else if (!job.inApp && !job.devices.isEmpty() && job.reachedDevices.isEmpty()) {
                job.end("FAILED", "no device accepted it");
            } else {
                job.end("SENT", job.devices.isEmpty() ? "" : job.reachedDevices.size() + "/" + job.devices.size() + " devices");
            }
        }
        Batch batch = new Batch(jobs);
        // the claimed rows first: only what this claim still holds is completed, and groups are written only for those
        List<RowSet<Row>> completed = new ArrayList<>();
        // the claimed rows first: only what this claim still holds is completed, and groups are written only for those
        return db.withTransaction(tx -> tx.preparedQuery(COMPLETE).execute(batch.completion(claim))
                        .invoke(completed::add)
                        .chain(() -> tx.preparedQuery(INSERT_GROUPS).execute(batch.groups()))
                        .invoke(completed::add)
                        .chain(() -> tx.preparedQuery(INSERT_INBOX).execute(batch.inbox()))
                        .chain(() -> tx.preparedQuery(INSERT_REACHED).execute(batch.reached()))
                        .chain(() -> tx.preparedQuery(DELETE_GONE).execute(Tuple.of(batch.gone())))
                        .chain(() -> tx.preparedQuery(TOUCH_DEVICES).execute(Tuple.of(batch.touched()))))
                .invoke(() -> completed.forEach(rows -> measure(rows, jobs)))
                .replaceWithVoid();
    }

    private Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration wait = config.retryBase().multipliedBy(factor);
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    private void measure(RowSet<Row> completed, List<Job> jobs) {
        Map<UUID, Job> byId = new HashMap<>();
        jobs.forEach(job -> byId.put(job.reminder.id(), job));
        for (Row r : completed) {
            Job job = byId.get(r.getUUID("id"));
            if (job == null || !"SENT".equals(r.getString("state"))) {
                if (job != null && "FAILED".equals(r.getString("state"))) {
                    metrics.failed(job.reminder.kind(), "any");
                }
                continue;
            }
            Instant sentAt = r.getOffsetDateTime("sent_at").toInstant();
            if (job.inApp) {
                metrics.sent(job.reminder.kind(), "in-app");
            }
            metrics.delivered(job.reminder.kind(), Duration.between(job.reminder.dueAt(), sentAt),
                    Duration.between(job.reminder.deliverAt(), sentAt).compareTo(config.lateAfter()) > 0);
        }
    }

    /** The batch's writes as arrays, one statement each. */
    private static final class Batch {
        final List<Job> jobs;

        Batch(List<Job> jobs) {
            this.jobs = jobs;
        }

        Tuple inbox() {
            List<Job> shown = jobs.stream().filter(j -> j.inApp && j.message != null).toList();
            return Sql.tuple(
                    shown.stream().map(j -> Ids.newId()).toArray(UUID[]::new),
                    shown.stream().map(j -> j.reminder.userId()).toArray(UUID[]::new),
                    shown.stream().map(j -> j.reminder.id()).toArray(UUID[]::new),
                    shown.stream().map(j -> j.reminder.kind()).toArray(String[]::new),
                    shown.stream().map(j -> truncate(j.message.title(), 190)).toArray(String[]::new),
                    shown.stream().map(j -> truncate(j.message.body(), 1990)).toArray(String[]::new),
                    shown.stream().map(j -> j.reminder.link()).toArray(String[]::new));
        }

        Tuple reached() {
            List<UUID> reminders = new ArrayList<>();
            List<UUID> devices = new ArrayList<>();
            for (Job j : jobs) {
                for (UUID device : j.reachedDevices) {
                    reminders.add(j.reminder.id());
                    devices.add(device);
                }
            }
            return Tuple.of(reminders.toArray(UUID[]::new), devices.toArray(UUID[]::new));
        }

        UUID[] gone() {
            return jobs.stream().flatMap(j -> j.goneDevices.stream()).distinct().toArray(UUID[]::new);
        }

        UUID[] touched() {
            return jobs.stream().flatMap(j -> j.reachedDevices.stream()).distinct().toArray(UUID[]::new);
        }

        Tuple completion(UUID claim) {
            List<Job> claimed = jobs.stream().filter(j -> !j.isGroup()).toList();
            return Sql.tuple(
                    claimed.stream().map(j -> j.reminder.id()).toArray(UUID[]::new),
                    claimed.stream().map(j -> j.state).toArray(String[]::new),
                    claimed.stream().map(j -> j.deliverAt.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new),
                    claimed.stream().map(j -> outcome(j)).toArray(String[]::new),
                    claimed.stream().map(j -> j.attemptDelta).toArray(Integer[]::new),
                    claim);
        }

        Tuple groups() {
            List<Job> groups = jobs.stream().filter(Job::isGroup).toList();
            return Sql.tuple(
                    groups.stream().map(j -> j.reminder.id()).toArray(UUID[]::new),
                    groups.stream().map(j -> j.reminder.userId()).toArray(UUID[]::new),
                    groups.stream().map(j -> j.reminder.kind()).toArray(String[]::new),
                    groups.stream().map(j -> new io.vertx.core.json.JsonObject(j.reminder.args()).encode()).toArray(String[]::new),
                    groups.stream().map(j -> j.reminder.link()).toArray(String[]::new),
                    groups.stream().map(j -> j.reminder.dueAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new),
                    groups.stream().map(j -> j.deliverAt.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new),
                    groups.stream().map(j -> j.state).toArray(String[]::new),
                    groups.stream().map(j -> outcome(j)).toArray(String[]::new),
                    groups.stream().map(j -> j.members.get(0).reminder.id()).toArray(UUID[]::new));
        }

        private static String outcome(Job j) {
            return j.outcome.length() > 200 ? j.outcome.substring(0, 200) : j.outcome;
        }
    }
}
