package io.canvass.customer;

import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Page;
import io.canvass.platform.Scope;
import io.canvass.platform.Sql;
import io.canvass.platform.Statements;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Reads over customers that SQL does best: filtered, sorted, keyset-paged lists and the timeline. */
@ApplicationScoped
public class CustomerQueries {

    /** Columns of a list row; the effective cadence is the override or the tighter of grade and stage. */
    static final String LIST_SELECT = """
            select c.id, c.name, c.grade, c.stage, c.owner_id, u.display_name as owner_name, c.team_id, c.tags,
                   c.industry, c.last_touched_at, c.created_at, c.deleted_at,
                   coalesce(c.cadence_days_override, least(g.interval_days, s.interval_days), g.interval_days) as cadence_days,
                   f.id as pending_id, f.due_on, f.due_at,
                   (select count(*) from follow_up m where m.customer_id = c.id and m.status = 'MISSED'
                      and m.due_at > now() - interval '90 days') as missed_90,
                   %s as sort_key
            from customer c
            join app_user u on u.id = c.owner_id
            left join cadence_policy g on g.kind = 'GRADE' and g.code = c.grade
            left join cadence_policy s on s.kind = 'STAGE' and s.code = c.stage
            left join follow_up f on f.customer_id = c.id and f.status in ('OPEN', 'SNOOZED')
            """;

    static final String MISSED_90 = """
            select count(*) from follow_up where customer_id = $1 and status = 'MISSED' and due_at > now() - interval '90 days'""";

    /** What the health score is computed from, for several customers. */
    static final String HEALTH = """
            select c.id, coalesce(c.last_touched_at, c.created_at) as touched,
                   coalesce(c.cadence_days_override, least(g.interval_days, s.interval_days), g.interval_days) as cadence_days,
                   f.due_at,
                   (select count(*) from follow_up m where m.customer_id = c.id and m.status = 'MISSED'
                      and m.due_at > now() - interval '90 days') as missed_90
            from customer c
            left join cadence_policy g on g.kind = 'GRADE' and g.code = c.grade
            left join cadence_policy s on s.kind = 'STAGE' and s.code = c.stage
            left join follow_up f on f.customer_id = c.id and f.status in ('OPEN', 'SNOOZED')
            where c.id = any($1)""";

    /** A visit that completed a follow-up is shown once, as its check-in (which carries the verdict and the follow-up's id). */
    static final String TIMELINE = """
            select * from (
                select coalesce(f.done_at, f.due_at) as at, 'FOLLOW_UP_' || f.status as kind, f.owner_id as actor_id,
                       f.channel, f.summary, f.feedback, f.need_change, f.next_action,
                       null as from_value, null as to_value, null as reason, f.id as follow_up_id
                from follow_up f where f.customer_id = $1 and f.status in ('DONE', 'MISSED')
                  and not exists (select 1 from check_in v where v.customer_id = $1 and v.follow_up_id = f.id)
                union all
                select ch.at, ch.field, ch.actor_id, null, null, null, null, null, ch.old_value, ch.new_value, ch.reason, null
                from customer_change ch where ch.customer_id = $1
                union all
                select k.received_at, 'CHECK_IN_' || k.verdict, k.user_id, 'VISIT', coalesce(k.outcome, k.notes), null, null,
                       k.next_action, null, null, k.unverified_reason, k.follow_up_id
                from check_in k where k.customer_id = $1
                union all
                select c.created_at, 'CREATED', null, null, null, null, null, null, null, null, null, null
                from customer c where c.id = $1
            ) t order by at desc limit 500""";

    /** Candidates inside a box around the caller, nearest first by the GiST index; exact distances are computed after. */
    static final String NEARBY = """
            select c.id, c.name, c.grade, c.stage, c.address, c.lat, c.lng, c.owner_id
            from customer c
            where c.lat is not null and c.deleted_at is null
              and point(c.lng, c.lat) <@ box(point($2::float8 - $4::float8, $1::float8 - $3::float8),
                                              point($2::float8 + $4::float8, $1::float8 + $3::float8))
              and ($5 or c.owner_id = $6 or c.team_id = any($7))
            order by point(c.lng, c.lat) <-> point($2::float8, $1::float8)
            limit $8""";

    /** A customer near a position. */
    public record Nearby(UUID id, String name, Customer.Grade grade, Customer.Stage stage, String address, double lat,
                         double lng, UUID ownerId, long distanceMeters) {
    }

    @Inject
    Sql sql;

