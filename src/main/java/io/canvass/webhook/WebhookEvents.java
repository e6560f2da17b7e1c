package io.canvass.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.platform.Ids;
import io.canvass.platform.Statements;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The one way features emit webhook events. Call {@link #publish} inside the Hibernate Reactive
 * transaction that makes the change (or {@link #publish(SqlClient, List, List)} inside a Vert.x
 * SQL transaction): the event and one pending delivery per subscribed, active endpoint are
 * written by one statement in that transaction, so an event exists if and only if its change
 * committed. The dispatcher sends them afterwards. With no subscriber nothing is written.
 *
 * <pre>{@code
 * return customers.persist(c)
 *         .call(() -> webhooks.publish(c.teamId, new WebhookPayloads.CustomerCreated(...)));
 * }</pre>
 */
@ApplicationScoped
public class WebhookEvents {

    /** Stores the event only if some active endpoint wants it (type filter and team scope), and fans it out. */
    static final String PUBLISH_NATIVE = """
            with subscriber as (
                select e.id from webhook_endpoint e
                where e.active and e.event_types @> array[cast(:type as varchar)]
                  and (e.team_ids is null or cast(:team as uuid) = any(e.team_ids))
            ), event as (
                insert into webhook_event (id, type, team_id, payload)
                select cast(:id as uuid), :type, cast(:team as uuid), cast(cast(:payload as text) as jsonb)
                where exists (select 1 from subscriber)
                returning id
            )
            insert into webhook_delivery (id, event_id, endpoint_id)
            select uuid_v7(), event.id, subscriber.id from event, subscriber""";

    /** The same for many events at once (types, ids, teams and payloads as arrays, one element per event). */
    static final String PUBLISH_MANY = """
            with input as (
                select * from unnest($1::varchar[], $2::uuid[], $3::uuid[], $4::text[]) as i(type, id, team, payload)
            ), pairs as (
                select i.type, i.id, i.team, i.payload, e.id as endpoint_id from input i
                join webhook_endpoint e on e.active and e.event_types @> array[i.type]
                 and (e.team_ids is null or i.team = any(e.team_ids))
            ), event as (
                insert into webhook_event (id, type, team_id, payload)
                select distinct on (id) id, type, team, payload::jsonb from pairs
                returning id
            )
            insert into webhook_delivery (id, event_id, endpoint_id)
            select uuid_v7(), p.id, p.endpoint_id from pairs p join event on event.id = p.id""";

    @Inject
    ObjectMapper json;

    /**
     * Emits an event inside the current Hibernate Reactive transaction.
     *
     * @param teamId the team the record belongs to (endpoints of team-scoped integrations only get their teams' events)
     * @param payload a record declared in {@link WebhookEventType}
     */
    public Uni<Void> publish(UUID teamId, Record payload) {
        WebhookEventType type = WebhookEventType.of(payload);
        String body = write(payload);
        return Panache.getSession().chain(session -> session.createNativeQuery(PUBLISH_NATIVE)
                .setParameter("id", Ids.newId().toString())
                .setParameter("type", type.type())
                .setParameter("team", teamId == null ? null : teamId.toString())
                .setParameter("payload", body)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Emits events, of one type or several, with one statement in the transaction of {@code tx}
     * (bulk jobs such as the missed-follow-up sweep, and a check-in with the follow-up it completes).
     *
     * @param teamIds the team of each event, in the order of {@code payloads}
     */
    public Uni<Void> publish(Statements tx, List<UUID> teamIds, List<? extends Record> payloads) {
        if (payloads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] types = new String[payloads.size()];
        UUID[] ids = new UUID[payloads.size()];
        String[] bodies = new String[payloads.size()];
        for (int i = 0; i < payloads.size(); i++) {
            types[i] = WebhookEventType.of(payloads.get(i)).type();
            ids[i] = Ids.newId();
            bodies[i] = write(payloads.get(i));
        }
        return tx.query(PUBLISH_MANY, Tuple.of(types, ids, teamIds.toArray(UUID[]::new), bodies))
                .replaceWithVoid();
    }

    private String write(Record payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a webhook payload", e);
        }
    }
}
