package io.canvass.contract.collection;

import io.canvass.customer.CommercialSignals;
import io.canvass.customer.HealthScore;
import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Money;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL over contracts and collections: the health signals, the raw rows of the collection KPIs, and the overdue list. */
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

    /** Unpaid instalments of active or ended contracts. */
    static final String OVERDUE_FROM = """
            from instalment i
            join contract k on k.id = i.contract_id and k.status <> 'DRAFT'
            join customer c on c.id = k.customer_id and c.deleted_at is null
            join app_user u on u.id = c.owner_id
            """;

    /** Past their due day in the owner's time zone, in scope ($1-$3) and the filter ($4-$8). */
    static final String OVERDUE_WHERE = """
            where i.paid_on is null and i.due_on < (now() at time zone u.time_zone)::date
              and ($1 or c.owner_id = $2 or c.team_id = any($3)) and ($4::uuid is null or c.owner_id = $4)
              and ($6::varchar is null or i.currency = $6)
              and ($7::int is null or (now() at time zone u.time_zone)::date - i.due_on >= $7)
              and ($8::int is null or (now() at time zone u.time_zone)::date - i.due_on <= $8)
              and\s""" + ScopeService.inTeamSubtree("c.team_id", 5) + "\n";

    /** A page of them, oldest due day first, after the keyset ($9 due day, $10 id), with the contract's latest payment. */
    static final String OVERDUE = """
            select i.id, i.position, i.contract_id, k.number, k.customer_id, c.name as customer_name, c.owner_id,
                   u.display_name as owner_name, c.team_id, t.name as team_name, i.due_on, i.amount, i.amount - i.collected as outstanding,
                   i.currency, i.reminded_at, i.escalated_at, (now() at time zone u.time_zone)::date - i.due_on as days_overdue,
                   p.received_on as last_paid_on, p.amount as last_paid_amount
            """ + OVERDUE_FROM + """
            join team t on t.id = c.team_id
            left join lateral (select received_on, amount from payment
                               where contract_id = k.id order by received_on desc, recorded_at desc limit 1) p on true
            """ + OVERDUE_WHERE + """
              and ($9::date is null or (i.due_on, i.id) > ($9::date, $10::uuid))
            order by i.due_on, i.id
            limit $11""";

    /** How many match and how much is outstanding on them, per currency. */
    static final String OVERDUE_TOTALS = "select i.currency, count(*) as count, sum(i.amount - i.collected) as outstanding\n"
            + OVERDUE_FROM + OVERDUE_WHERE + "group by i.currency order by i.currency";

    @Inject
    Sql sql;

    @Override
    public Uni<Map<UUID, HealthScore.Commercial>> of(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return sql.query(SIGNALS, Tuple.of(customerIds.toArray(UUID[]::new))).map(rows -> {
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
        return sql.query(DUE, params).chain(dueRows -> sql.query(RECEIVED, params).map(paidRows -> {
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

    /** The cursor list name of the overdue list. */
    static final String OVERDUE_LIST = "collections/overdue";

    public Uni<OverdueCollections> overdue(Scope scope, OverdueCollections.Filter f, LocalDate afterDue, UUID afterId, int limit) {
        List<Object> filter = Arrays.asList(scope.everything(), scope.userId(), scope.teams().toArray(UUID[]::new), f.ownerId(), f.teamId(),
                f.currency(), f.minDays(), f.maxDays());
        List<Object> page = new ArrayList<>(filter);
        page.addAll(Arrays.asList(afterDue, afterId, limit + 1));
        Instant asOf = Instant.now();
        return sql.query(OVERDUE_TOTALS, Tuple.from(filter))
                .chain(totals -> sql.query(OVERDUE, Tuple.from(page))
                        .map(rows -> page(asOf, totals(totals), rows, limit)));
    }

    private static OverdueCollections page(Instant asOf, List<OverdueCollections.CurrencyTotal> totals, Iterable<Row> rows, int limit) {
        List<OverdueCollections.Item> items = new ArrayList<>();
        for (Row r : rows) {
            items.add(item(r));
        }
        boolean more = items.size() > limit;
        List<OverdueCollections.Item> shown = more ? items.subList(0, limit) : items;
        return new OverdueCollections(asOf, totals, List.copyOf(shown), more ? cursor(shown.get(limit - 1)) : null);
    }

    private static List<OverdueCollections.CurrencyTotal> totals(Iterable<Row> rows) {
        List<OverdueCollections.CurrencyTotal> totals = new ArrayList<>();
        for (Row r : rows) {
            String currency = r.getString("currency");
            totals.add(new OverdueCollections.CurrencyTotal(currency, r.getLong("count"), money(r.getBigDecimal("outstanding"), currency)));
        }
        return totals;
    }

    static OverdueCollections.Item item(Row r) {
        String currency = r.getString("currency");
        return new OverdueCollections.Item(r.getUUID("id"), r.getInteger("position"), r.getUUID("contract_id"), r.getString("number"),
                r.getUUID("customer_id"), r.getString("customer_name"), r.getUUID("owner_id"), r.getString("owner_name"), r.getUUID("team_id"),
                r.getString("team_name"), r.getLocalDate("due_on"), r.getInteger("days_overdue"), money(r.getBigDecimal("amount"), currency),
                money(r.getBigDecimal("outstanding"), currency), currency, instant(r.getOffsetDateTime("reminded_at")),
                instant(r.getOffsetDateTime("escalated_at")), r.getLocalDate("last_paid_on"), money(r.getBigDecimal("last_paid_amount"), currency));
    }

    static String cursor(OverdueCollections.Item last) {
        return new KeysetCursor(last.dueOn().toString(), last.instalmentId()).encode(OVERDUE_LIST);
    }

    private static String money(java.math.BigDecimal amount, String currency) {
        return amount == null ? null : Money.scaled(amount, Currency.getInstance(currency)).toPlainString();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
