-- One event per transaction, the statement WebhookEvents.publish runs inside a feature's
-- transaction (event + one delivery per subscribed endpoint), paced by pgbench -R.
BEGIN;
with subscriber as (
    select e.id from webhook_endpoint e
    where e.active and e.event_types @> array['checkin.created'::varchar] and e.team_ids is null
), event as (
    insert into webhook_event (id, type, team_id, payload)
    select uuid_v7(), 'checkin.created', null,
           jsonb_build_object('checkInId', gen_random_uuid(), 'verdict', 'VERIFIED', 'purpose', 'DEMO')
    where exists (select 1 from subscriber)
    returning id
)
insert into webhook_delivery (id, event_id, endpoint_id)
select uuid_v7(), event.id, subscriber.id from event, subscriber;
COMMIT;
