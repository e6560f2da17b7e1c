package io.canvass.contract;

import io.canvass.followup.AgendaMoney;
import io.canvass.platform.Money;
import io.canvass.platform.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Renewals due and overdue instalments on a rep's agenda: two indexed queries over their own customers. */
@ApplicationScoped
public class ContractAgenda implements AgendaMoney {

    static final int LIMIT = 20;

    /** Undecided renewals ending within the widest window, and ended ones without a decision. */
    static final String RENEWALS = """
            select k.id, k.number, k.customer_id, c.name, k.ends_on, k.renewal_state
            from customer c
            join contract k on k.customer_id = c.id
            where c.owner_id = $1 and c.deleted_at is null
              and k.status in ('ACTIVE', 'EXPIRED') and k.renewal_state in ('UPCOMING', 'IN_EVALUATION')
              and k.ends_on <= $2::date + $3::int
            order by k.ends_on, k.id
            limit $4""";

    static final String OVERDUE = """
            select i.id, k.id as contract_id, k.number, k.customer_id, c.name, i.due_on, i.amount - i.collected as outstanding, i.currency
            from customer c
            join contract k on k.customer_id = c.id and k.status <> 'DRAFT'
            join instalment i on i.contract_id = k.id and i.paid_on is null and i.due_on < $2
            where c.owner_id = $1 and c.deleted_at is null
            order by i.due_on, i.id
            limit $3""";

    @Inject
    Sql sql;

    @Inject
    RenewalConfig config;

    @Override
    public Uni<Items> forOwner(UUID ownerId, LocalDate day) {
        return Uni.combine().all().unis(
                        sql.query(RENEWALS, Tuple.of(ownerId, day, config.widestWindow(), LIMIT)).map(rows -> renewals(rows, day)),
                        sql.query(OVERDUE, Tuple.of(ownerId, day, LIMIT)).map(rows -> collections(rows, day)))
                .asTuple()
                .map(both -> new Items(both.getItem1(), both.getItem2()));
    }

    private static List<RenewalDue> renewals(Iterable<Row> rows, LocalDate day) {
        List<RenewalDue> items = new ArrayList<>();
        for (Row r : rows) {
            long days = ChronoUnit.DAYS.between(day, r.getLocalDate("ends_on"));
            items.add(new RenewalDue(r.getUUID("id"), r.getString("number"), r.getUUID("customer_id"), r.getString("name"),
                    r.getLocalDate("ends_on"), days, r.getString("renewal_state"), days < 0));
        }
        return items;
    }

    private static List<CollectionDue> collections(Iterable<Row> rows, LocalDate day) {
        List<CollectionDue> items = new ArrayList<>();
        for (Row r : rows) {
            String currency = r.getString("currency");
            items.add(new CollectionDue(r.getUUID("id"), r.getUUID("contract_id"), r.getString("number"), r.getUUID("customer_id"),
                    r.getString("name"), r.getLocalDate("due_on"), ChronoUnit.DAYS.between(r.getLocalDate("due_on"), day),
                    Money.scaled(r.getBigDecimal("outstanding"), Currency.getInstance(currency)).toPlainString(), currency));
        }
        return items;
    }
}
