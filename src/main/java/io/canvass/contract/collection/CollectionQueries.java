package io.canvass.contract.collection;

import io.canvass.customer.CommercialSignals;
import io.canvass.customer.HealthScore;
import io.canvass.platform.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL over contracts and collections: the health signals, and the raw rows of the collection KPIs. */
@ApplicationScoped
public class CollectionQueries implements CommercialSignals {

    /** Per customer with a contract beyond draft: overdue instalments, ended-undecided and unattended renewals (owner's today). */
    static final String SIGNALS = """
            with t as (
                select c.id, (now() at time zone u.time_zone)::date as today
                from customer c join app_user u on u.id = c.owner_id
                where c.id = any($1) and exists (select 1 from contract k where k.customer_id = c.id and k.status <> 'DRAFT'))
            select t.id,
                   (select count(*) from instalment i join contract k on k.id = i.contract_id
                     where k.customer_id = t.id and k.status <> 'DRAFT' and i.paid_on is null and i.due_on < t.today) as overdue,
                   (select count(*) from contract k
                     where k.customer_id = t.id and k.status in ('ACTIVE', 'EXPIRED') and k.renewal_state in ('UPCOMING', 'IN_EVALUATION')
                       and k.ends_on < t.today) as expired_undecided,
                   (select count(*) from contract k
                     where k.customer_id = t.id and k.status = 'ACTIVE' and k.renewal_state in ('UPCOMING', 'IN_EVALUATION')
                       and k.renewal_acted_at is null and k.ends_on between t.today and t.today + 30) as unattended
            from t""";

    static final String SCOPE = "($1 or c.owner_id = $2 or c.team_id = any($3)) and ($4::uuid is null or c.owner_id = $4) and ($5::uuid is null or c.team_id = $5)";

    /** Instalments due in the period and what has been collected against them so far. */
    static final String DUE = """
            select c.owner_id, u.display_name as owner_name, c.team_id, t.name as team_name, i.currency, i.amount, i.collected
            from instalment i
            join contract k on k.id = i.contract_id and k.status <> 'DRAFT'
            join customer c on c.id = k.customer_id
            join app_user u on u.id = c.owner_id
            join team t on t.id = c.team_id
            where i.due_on between $6 and $7 and """ + SCOPE;

    /** Payments received in the period, with their instalment's due day. */
    static final String RECEIVED = """
            select c.owner_id, u.display_name as owner_name, c.team_id, t.name as team_name, p.currency, p.amount, i.due_on, p.received_on
            from payment p
            join instalment i on i.id = p.instalment_id
            join contract k on k.id = p.contract_id
            join customer c on c.id = k.customer_id
            join app_user u on u.id = c.owner_id
            join team t on t.id = c.team_id
            where p.received_on between $6 and $7 and """ + SCOPE;

    @Inject
    Pool pool;

    @Override
    public Uni<Map<UUID, HealthScore.Commercial>> of(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(SIGNALS).execute(Tuple.of(customerIds.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, HealthScore.Commercial> result = new HashMap<>();
            for (Row r : rows) {
                result.put(r.getUUID("id"), new HealthScore.Commercial(r.getLong("overdue").intValue(),
                        r.getLong("expired_undecided").intValue(), r.getLong("unattended").intValue()));
            }
            return result;
        });
    }

    public Uni<CollectionKpis.Report> kpis(Scope scope, UUID ownerId, UUID teamId, LocalDate from, LocalDate to, CollectionKpis.GroupBy groupBy) {
        Tuple params = Tuple.from(Arrays.asList(scope.everything(), scope.userId(), scope.teams().toArray(UUID[]::new), ownerId, teamId, from, to));
        return pool.preparedQuery(DUE).execute(params).chain(dueRows -> pool.preparedQuery(RECEIVED).execute(params).map(paidRows -> {
            List<CollectionKpis.Due> due = new ArrayList<>();
            for (Row r : dueRows) {
                due.add(new CollectionKpis.Due(r.getUUID("owner_id"), r.getString("owner_name"), r.getUUID("team_id"), r.getString("team_name"),
                        r.getString("currency"), r.getBigDecimal("amount"), r.getBigDecimal("collected")));
            }
            List<CollectionKpis.Received> received = new ArrayList<>();
            for (Row r : paidRows) {
                received.add(new CollectionKpis.Received(r.getUUID("owner_id"), r.getString("owner_name"), r.getUUID("team_id"),
                        r.getString("team_name"), r.getString("currency"), r.getBigDecimal("amount"), r.getLocalDate("due_on"),
                        r.getLocalDate("received_on")));
            }
            return CollectionKpis.compute(from, to, groupBy, due, received);
        }));
    }
}
