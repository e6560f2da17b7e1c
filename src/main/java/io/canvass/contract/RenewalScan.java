package io.canvass.contract;

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
 * Evaluates contracts against their renewal policy once a day in each owner's time zone (see
 * {@link RenewalRules}): opens evaluations, fires window reminders, escalates to managers, ends
 * contracts after their last day and flags those ended without a decision. Runs in every replica:
 * contracts are claimed with {@code FOR UPDATE SKIP LOCKED} and marked as checked for the owner's
 * day, and every alert has a dedupe key, so a rerun, a crash or a second replica never fires one
 * twice.
 */
@ApplicationScoped
public class RenewalScan {

    private static final Logger LOG = Logger.getLogger(RenewalScan.class);

    static final int BATCH = 200;

    /** Active contracts near their end (or past it), and ended ones still undecided, not yet checked on the owner's today. */
    static final String CLAIM = """
            select k.id, k.customer_id, k.ends_on, k.status, k.renewal_state, k.renewal_acted_at is not null as acted,
                   c.owner_id, c.team_id, c.grade, u.time_zone
            from contract k
            join customer c on c.id = k.customer_id
            join app_user u on u.id = c.owner_id
            where (k.status = 'ACTIVE' or (k.status = 'EXPIRED' and k.renewal_state in ('UPCOMING', 'IN_EVALUATION')))
              and k.ends_on <= ($1 at time zone u.time_zone)::date + $2::int
              and k.renewal_checked_on is distinct from ($1 at time zone u.time_zone)::date
              and ($4::uuid[] is null or k.customer_id = any($4))
            order by k.ends_on
            limit $3
            for update of k skip locked""";

    static final String UPDATE = """
            update contract set status = $2::varchar, renewal_state = $3::varchar, renewal_checked_on = $4::date,
                   evaluation_opened_on = case when $5::boolean then $4::date else evaluation_opened_on end,
                   version = version + case when status <> $2::varchar or renewal_state <> $3::varchar then 1 else 0 end,
                   updated_at = case when status <> $2::varchar or renewal_state <> $3::varchar then now() else updated_at end
            where id = $1""";

    static final String EVENT = "insert into contract_event (id, contract_id, kind, detail) values (uuid_v7(), $1, $2, $3)";

    @Inject
    Pool pool;

    @Inject
    RenewalConfig config;

    @Inject
    MoneyAlerts alerts;

    @Scheduled(every = "${canvass.renewals.scan-every:1h}", delayed = "${canvass.renewals.scan-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan(Instant.now(), null).replaceWithVoid();
    }

    /**
     * Scans as of {@code now}, batch after batch until nothing is left for today; optionally only
     * the contracts of some customers. Returns the number of contracts evaluated.
     */
    public Uni<Integer> scan(Instant now, Collection<UUID> customers) {
        return batch(now, customers).chain(count -> count == BATCH
                ? scan(now, customers).map(more -> more + count)
                : Uni.createFrom().item(count));
    }

    Uni<Integer> batch(Instant now, Collection<UUID> customers) {
        Tuple params = Tuple.from(Arrays.asList(now.atOffset(ZoneOffset.UTC), config.widestWindow(), BATCH,
                customers == null ? null : customers.toArray(UUID[]::new)));
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM).execute(params).chain(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            Uni<Integer> fired = Uni.createFrom().item(0);
            for (Row r : claimed) {
                fired = fired.chain(n -> evaluate(tx, r, now).map(m -> n + m));
            }
            return fired.invoke(n -> {
                if (n > 0) {
                    LOG.infof("Renewal scan: %d contracts evaluated, %d alerts fired", claimed.size(), n);
                }
            }).map(n -> claimed.size());
        }));
    }

    private Uni<Integer> evaluate(SqlClient tx, Row r, Instant now) {
        UUID id = r.getUUID("id");
        UUID customer = r.getUUID("customer_id");
        UUID owner = r.getUUID("owner_id");
        LocalDate endsOn = r.getLocalDate("ends_on");
        LocalDate today = now.atZone(ZoneId.of(r.getString("time_zone"))).toLocalDate();
        Contract.Status status = Contract.Status.valueOf(r.getString("status"));
        RenewalRules.Outcome o = RenewalRules.evaluate(status, Contract.RenewalState.valueOf(r.getString("renewal_state")), endsOn,
                r.getBoolean("acted"), today, config.policy(r.getString("grade")));
        List<Tuple> events = new ArrayList<>();
        if (o.openEvaluation()) {
            events.add(Tuple.of(id, ContractEvent.Kind.EVALUATION_OPENED.name(), endsOn + " is " + (endsOn.toEpochDay() - today.toEpochDay()) + " days away"));
        }
        if (o.status() != status) {
            events.add(Tuple.of(id, (o.status() == Contract.Status.RENEWED ? ContractEvent.Kind.ENDED_RENEWED : ContractEvent.Kind.EXPIRED).name(),
                    "ended on " + endsOn));
        }
        return tx.preparedQuery(UPDATE).execute(Tuple.of(id, o.status().name(), o.state().name(), today, o.openEvaluation()))
                .chain(() -> events.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery(EVENT).executeBatch(events).replaceWithVoid())
                .chain(() -> o.escalate() || o.expiredUndecided()
                        ? alerts.managersOf(tx, r.getUUID("team_id"), owner)
                        : Uni.createFrom().item(List.<UUID>of()))
                .chain(managers -> {
                    List<MoneyAlerts.Alert> fire = new ArrayList<>();
                    if (o.window() != null) {
                        fire.add(new MoneyAlerts.Alert(MoneyAlert.Kind.RENEWAL_WINDOW, owner, customer, id, null, o.window(), endsOn));
                    }
                    if (o.escalate()) {
                        managers.forEach(m -> fire.add(new MoneyAlerts.Alert(MoneyAlert.Kind.RENEWAL_ESCALATION, m, customer, id, null, null, endsOn)));
                    }
                    if (o.expiredUndecided()) {
                        fire.add(new MoneyAlerts.Alert(MoneyAlert.Kind.CONTRACT_EXPIRED_UNDECIDED, owner, customer, id, null, null, endsOn));
                        managers.forEach(m -> fire.add(new MoneyAlerts.Alert(MoneyAlert.Kind.CONTRACT_EXPIRED_UNDECIDED, m, customer, id, null, null, endsOn)));
                    }
                    return alerts.fireAll(tx, fire);
                });
    }
}
