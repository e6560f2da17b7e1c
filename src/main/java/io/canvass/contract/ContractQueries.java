package io.canvass.contract;

import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Money;
import io.canvass.platform.Page;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Contract lists and the renewal radar, in the caller's scope (a contract is in scope when its customer is). */
@ApplicationScoped
public class ContractQueries {

    static final String COLUMNS = """
            select k.id, k.customer_id, c.name as customer_name, c.owner_id, u.display_name as owner_name, c.team_id, k.deal_id,
                   k.number, k.value, k.currency, k.product_lines, k.starts_on, k.ends_on, k.status, k.renewal_state,
                   k.successor_id, k.predecessor_id, k.churn_reason, k.termination_reason, k.evaluation_opened_on,
                   k.renewal_acted_at, k.renewal_decided_at, k.created_at, k.version,
                   k.ends_on - (now() at time zone u.time_zone)::date as days_to_end
            from contract k
            join customer c on c.id = k.customer_id and c.deleted_at is null
            join app_user u on u.id = c.owner_id
            """;

    static final String LIST = COLUMNS + """
            where k.id < $1 and ($2 or c.owner_id = $3 or c.team_id = any($4))
              and ($5::uuid is null or k.customer_id = $5) and ($6::uuid is null or c.owner_id = $6)
              and ($7::uuid is null or c.team_id = $7) and ($8::varchar is null or k.status = $8)
              and ($9::varchar is null or k.renewal_state = $9)
            order by k.id desc
            limit $10""";

    /** Active contracts ending within the horizon, and ended ones still without a renewal decision. */
    static final String RENEWALS = COLUMNS + """
            where ($1 or c.owner_id = $2 or c.team_id = any($3))
              and ((k.status = 'ACTIVE' and k.ends_on <= (now() at time zone u.time_zone)::date + $4::int)
                or (k.status in ('ACTIVE', 'EXPIRED') and k.renewal_state in ('UPCOMING', 'IN_EVALUATION')
                    and k.ends_on < (now() at time zone u.time_zone)::date))
            order by k.ends_on, k.id
            limit $5""";

    /**
     * Undecided renewals ending within $7 days of the owner's today or already ended, in scope ($1-$3)
     * and the filter ($4 owner, $5 team subtree, $6 currency): what the renewal reminders chase.
     */
    static final String UNDECIDED_WHERE = """
            where ($1 or c.owner_id = $2 or c.team_id = any($3)) and ($4::uuid is null or c.owner_id = $4)
              and ($6::varchar is null or k.currency = $6)
              and k.status in ('ACTIVE', 'EXPIRED') and k.renewal_state in ('UPCOMING', 'IN_EVALUATION')
              and k.ends_on <= (now() at time zone u.time_zone)::date + $7::int
              and\s""" + ScopeService.inTeamSubtree("c.team_id", 5) + "\n";

    /** A page of them by last day (ended ones first), after the keyset ($8 last day, $9 id). */
    static final String UNDECIDED = COLUMNS + UNDECIDED_WHERE + """
              and ($8::date is null or (k.ends_on, k.id) > ($8::date, $9::uuid))
            order by k.ends_on, k.id
            limit $10""";

    static final String UNDECIDED_COUNT = """
            select count(*) as total
            from contract k
            join customer c on c.id = k.customer_id and c.deleted_at is null
            join app_user u on u.id = c.owner_id
            """ + UNDECIDED_WHERE;

    /** The cursor list name of the undecided renewals. */
    static final String UNDECIDED_LIST = "renewals/undecided";

    @Inject
    Sql sql;

    /** A filter of the contract list. */
    public record Filter(UUID customerId, UUID ownerId, UUID teamId, Contract.Status status, Contract.RenewalState renewalState) {
    }

    public Uni<Page<ContractView>> list(Scope scope, Filter f, UUID before, int limit) {
        Tuple params = Tuple.from(Arrays.asList(before, scope.everything(), scope.userId(), scope.teams().toArray(UUID[]::new),
                f.customerId(), f.ownerId(), f.teamId(), f.status() == null ? null : f.status().name(),
                f.renewalState() == null ? null : f.renewalState().name(), limit + 1));
        return sql.query(LIST, params).map(rows -> {
            List<ContractView> views = new ArrayList<>();
            for (Row r : rows) {
                views.add(summary(r));
            }
            return Page.of(views, limit, ContractView::id, v -> v);
        });
    }

