package io.canvass.contract.collection;

import io.canvass.contract.MoneyAlert;
import io.canvass.contract.MoneyAlerts;
import io.canvass.contract.RenewalRules;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Overdue instalments: the day after an unpaid instalment's due day (in the owner's time zone)
 * the owner is reminded; after the policy delay the owner's manager is escalated to. Each happens
 * once per instalment (marked on the row and keyed in the alert). Claims rows with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and never double up.
 */
@ApplicationScoped
public class OverdueScan {

    private static final Logger LOG = Logger.getLogger(OverdueScan.class);

    static final int BATCH = 200;

    static final String CLAIM = """
            select i.id, i.contract_id, i.due_on, i.reminded_at is not null as reminded, i.escalated_at is not null as escalated,
                   k.customer_id, c.owner_id, c.team_id, u.time_zone
            from instalment i
            join contract k on k.id = i.contract_id
            join customer c on c.id = k.customer_id
            join app_user u on u.id = c.owner_id
            where i.paid_on is null and k.status <> 'DRAFT'
              and i.due_on < ($1 at time zone u.time_zone)::date
              and (i.reminded_at is null or (i.escalated_at is null and i.due_on + $2::int <= ($1 at time zone u.time_zone)::date))
              and ($4::uuid[] is null or k.customer_id = any($4))
            order by i.due_on
            limit $3
            for update of i skip locked""";

    static final String MARK = """
            update instalment set reminded_at = coalesce(reminded_at, $2),
                   escalated_at = case when $3 then coalesce(escalated_at, $2) else escalated_at end
            where id = $1""";

    @Inject
    Pool pool;

    @Inject
    CollectionConfig config;

    @Inject
    MoneyAlerts alerts;

    @Scheduled(every = "${canvass.collections.scan-every:1h}", delayed = "${canvass.collections.scan-delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan(Instant.now(), null).replaceWithVoid();
    }

    /** Scans as of {@code now} until nothing is left; optionally only some customers' instalments. Returns instalments handled. */
    public Uni<Integer> scan(Instant now, Collection<UUID> customers) {
        return batch(now, customers).chain(count -> count == BATCH
                ? scan(now, customers).map(more -> more + count)
                : Uni.createFrom().item(count));
    }

    Uni<Integer> batch(Instant now, Collection<UUID> customers) {
        Tuple params = Tuple.from(Arrays.asList(now.atOffset(ZoneOffset.UTC), config.escalateAfterDays(), BATCH,
                customers == null ? null : customers.toArray(UUID[]::new)));
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM).execute(params).chain(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            Uni<Integer> fired = Uni.createFrom().item(0);
            for (Row r : claimed) {
                fired = fired.chain(n -> handle(tx, r, now).map(m -> n + m));
            }
            return fired.invoke(n -> {
                if (n > 0) {
                    LOG.infof("Overdue scan: %d alerts fired", n);
                }
            }).map(n -> claimed.size());
        }));
    }

    private Uni<Integer> handle(SqlClient tx, Row r, Instant now) {
        UUID instalment = r.getUUID("id");
        UUID owner = r.getUUID("owner_id");
        LocalDate dueOn = r.getLocalDate("due_on");
        LocalDate today = now.atZone(ZoneId.of(r.getString("time_zone"))).toLocalDate();
        boolean escalate = !r.getBoolean("escalated") && RenewalRules.escalateCollection(dueOn, today, config.escalateAfterDays());
        boolean remind = !r.getBoolean("reminded");
        return tx.preparedQuery(MARK).execute(Tuple.of(instalment, now.atOffset(ZoneOffset.UTC), escalate))
                .chain(() -> escalate ? alerts.managersOf(tx, r.getUUID("team_id"), owner) : Uni.createFrom().item(List.<UUID>of()))
                .chain(managers -> {
                    List<MoneyAlerts.Alert> fire = new ArrayList<>();
                    if (remind) {
                        fire.add(new MoneyAlerts.Alert(MoneyAlert.Kind.INSTALMENT_OVERDUE, owner, r.getUUID("customer_id"),
                                r.getUUID("contract_id"), instalment, null, dueOn));
                    }
                    managers.forEach(m -> fire.add(new MoneyAlerts.Alert(MoneyAlert.Kind.COLLECTION_ESCALATION, m, r.getUUID("customer_id"),
                            r.getUUID("contract_id"), instalment, null, dueOn)));
                    return alerts.fireAll(tx, fire);
                });
    }
}
