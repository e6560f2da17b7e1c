-- The funnel and the proposal count join the daily rollup, the last two dashboard figures that were
-- read from the records every time (for a year of a 50-rep team: ~40 ms for the funnel, ~80 ms for
-- proposals, most of the year dashboard's database time; see src/bench/dashboard/README.md).
--
-- Funnel: each customer keeps the furthest stage it has reached (customer.furthest_stage, 1 initial
-- intent .. 4 won; a lost customer keeps the stage it got to), raised by its own stage changes and by
-- the STAGE rows of its history. The rollup counts, on the customer's creation day for its owner,
-- how many new customers reached high intent, key account and won; with new_customers that is the
-- funnel of any whole-day range.
--
-- Proposals: a deal counts once per period however often it enters PROPOSAL in it, which a plain
-- daily sum cannot tell. The dashboards' periods are calendar months, quarters and years, so the
-- rollup keeps three counts per rep and day: deals whose first entry into PROPOSAL in that month /
-- quarter / year fell on that day. A period's proposals are the sum of its kind's count. Every
-- change to a deal's PROPOSAL entries (added, removed, moved), to the deal's customer or to that
-- customer's owner takes the deal's share back and adds it again, so it is exact at every commit.
-- Ranges that are not a calendar month, quarter or year read the records as before.

alter table customer add column furthest_stage smallint not null default 1 check (furthest_stage between 1 and 4);

create function kpi_stage_rank(p_stage varchar) returns smallint language sql immutable as $$
    select (case p_stage when 'HIGH_INTENT' then 2 when 'KEY_ACCOUNT' then 3 when 'WON' then 4 else 1 end)::smallint
$$;

create function kpi_furthest_stage() returns trigger language plpgsql as $$
begin
    new.furthest_stage := greatest(new.furthest_stage, kpi_stage_rank(new.stage));
    return new;
end $$;
create trigger kpi_furthest_stage before insert or update of stage, furthest_stage on customer
    for each row execute function kpi_furthest_stage();

create function kpi_furthest_stage_history() returns trigger language plpgsql as $$
begin
    update customer c set furthest_stage = r.rank
    from (select customer_id, max(kpi_stage_rank(new_value)) as rank from added where field = 'STAGE' group by customer_id) r
    where c.id = r.customer_id and c.furthest_stage < r.rank;
    return null;
end $$;
create trigger kpi_furthest_stage_history after insert on customer_change referencing new table as added
    for each statement execute function kpi_furthest_stage_history();

update customer c set furthest_stage = greatest(kpi_stage_rank(c.stage),
    coalesce((select max(kpi_stage_rank(h.new_value)) from customer_change h where h.customer_id = c.id and h.field = 'STAGE'), 1));

alter table kpi_rep_day
    add column funnel_high integer not null default 0,
    add column funnel_key integer not null default 0,
    add column funnel_won integer not null default 0,
    add column proposals_month integer not null default 0,
    add column proposals_quarter integer not null default 0,
    add column proposals_year integer not null default 0;
alter table kpi_rep_day_delta
    add column funnel_high integer not null default 0,
    add column funnel_key integer not null default 0,
    add column funnel_won integer not null default 0,
    add column proposals_month integer not null default 0,
    add column proposals_quarter integer not null default 0,
    add column proposals_year integer not null default 0;

drop function kpi_rep_day_add(uuid, date, integer, integer, integer, integer, integer);
create function kpi_rep_day_add(p_user uuid, p_day date, p_visits integer, p_effective integer, p_new integer, p_due integer,
                                p_on_time integer, p_high integer default 0, p_key integer default 0, p_won integer default 0)
        returns void language sql as $$
    insert into kpi_rep_day_delta (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time,
                                   funnel_high, funnel_key, funnel_won)
    values (p_user, p_day, p_visits, p_effective, p_new, p_due, p_on_time, p_high, p_key, p_won)
$$;

-- a customer counts on its creation day for its owner, with the funnel stages it has reached
create or replace function kpi_rollup_customer() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
        perform kpi_rep_day_add(old.owner_id, kpi_day(old.created_at), 0, 0, -1, 0, 0,
                                -(old.furthest_stage >= 2)::int, -(old.furthest_stage >= 3)::int, -(old.furthest_stage >= 4)::int);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
        perform kpi_rep_day_add(new.owner_id, kpi_day(new.created_at), 0, 0, 1, 0, 0,
                                (new.furthest_stage >= 2)::int, (new.furthest_stage >= 3)::int, (new.furthest_stage >= 4)::int);
    end if;
    return null;
end $$;
drop trigger kpi_rollup_customer_update on customer;
-- (stage listed too: furthest_stage changes under a stage update by the trigger above, which a column list does not see)
create trigger kpi_rollup_customer_update after update of owner_id, created_at, deleted_at, stage, furthest_stage on customer
    for each row when (old.owner_id is distinct from new.owner_id or old.created_at is distinct from new.created_at
                       or (old.deleted_at is null) <> (new.deleted_at is null) or old.furthest_stage <> new.furthest_stage)
    execute function kpi_rollup_customer();

-- The proposal counts of the deals p_deals as their PROPOSAL entries stand now, leaving out the rows
-- p_without and adding the rows p_with_* (so a trigger can compute the state before its statement),
-- appended signed for the owner of each deal's customer now or p_owner.
create function kpi_proposals_add(p_sign integer, p_deals uuid[], p_without uuid[], p_with_ids uuid[], p_with_deals uuid[],
                                  p_with_at timestamptz[], p_owner uuid) returns void language sql as $$
    insert into kpi_rep_day_delta (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time,
                                   proposals_month, proposals_quarter, proposals_year)
    select coalesce(p_owner, c.owner_id), e.day, 0, 0, 0, 0, 0, p_sign * sum(e.m), p_sign * sum(e.q), p_sign * sum(e.y)
    from (
        select s.deal_id, kpi_day(s.at) as day,
               (row_number() over (partition by s.deal_id, date_trunc('month', kpi_day(s.at)) order by s.at, s.id) = 1)::int as m,
               (row_number() over (partition by s.deal_id, date_trunc('quarter', kpi_day(s.at)) order by s.at, s.id) = 1)::int as q,
               (row_number() over (partition by s.deal_id, date_trunc('year', kpi_day(s.at)) order by s.at, s.id) = 1)::int as y
        from (select id, deal_id, at from deal_stage_change
              where deal_id = any(p_deals) and to_stage = 'PROPOSAL' and id <> all(p_without)
              union all
              select * from unnest(p_with_ids, p_with_deals, p_with_at)) s
    ) e join deal d on d.id = e.deal_id join customer c on c.id = d.customer_id
    where e.m + e.q + e.y > 0
    group by coalesce(p_owner, c.owner_id), e.day
$$;

-- PROPOSAL entries added, removed or changed: each deal touched loses its share as it was before the
-- statement and gains it as it is now
create function kpi_rollup_proposals() returns trigger language plpgsql as $$
declare
    deals uuid[];
    without uuid[] := '{}';
    was_ids uuid[] := '{}';
    was_deals uuid[] := '{}';
    was_at timestamptz[] := '{}';
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct deal_id), array_agg(id) into deals, without from added where to_stage = 'PROPOSAL';
    elsif tg_op = 'DELETE' then
        select array_agg(distinct deal_id), array_agg(id), array_agg(deal_id), array_agg(at) into deals, was_ids, was_deals, was_at
        from removed where to_stage = 'PROPOSAL';
    else
        select array_agg(id), array_agg(deal_id), array_agg(at) into was_ids, was_deals, was_at from removed where to_stage = 'PROPOSAL';
        select array_agg(id) into without from added;
        select array_agg(distinct deal_id) into deals from (
            select deal_id from removed where to_stage = 'PROPOSAL' union select deal_id from added where to_stage = 'PROPOSAL') t;
    end if;
    if deals is not null then
        perform kpi_proposals_add(-1, deals, coalesce(without, '{}'), coalesce(was_ids, '{}'), coalesce(was_deals, '{}'),
                                  coalesce(was_at, '{}'), null);
        perform kpi_proposals_add(1, deals, '{}', '{}', '{}', '{}', null);
    end if;
    return null;