    public Uni<List<RenewalItem>> renewals(Scope scope, int withinDays, int limit) {
        Tuple params = Tuple.from(Arrays.asList(scope.everything(), scope.userId(), scope.teams().toArray(UUID[]::new), withinDays, limit));
        return sql.query(RENEWALS, params).map(ContractQueries::renewalItems);
    }

    public Uni<UndecidedRenewals> undecided(Scope scope, UndecidedRenewals.Filter f, LocalDate afterEnd, UUID afterId, int limit) {
        List<Object> filter = Arrays.asList(scope.everything(), scope.userId(), scope.teams().toArray(UUID[]::new), f.ownerId(), f.teamId(),
                f.currency(), f.withinDays());
        List<Object> page = new ArrayList<>(filter);
        page.addAll(Arrays.asList(afterEnd, afterId, limit + 1));
        Instant asOf = Instant.now();
        return sql.query(UNDECIDED_COUNT, Tuple.from(filter))
                .chain(count -> sql.query(UNDECIDED, Tuple.from(page)).map(rows -> {
                    List<RenewalItem> items = renewalItems(rows);
                    boolean more = items.size() > limit;
                    List<RenewalItem> shown = more ? items.subList(0, limit) : items;
                    String next = more ? new KeysetCursor(shown.get(limit - 1).endsOn().toString(), shown.get(limit - 1).contractId())
                            .encode(UNDECIDED_LIST) : null;
                    return new UndecidedRenewals(asOf, count.iterator().next().getLong("total"), List.copyOf(shown), next);
                }));
    }

    private static List<RenewalItem> renewalItems(Iterable<Row> rows) {
        List<RenewalItem> items = new ArrayList<>();
        for (Row r : rows) {
            long days = r.getInteger("days_to_end");
            Contract.Status status = Contract.Status.valueOf(r.getString("status"));
            Contract.RenewalState state = Contract.RenewalState.valueOf(r.getString("renewal_state"));
            items.add(new RenewalItem(r.getUUID("id"), r.getString("number"), r.getUUID("customer_id"), r.getString("customer_name"),
                    r.getUUID("owner_id"), r.getString("owner_name"), r.getLocalDate("ends_on"), days, RenewalItem.band(days),
                    amount(r), r.getString("currency"), status, state,
                    days < 0 && !state.decided() && (status == Contract.Status.ACTIVE || status == Contract.Status.EXPIRED), null));
        }
        return items;
    }

    private static ContractView summary(Row r) {
        long days = r.getInteger("days_to_end");
        Contract.Status status = Contract.Status.valueOf(r.getString("status"));
        Contract.RenewalState state = Contract.RenewalState.valueOf(r.getString("renewal_state"));
        String[] lines = r.getArrayOfStrings("product_lines");
        return new ContractView(r.getUUID("id"), r.getUUID("customer_id"), r.getString("customer_name"), r.getUUID("owner_id"),
                r.getString("owner_name"), r.getUUID("team_id"), r.getUUID("deal_id"), r.getString("number"), amount(r),
                r.getString("currency"), lines == null ? List.of() : List.of(lines), r.getLocalDate("starts_on"), r.getLocalDate("ends_on"),
                days, status, state, days < 0 && !state.decided() && (status == Contract.Status.ACTIVE || status == Contract.Status.EXPIRED),
                r.getUUID("successor_id"), r.getUUID("predecessor_id"), r.getString("churn_reason"), r.getString("termination_reason"),
                null, r.getLocalDate("evaluation_opened_on"), instant(r, "renewal_acted_at"), instant(r, "renewal_decided_at"),
                instant(r, "created_at"), r.getInteger("version"), null, null, null, null);
    }

    private static String amount(Row r) {
        return Money.scaled(r.getBigDecimal("value"), Currency.getInstance(r.getString("currency"))).toPlainString();
    }

    private static Instant instant(Row r, String column) {
        return r.getOffsetDateTime(column) == null ? null : r.getOffsetDateTime(column).toInstant();
    }
}
