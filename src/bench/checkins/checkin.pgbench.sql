-- The check-in transaction straight to PostgreSQL, with as few round trips as the work allows:
-- read the customer (scope and location), complete its pending follow-up as a visit, schedule
-- the next one, touch the customer, insert the check-in, NOTIFY the live feed, publish the
-- checkin.created webhook event (a probe when no endpoint subscribed), commit.
-- Each client takes its own slice of the sites (n = client_id + clients * k), so that no two
-- clients ever check in at the same customer at once, as the wrk script never does either.
-- pgbench -D: clients, per_client (sites / clients).
\set k random(0, :per_client - 1)
\set n :client_id + :clients * :k
BEGIN;
select c.id as cid, c.owner_id as owner, c.team_id as team, c.lat as clat, c.lng as clng
  from customer c where c.id = (select customer_id from bench_site where n = :n) \gset
update follow_up set status = 'DONE', channel = 'VISIT', done_at = now() - interval '1 minute',
       summary = '演示了新款设备，客户要求报价', updated_at = now(), version = version + 1
 where customer_id = :cid and status in ('OPEN', 'SNOOZED') returning id as fid \gset
update customer set last_touched_at = now() - interval '1 minute', updated_at = now(), version = version + 1 where id = :cid;
insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by, created_at, updated_at)
values (gen_random_uuid(), :cid, :owner, :team, current_date + 7, (current_date + 8)::timestamp at time zone 'Asia/Shanghai',
        'VISIT', 'OPEN', 'CADENCE', now(), now());
insert into check_in (id, user_id, team_id, customer_id, client_time, received_at, lat, lng, accuracy_m, fix_age_s,
                      distance_m, verdict, purpose, outcome, follow_up_id, request_hash)
values (gen_random_uuid(), :owner, :team, :cid, now() - interval '1 minute', now(), :clat + 0.0001, :clng + 0.0001, 18, 5,
        14.2, 'VERIFIED', 'FOLLOW_UP', '演示了新款设备，客户要求报价', :fid, sha256(convert_to(:cid, 'UTF8')));
select pg_notify('canvass_checkins', :cid);
-- checkin.created for webhooks (WebhookEvents.publish): stored only if an endpoint subscribed
with subscriber as (
    select e.id from webhook_endpoint e
    where e.active and e.event_types @> array['checkin.created'::varchar] and (e.team_ids is null or :team::uuid = any(e.team_ids))
), event as (
    insert into webhook_event (id, type, team_id, payload)
    select gen_random_uuid(), 'checkin.created', :team::uuid, '{"verdict":"VERIFIED"}'::jsonb
    where exists (select 1 from subscriber)
    returning id
)
insert into webhook_delivery (id, event_id, endpoint_id)
select gen_random_uuid(), event.id, subscriber.id from event, subscriber;
COMMIT;
