package io.canvass.checkin;

import io.canvass.platform.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live feed of check-ins. Every replica LISTENs on one PostgreSQL channel; a check-in's
 * transaction NOTIFYs it on commit, so a manager connected to any replica sees check-ins made
 * through any other.
 * <p>
 * A reconnecting client resumes after its Last-Event-ID (a check-in's seq) from the table: first the
 * check-ins below it that were still being written when it was (a lower seq can commit later; they
 * may repeat a few the client has seen, which it recognises by id), then everything after it in
 * pages, then the live ones that arrived meanwhile, in that order and without duplicates, so the
 * last id a client holds always covers everything before it.
 */
@ApplicationScoped
public class CheckInFeed {

    private static final Logger LOG = Logger.getLogger(CheckInFeed.class);

    public static final String CHANNEL = "canvass_checkins";

    static final String SELECT = """
            select c.seq, c.id, c.user_id, u.display_name, c.team_id, c.customer_id, cu.name as customer_name, c.client_time,
                   c.received_at, c.verdict, c.unverified_reason, c.distance_m, c.purpose, c.outcome
            from check_in c join app_user u on u.id = c.user_id join customer cu on cu.id = c.customer_id""";
    static final String ONE = SELECT + " where c.id = $1";
    private static final String IN_SCOPE = " and ($2 or c.user_id = $3 or c.team_id = any($4))";
    /** Check-ins below the last one seen whose transactions were still running when it was written. */
    static final String CONCURRENT = SELECT + ", check_in l where l.seq = $1 and c.seq < $1"
            + " and c.writer_xid >= pg_snapshot_xmin(l.written_under) and not pg_visible_in_snapshot(c.writer_xid, l.written_under)"
            + IN_SCOPE + " order by c.seq";
    static final String SINCE = SELECT + " where c.seq > $1" + IN_SCOPE + " order by c.seq limit " + CheckInFeed.PAGE;
    static final int PAGE = 500;

    /** A check-in as the feed shows it. */
    @RegisterForReflection
    public record Item(long seq, UUID id, UUID userId, String userName, UUID teamId, UUID customerId, String customerName,
                       Instant clientTime, Instant receivedAt, CheckIn.Verdict verdict, Presence.Reason unverifiedReason,
                       Double distanceMeters, CheckIn.Purpose purpose, String outcome) {
    }

    private final BroadcastProcessor<Item> live = BroadcastProcessor.create();

    /** Streams open on this replica. */
    private final AtomicInteger listeners = new AtomicInteger();

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PgSubscriber subscriber;

    private volatile boolean running = true;

    void start(@Observes StartupEvent event) {
        if (url.isEmpty()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get().replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(this::announced);
        subscriber.connect().subscribe().with(ok -> LOG.debug("Listening for check-ins"),
                failure -> LOG.warnf("Cannot listen for check-ins yet: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (subscriber != null) {
            subscriber.close().subscribe().with(ok -> { }, failure -> { });
        }
        live.onComplete();
    }

    /**
     * Check-ins in scope that the client missed after {@code lastSeq} (none for {@link Long#MAX_VALUE}), then live
     * ones as they commit. Live ones arriving while the missed ones are read wait behind them.
     */
    public Multi<Item> stream(Scope scope, long lastSeq) {
        Multi<Item> liveInScope = live.filter(item -> scope.covers(item.userId(), item.teamId()))
                .onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet);
        if (lastSeq == Long.MAX_VALUE) {
            return liveInScope;
        }
        return Multi.createFrom().deferred(() -> {
            UnicastProcessor<Item> waiting = UnicastProcessor.create();
            Cancellable subscription = liveInScope.subscribe().with(waiting::onNext, waiting::onError, waiting::onComplete);
            return Multi.createBy().concatenating().streams(missed(scope, lastSeq), waiting)
                    .select().distinct(Item::seq)
                    .onTermination().invoke(subscription::cancel);
        });
    }

    private Multi<Item> missed(Scope scope, long lastSeq) {
        Multi<Item> concurrent = query(CONCURRENT, scope, lastSeq).onItem().transformToMulti(Multi.createFrom()::iterable);
        AtomicLong after = new AtomicLong(lastSeq);
        Multi<Item> later = Multi.createBy().repeating().uni(() -> query(SINCE, scope, after.get())
                        .invoke(page -> page.stream().mapToLong(Item::seq).max().ifPresent(after::set)))
                .whilst(page -> page.size() == PAGE)
                .onItem().transformToMultiAndConcatenate(Multi.createFrom()::iterable);
        return Multi.createBy().concatenating().streams(concurrent, later);
    }

    private Uni<List<Item>> query(String sql, Scope scope, long seq) {
        return pool.preparedQuery(sql).execute(Tuple.of(seq, scope.everything(), scope.userId(), scope.teams().toArray(UUID[]::new)))
                .map(CheckInFeed::items);
    }

    /** Keep-alive ticks for an open stream; they end when the application shuts down, so streams close. */
    public Multi<Long> keepAlive(Duration every) {
        return Multi.createFrom().ticks().every(every).select().first(tick -> running);
    }

    /** Loads an announced check-in for this replica's open streams; with none open there is nothing to load. */
    private void announced(String id) {
        if (listeners.get() == 0) {
            return;
        }
        pool.preparedQuery(ONE).execute(Tuple.of(UUID.fromString(id)))
                .subscribe().with(rows -> items(rows).forEach(live::onNext),
                        failure -> LOG.warnf("Cannot load announced check-in %s: %s", id, failure.getMessage()));
    }

    private static List<Item> items(RowSet<Row> rows) {
        List<Item> items = new ArrayList<>();
        for (Row r : rows) {
            items.add(new Item(r.getLong("seq"), r.getUUID("id"), r.getUUID("user_id"), r.getString("display_name"),
                    r.getUUID("team_id"), r.getUUID("customer_id"), r.getString("customer_name"),
                    r.getOffsetDateTime("client_time").toInstant(), r.getOffsetDateTime("received_at").toInstant(),
                    CheckIn.Verdict.valueOf(r.getString("verdict")),
                    r.getString("unverified_reason") == null ? null : Presence.Reason.valueOf(r.getString("unverified_reason")),
                    r.getDouble("distance_m"), CheckIn.Purpose.valueOf(r.getString("purpose")), r.getString("outcome")));
        }
        return items;
    }
}
