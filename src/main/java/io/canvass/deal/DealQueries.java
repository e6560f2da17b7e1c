package io.canvass.deal;

import io.canvass.platform.Page;
import io.canvass.platform.Scope;
import io.canvass.platform.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Deal lists and the pipeline, in the caller's scope (a deal is in scope when its customer is). */
@ApplicationScoped
public class DealQueries {

    static final String LIST = """
            select d.id, d.customer_id, c.name as customer_name, c.owner_id, u.display_name as owner_name, c.team_id,
                   d.name, d.amount, d.currency, d.product_line, d.stage, d.lost_reason, d.expected_close_on, d.closed_at,
                   d.created_at, d.version
            from deal d
            join customer c on c.id = d.customer_id and c.deleted_at is null
            join app_user u on u.id = c.owner_id
            where d.id < $1 and ($2 or c.owner_id = $3 or c.team_id = any($4))
              and ($5::uuid is null or d.customer_id = $5) and ($6::uuid is null or c.owner_id = $6)
              and ($7::uuid is null or c.team_id = $7) and ($8::varchar is null or d.stage = $8)
            order by d.id desc
            limit $9""";

    static final String PIPELINE = """
            select d.stage, d.currency, count(*) as deals, sum(d.amount) as amount
            from deal d
            join customer c on c.id = d.customer_id and c.deleted_at is null
            where ($1 or c.owner_id = $2 or c.team_id = any($3))
              and ($4::uuid is null or c.owner_id = $4) and ($5::uuid is null or c.team_id = $5)
            group by d.stage, d.currency""";

    @Inject
    Sql sql;

    /** A filter of the deal list. */
    public record Filter(UUID customerId, UUID ownerId, UUID teamId, Deal.Stage stage) {
    }

    public Uni<Page<DealView>> list(Scope scope, Filter f, UUID before, int limit) {
        Tuple params = Tuple.from(java.util.Arrays.asList(before, scope.everything(), scope.userId(), scope.teams().toArray(UUID[]::new),
                f.customerId(), f.ownerId(), f.teamId(), f.stage() == null ? null : f.stage().name(), limit + 1));
        return sql.query(LIST, params).map(rows -> {
            List<DealView> views = new ArrayList<>();
            for (Row r : rows) {
                views.add(view(r));
            }
            return Page.of(views, limit, DealView::id, v -> v);
        });
    }

    public Uni<Pipeline> pipeline(Scope scope, UUID ownerId, UUID teamId) {
        Tuple params = Tuple.from(java.util.Arrays.asList(scope.everything(), scope.userId(), scope.teams().toArray(UUID[]::new), ownerId, teamId));
        return sql.query(PIPELINE, params).map(DealQueries::pipeline);
    }

    static Pipeline pipeline(RowSet<Row> rows) {
        Map<Deal.Stage, Long> counts = new EnumMap<>(Deal.Stage.class);
        Map<Deal.Stage, Map<String, BigDecimal>> sums = new EnumMap<>(Deal.Stage.class);
        for (Row r : rows) {
            Deal.Stage stage = Deal.Stage.valueOf(r.getString("stage"));
            counts.merge(stage, r.getLong("deals"), Long::sum);
            sums.computeIfAbsent(stage, s -> new TreeMap<>()).merge(r.getString("currency"), r.getBigDecimal("amount"), BigDecimal::add);
        }
        List<Pipeline.StageTotal> stages = new ArrayList<>();
        for (Deal.Stage stage : Deal.Stage.values()) {
            List<Pipeline.Amount> amounts = sums.getOrDefault(stage, Map.of()).entrySet().stream()
                    .map(e -> new Pipeline.Amount(e.getKey(), plain(e.getValue(), e.getKey())))
                    .toList();
            stages.add(new Pipeline.StageTotal(stage, counts.getOrDefault(stage, 0L), amounts));
        }
        return new Pipeline(stages);
    }

    private static DealView view(Row r) {
        String currency = r.getString("currency");
        return new DealView(r.getUUID("id"), r.getUUID("customer_id"), r.getString("customer_name"), r.getUUID("owner_id"),
                r.getString("owner_name"), r.getUUID("team_id"), r.getString("name"), plain(r.getBigDecimal("amount"), currency),
                currency, r.getString("product_line"), Deal.Stage.valueOf(r.getString("stage")), r.getString("lost_reason"),
                r.getLocalDate("expected_close_on"),
                r.getOffsetDateTime("closed_at") == null ? null : r.getOffsetDateTime("closed_at").toInstant(),
                r.getOffsetDateTime("created_at").toInstant(), r.getInteger("version"), null);
    }

    static String plain(BigDecimal amount, String currency) {
        return io.canvass.platform.Money.scaled(amount, Currency.getInstance(currency)).toPlainString();
    }
}