end $$;
create trigger kpi_rollup_proposals_insert after insert on deal_stage_change referencing new table as added
    for each statement execute function kpi_rollup_proposals();
create trigger kpi_rollup_proposals_delete after delete on deal_stage_change referencing old table as removed
    for each statement execute function kpi_rollup_proposals();
create trigger kpi_rollup_proposals_update after update on deal_stage_change referencing old table as removed new table as added
    for each statement execute function kpi_rollup_proposals();

-- a deal deleted takes its share along before its entries go (they no longer find the deal then);
-- a deal moved to another customer moves it to that customer's owner
create function kpi_rollup_proposals_deal() returns trigger language plpgsql as $$
begin
    perform kpi_proposals_add(-1, array[old.id], '{}', '{}', '{}', '{}', (select owner_id from customer where id = old.customer_id));
    if tg_op = 'UPDATE' then
        perform kpi_proposals_add(1, array[new.id], '{}', '{}', '{}', '{}', null);
        return null;
    end if;
    return old;
end $$;
create trigger kpi_rollup_proposals_deal_delete before delete on deal for each row execute function kpi_rollup_proposals_deal();
create trigger kpi_rollup_proposals_deal_update after update of customer_id on deal
    for each row when (old.customer_id is distinct from new.customer_id) execute function kpi_rollup_proposals_deal();