    public Uni<List<Nearby>> nearby(Scope scope, double lat, double lng, int radiusMeters, int limit) {
        double dLat = radiusMeters / 111_320.0;
        double dLng = radiusMeters / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        return sql.query(NEARBY, Tuple.from(List.of(lat, lng, dLat, dLng, scope.everything(), scope.userId(),
                        scope.teams().toArray(UUID[]::new), limit * 2)))
                .map(rows -> {
                    List<Nearby> found = new ArrayList<>();
                    for (Row r : rows) {
                        long distance = Math.round(io.canvass.platform.Geo.distanceMeters(lat, lng, r.getDouble("lat"), r.getDouble("lng")));
                        if (distance <= radiusMeters) {
                            found.add(new Nearby(r.getUUID("id"), r.getString("name"), Customer.Grade.valueOf(r.getString("grade")),
                                    Customer.Stage.valueOf(r.getString("stage")), r.getString("address"), r.getDouble("lat"),
                                    r.getDouble("lng"), r.getUUID("owner_id"), distance));
                        }
                    }
                    found.sort(java.util.Comparator.comparingLong(Nearby::distanceMeters));
                    return found.stream().limit(limit).toList();
                });
    }

    public Uni<Page<CustomerSummary>> list(Scope scope, CustomerFilter filter, KeysetCursor after, int limit) {
        List<Object> params = new ArrayList<>();
        String sortKey = switch (filter.sort()) {
            case CREATED -> "c.id::text";
            case NAME -> "lower(c.name)";
            case NEXT_DUE -> "coalesce(f.due_on, date '9999-12-31')::text";
            case LAST_TOUCHED -> "to_char(coalesce(c.last_touched_at, c.created_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')";
        };
        StringBuilder sql = new StringBuilder(String.format(LIST_SELECT, sortKey)).append(" where ");
        sql.append(filter.deleted() ? "c.deleted_at is not null" : "c.deleted_at is null");
        if (!scope.everything()) {
            params.add(scope.userId());
            if (scope.teams().isEmpty()) {
                // a rep: "or team_id = any('{}')" selects nothing more, but the OR keeps the planner
                // from walking the owner's index in list order
                sql.append(" and c.owner_id = $").append(params.size());
            } else {
                params.add(scope.teams().toArray(UUID[]::new));
                sql.append(" and (c.owner_id = $").append(params.size() - 1).append(" or c.team_id = any($").append(params.size()).append("))");
            }
        }
        if (filter.ownerId() != null) {
            params.add(filter.ownerId());
            sql.append(" and c.owner_id = $").append(params.size());
        }
        if (filter.teamId() != null) {
            params.add(filter.teamId());
            sql.append(" and c.team_id = $").append(params.size());
        }
        if (filter.grade() != null) {
            params.add(filter.grade().name());
            sql.append(" and c.grade = $").append(params.size());
        }
        if (filter.stage() != null) {
            params.add(filter.stage().name());
            sql.append(" and c.stage = $").append(params.size());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            params.add(new String[] { filter.tag().trim() });
            sql.append(" and c.tags @> $").append(params.size()).append("::varchar[]");
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            params.add("%" + escapeLike(filter.q().trim().toLowerCase(Locale.ROOT)) + "%");
            int p = params.size();
            sql.append(" and (lower(c.name) like $").append(p)
                    .append(" or exists (select 1 from customer_contact k where k.customer_id = c.id and (lower(k.name) like $")
                    .append(p).append(" or k.phone like $").append(p).append(")))");
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            sql.append(" and f.due_at <= now()");
        }
        if (filter.notTouchedDays() != null) {
            params.add(Instant.now().minus(Duration.ofDays(filter.notTouchedDays())).atOffset(java.time.ZoneOffset.UTC));
            sql.append(" and coalesce(c.last_touched_at, c.created_at) <= $").append(params.size());
        }
        if (filter.neglected()) {
            sql.append(" and c.stage <> 'LOST' and coalesce(c.last_touched_at, c.created_at)")
                    .append(" < now() - make_interval(days => 2 * coalesce(c.cadence_days_override, least(g.interval_days, s.interval_days), g.interval_days))");
        }
        boolean descending = filter.sort() == CustomerFilter.Sort.CREATED;
        if (after != null) {
            params.add(after.value());
            params.add(after.id());
            sql.append(" and (").append(sortKey).append(", c.id) ").append(descending ? "<" : ">")
                    .append(" ($").append(params.size() - 1).append(", $").append(params.size()).append(")");
        }
        String direction = descending ? " desc" : "";
        sql.append(" order by ").append(sortKey).append(direction).append(", c.id").append(direction);
        params.add(limit + 1);
        sql.append(" limit $").append(params.size());
        return this.sql.query(sql.toString(), Tuple.from(params)).map(rows -> page(rows, limit, cursorList(filter)));
    }

    /** The list a cursor belongs to: its position means something only under the same sort. */
    static String cursorList(CustomerFilter filter) {
        return "customers/" + filter.sort();
    }

    /** A customer that is not deleted, with what a visit needs: owner and time zone, location and scheduling inputs. */
    static final String SITE = """
            select c.owner_id, c.team_id, c.name, c.lat, c.lng, c.grade, c.stage, c.cadence_days_override,
                   c.last_touched_at, c.created_at, u.time_zone
            from customer c join app_user u on u.id = c.owner_id
            where c.id = $1 and c.deleted_at is null""";

