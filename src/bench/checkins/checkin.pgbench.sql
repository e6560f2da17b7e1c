-- The check-in transaction straight to PostgreSQL, statement for statement what the app sends
-- (io.canvass.checkin.CheckInRecorder): BEGIN; read the customer's site with its owner's time
-- zone; one statement that completes the pending follow-up as a visit, schedules the next one,
-- touches the customer, inserts the check-in and NOTIFYs the live feed; one statement that
-- publishes followup.completed and checkin.created for webhooks (nothing is stored when no
-- endpoint subscribed); COMMIT. What the app computes in Java (verdict, distance, next due day
-- from the cadence) is given here as constants of the same types.
-- Each client takes its own slice of the sites (n = client_id + clients * k), so that no two
-- clients ever check in at the same customer at once, as the wrk script never does either.
-- pgbench -D: clients, per_client (sites / clients).
\set k random(0, :per_client - 1)
\set n :client_id + :clients * :k
BEGIN;
select s.customer_id as cid, c.owner_id as owner, c.team_id as team, c.name, c.lat as clat, c.lng as clng, c.grade, c.stage,
       c.cadence_days_override, c.last_touched_at, c.created_at, u.time_zone
  from bench_site s join customer c on c.id = s.customer_id join app_user u on u.id = c.owner_id
 where s.n = :n and c.deleted_at is null \gset
with visit as (
    select :cid::uuid as customer_id, :owner::uuid as owner_id, :team::uuid as team_id,
           (now() - interval '1 minute')::timestamptz as done_at, '演示了新款设备，客户要求报价'::varchar as summary,
           null::varchar as next_action, null::date as next_action_due, gen_random_uuid() as next_id,
           (current_date + 7)::date as next_due_on, ((current_date + 8)::timestamp at time zone 'Asia/Shanghai')::timestamptz as next_due_at,
           'CADENCE'::varchar as next_scheduled_by
), completed as (
    update follow_up f set status = 'DONE', channel = 'VISIT', done_at = v.done_at, summary = v.summary,
           feedback = null, need_change = null, next_action = v.next_action, next_action_due = v.next_action_due,
           updated_at = now(), version = f.version + 1
    from visit v
    where f.customer_id = v.customer_id and f.status in ('OPEN', 'SNOOZED')
    returning f.id, f.owner_id, f.team_id
), scheduled as (
    insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by)
    select v.next_id, v.customer_id, v.owner_id, v.team_id, v.next_due_on, v.next_due_at, 'VISIT', 'OPEN', v.next_scheduled_by
    from visit v, completed
), touched as (
    update customer c set last_touched_at = v.done_at, updated_at = now(), version = c.version + 1
    from visit v
    where c.id = v.customer_id and (c.last_touched_at is null or c.last_touched_at < v.done_at)
), recorded as (
    insert into check_in (id, user_id, team_id, customer_id, client_time, received_at, lat, lng, accuracy_m, fix_age_s,
                          distance_m, verdict, unverified_reason, purpose, notes, outcome, next_action, next_action_due,
                          follow_up_id, request_hash)
    select gen_random_uuid(), :owner::uuid, v.team_id, v.customer_id, v.done_at, now(), :clat + 0.0001, :clng + 0.0001,
           18::float8, 5::int4, 14.2::float8, 'VERIFIED'::varchar, null::varchar, 'FOLLOW_UP'::varchar, null::varchar,
           '演示了新款设备，客户要求报价'::varchar, v.next_action, v.next_action_due, (select id from completed),
           sha256(convert_to(:cid, 'UTF8'))
    from visit v
    returning id, seq
)
select r.seq, c.id as follow_up_id, c.owner_id, c.team_id, pg_notify('canvass_checkins', r.id::text)
from recorded r left join completed c on true \gset
-- WebhookEvents.publish: both events in one statement, stored only if an endpoint subscribed
with input as (
    select * from unnest(array['followup.completed', 'checkin.created']::varchar[], array[gen_random_uuid(), gen_random_uuid()],
                         array[:team::uuid, :team::uuid], array['{"channel":"VISIT"}', '{"verdict":"VERIFIED"}']::text[])
                  as i(type, id, team, payload)
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
select uuid_v7(), p.id, p.endpoint_id from pairs p join event on event.id = p.id;
COMMIT;