-- a customer handed to another rep takes its deals' proposals along
create function kpi_rollup_proposals_customer() returns trigger language plpgsql as $$
declare
    deals uuid[] := array(select id from deal where customer_id = new.id);
begin
    if cardinality(deals) > 0 then
        perform kpi_proposals_add(-1, deals, '{}', '{}', '{}', '{}', old.owner_id);
        perform kpi_proposals_add(1, deals, '{}', '{}', '{}', '{}', new.owner_id);
    end if;
    return null;
end $$;
create trigger kpi_rollup_proposals_customer after update of owner_id on customer
    for each row when (old.owner_id is distinct from new.owner_id) execute function kpi_rollup_proposals_customer();

create or replace function kpi_rollup_compact() returns integer language plpgsql as $$
declare
    folded integer;
    money integer;
begin
    if not pg_try_advisory_xact_lock(hashtext('kpi_rollup_compact')) then
        return 0;
    end if;
    with moved as (delete from kpi_rep_day_delta returning *)
    insert into kpi_rep_day (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time,
                             funnel_high, funnel_key, funnel_won, proposals_month, proposals_quarter, proposals_year)
    select m.user_id, m.day, sum(m.visits), sum(m.effective_visits), sum(m.new_customers), sum(m.follow_ups_due), sum(m.follow_ups_on_time),
           sum(m.funnel_high), sum(m.funnel_key), sum(m.funnel_won), sum(m.proposals_month), sum(m.proposals_quarter), sum(m.proposals_year)
    from moved m join app_user u on u.id = m.user_id
    group by m.user_id, m.day
    on conflict (user_id, day) do update set
        visits = kpi_rep_day.visits + excluded.visits,
        effective_visits = kpi_rep_day.effective_visits + excluded.effective_visits,
        new_customers = kpi_rep_day.new_customers + excluded.new_customers,
        follow_ups_due = kpi_rep_day.follow_ups_due + excluded.follow_ups_due,
        follow_ups_on_time = kpi_rep_day.follow_ups_on_time + excluded.follow_ups_on_time,
        funnel_high = kpi_rep_day.funnel_high + excluded.funnel_high,
        funnel_key = kpi_rep_day.funnel_key + excluded.funnel_key,
        funnel_won = kpi_rep_day.funnel_won + excluded.funnel_won,
        proposals_month = kpi_rep_day.proposals_month + excluded.proposals_month,
        proposals_quarter = kpi_rep_day.proposals_quarter + excluded.proposals_quarter,
        proposals_year = kpi_rep_day.proposals_year + excluded.proposals_year;
    get diagnostics folded = row_count;
    with moved as (delete from kpi_rep_money_day_delta returning *)
    insert into kpi_rep_money_day (user_id, day, currency, won, won_amount, lost, due_amount, due_collected, received, settled,
                                   settled_days_late)
    select m.user_id, m.day, m.currency, sum(m.won), sum(m.won_amount), sum(m.lost), sum(m.due_amount), sum(m.due_collected),
           sum(m.received), sum(m.settled), sum(m.settled_days_late)
    from moved m join app_user u on u.id = m.user_id
    group by m.user_id, m.day, m.currency
    on conflict (user_id, day, currency) do update set
        won = kpi_rep_money_day.won + excluded.won,
        won_amount = kpi_rep_money_day.won_amount + excluded.won_amount,
        lost = kpi_rep_money_day.lost + excluded.lost,
        due_amount = kpi_rep_money_day.due_amount + excluded.due_amount,
        due_collected = kpi_rep_money_day.due_collected + excluded.due_collected,
        received = kpi_rep_money_day.received + excluded.received,
        settled = kpi_rep_money_day.settled + excluded.settled,
        settled_days_late = kpi_rep_money_day.settled_days_late + excluded.settled_days_late;
    get diagnostics money = row_count;
    return folded + money;
end $$;

-- the records already there
insert into kpi_rep_day_delta (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time,
                               funnel_high, funnel_key, funnel_won)
select owner_id, kpi_day(created_at), 0, 0, 0, 0, 0, count(*) filter (where furthest_stage >= 2),
       count(*) filter (where furthest_stage >= 3), count(*) filter (where furthest_stage >= 4)
from customer where deleted_at is null and furthest_stage >= 2 group by 1, 2;
select kpi_proposals_add(1, array(select distinct deal_id from deal_stage_change where to_stage = 'PROPOSAL'), '{}', '{}', '{}', '{}', null);
select kpi_rollup_compact();