    /** The customer's site read on {@code client} (a connection inside the caller's transaction); null when deleted or absent. */
    Uni<CustomerDirectory.Site> site(Statements client, UUID customerId) {
        return client.query(SITE, Tuple.of(customerId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row r = rows.iterator().next();
            String stage = r.getString("stage");
            OffsetDateTime touched = r.getOffsetDateTime("last_touched_at");
            FollowUpTarget target = new FollowUpTarget(customerId, r.getUUID("owner_id"), r.getUUID("team_id"),
                    ZoneId.of(r.getString("time_zone")), r.getString("grade"), stage, r.getInteger("cadence_days_override"),
                    touched == null ? null : touched.toInstant(), r.getOffsetDateTime("created_at").toInstant(),
                    !Customer.Stage.LOST.name().equals(stage));
            return new CustomerDirectory.Site(target, r.getString("name"), r.getDouble("lat"), r.getDouble("lng"));
        });
    }

    public Uni<Long> missedLast90Days(UUID customerId) {
        return sql.query(MISSED_90, Tuple.of(customerId)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Health of several customers (recency and discipline; the caller adds the commercial part). */
    public Uni<java.util.Map<UUID, HealthInputs>> healthInputs(java.util.Collection<UUID> ids) {
        return sql.query(HEALTH, Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Instant now = Instant.now();
            java.util.Map<UUID, HealthInputs> result = new java.util.HashMap<>();
            for (Row r : rows) {
                boolean overdue = r.getOffsetDateTime("due_at") != null && !now.isBefore(r.getOffsetDateTime("due_at").toInstant());
                result.put(r.getUUID("id"), new HealthInputs(Duration.between(r.getOffsetDateTime("touched").toInstant(), now).toDays(),
                        r.getInteger("cadence_days") == null ? 30 : r.getInteger("cadence_days"), overdue, r.getLong("missed_90")));
            }
            return result;
        });
    }

    /** What a health score is computed from. */
    public record HealthInputs(long daysSinceTouch, int intervalDays, boolean overdue, long missed90) {
    }

    public Uni<List<TimelineEntry>> timeline(UUID customerId) {
        return sql.query(TIMELINE, Tuple.of(customerId)).map(rows -> {
            List<TimelineEntry> entries = new ArrayList<>();
            for (Row r : rows) {
                entries.add(new TimelineEntry(r.getOffsetDateTime("at").toInstant(), TimelineEntry.Kind.valueOf(r.getString("kind")), r.getUUID("actor_id"),
                        r.getString("channel"), r.getString("summary"), r.getString("feedback"), r.getString("need_change"),
                        r.getString("next_action"), r.getString("from_value"), r.getString("to_value"), r.getString("reason"),
                        r.getUUID("follow_up_id")));
            }
            return entries;
        });
    }

    private static Page<CustomerSummary> page(RowSet<Row> rows, int limit, String cursorList) {
        List<Row> all = new ArrayList<>();
        rows.forEach(all::add);
        boolean more = all.size() > limit;
        List<Row> shown = more ? all.subList(0, limit) : all;
        String next = more ? new KeysetCursor(shown.get(limit - 1).getString("sort_key"), shown.get(limit - 1).getUUID("id")).encode(cursorList) : null;
        return new Page<>(shown.stream().map(CustomerQueries::summary).toList(), next);
    }

    static CustomerSummary summary(Row r) {
        Instant now = Instant.now();
        Instant touched = r.getOffsetDateTime("last_touched_at") == null ? null : r.getOffsetDateTime("last_touched_at").toInstant();
        Instant since = touched != null ? touched : r.getOffsetDateTime("created_at").toInstant();
        int cadence = r.getInteger("cadence_days") == null ? 30 : r.getInteger("cadence_days");
        boolean overdue = r.getOffsetDateTime("due_at") != null && !now.isBefore(r.getOffsetDateTime("due_at").toInstant());
        HealthScore health = HealthScore.of(Duration.between(since, now).toDays(), cadence, overdue, r.getLong("missed_90"));
        Object[] tags = r.getArrayOfStrings("tags");
        return new CustomerSummary(r.getUUID("id"), r.getString("name"), Customer.Grade.valueOf(r.getString("grade")),
                Customer.Stage.valueOf(r.getString("stage")), r.getUUID("owner_id"), r.getString("owner_name"), r.getUUID("team_id"),
                tags == null ? List.of() : java.util.Arrays.stream(tags).map(String::valueOf).toList(), r.getString("industry"),
                touched, cadence, r.getUUID("pending_id"), r.getLocalDate("due_on"), overdue, health.score(),
                r.getOffsetDateTime("deleted_at") == null ? null : r.getOffsetDateTime("deleted_at").toInstant());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
