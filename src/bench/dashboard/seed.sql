-- Benchmark data set for the team dashboard: one team of 50 reps and its manager, a year of work:
-- 10,000 customers (with stage history), 200,000 check-ins, 50,000 settled follow-ups, approved
-- rep targets for every month, and 50,000 deals when the deal table exists. Run by run.sh after
-- Flyway created the schema.
--
-- psql variables: admin_email (its bcrypt hash is copied to the benchmark users), year.
\set ON_ERROR_STOP on
\timing on

select setseed(0.42);

insert into team (id, name, kind) values (uuid_v7(), 'Bench dashboard', 'REGION');
create temp table bench_team as select id from team where name = 'Bench dashboard';

insert into app_user (id, email, display_name, password_hash, role, team_id, time_zone, locale)
select uuid_v7(), 'manager@dash.bench.canvass.io', 'Bench manager',
       (select password_hash from app_user where lower(email) = lower(:'admin_email')), 'MANAGER', t.id, 'Asia/Shanghai', 'zh-CN'
from bench_team t;
insert into team_manager (team_id, user_id) select team_id, id from app_user where email = 'manager@dash.bench.canvass.io';

insert into app_user (id, email, display_name, password_hash, role, team_id, time_zone, locale, created_at)
select uuid_v7(), format('rep%s@dash.bench.canvass.io', lpad((r + 1)::text, 2, '0')), format('销售 %s', r + 1),
       (select password_hash from app_user where lower(email) = lower(:'admin_email')), 'REP', t.id, 'Asia/Shanghai', 'zh-CN',
       now() - interval '2 years'
from generate_series(0, 49) r cross join bench_team t;

create temp table bench_rep as
select id, team_id, row_number() over (order by email) - 1 as k from app_user where email like 'rep%@dash.bench.canvass.io';

create temp table bench_year as select make_date(:year, 1, 1)::timestamptz as start;

-- 200 customers per rep, created through the year
create temp table bench_customer as
select n, uuid_v7() as id, r.id as owner_id, r.team_id,
       (array['A', 'B', 'B', 'C', 'C'])[1 + floor(random() * 5)::int] as grade,
       (array['INITIAL_INTENT', 'INITIAL_INTENT', 'HIGH_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT', 'WON', 'LOST'])[1 + floor(random() * 7)::int] as stage,
       (select start from bench_year) + interval '1 second' * floor(random() * 365 * 86400) as created_at
from generate_series(0, 9999) n join bench_rep r on r.k = n % 50;

create index on bench_customer (n);
analyze bench_customer;

insert into customer (id, name, owner_id, team_id, grade, stage, lost_reason, created_at, last_touched_at)
select id, '客户 ' || n, owner_id, team_id, grade, stage, case when stage = 'LOST' then '预算取消' end, created_at,
       created_at + interval '1 day' * floor(random() * 60)
from bench_customer;

-- stage history: each customer past initial intent moved up from it
insert into customer_change (id, customer_id, at, field, old_value, new_value)
select uuid_v7(), id, created_at + interval '7 days', 'STAGE', 'INITIAL_INTENT', case when stage = 'LOST' then 'HIGH_INTENT' else stage end
from bench_customer where stage <> 'INITIAL_INTENT';

-- 200,000 check-ins, 4,000 per rep, at the rep's own customers, 80 % verified
insert into check_in (id, user_id, team_id, customer_id, client_time, received_at, verdict, unverified_reason, purpose, request_hash)
select uuid_v7(), c.owner_id, c.team_id, c.id, t, t, case when v < 0.8 then 'VERIFIED' else 'UNVERIFIED' end,
       case when v < 0.8 then null else 'TOO_FAR' end, 'FOLLOW_UP', '\x00'
from (
    select (g::bigint * 7919 % 10000)::int as cn,
           (select start from bench_year) + interval '1 second' * floor(random() * 365 * 86400) as t,
           random() as v
    from generate_series(0, 199999) g
) x join bench_customer c on c.n = x.cn;

-- 50,000 settled follow-ups
insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by, done_at)
select uuid_v7(), c.id, c.owner_id, c.team_id, d::date, d, 'CALL', case when s < 0.85 then 'DONE' else 'MISSED' end, 'CADENCE',
       case when s < 0.85 then d - interval '1 hour' + interval '1 day' * (s < 0.2)::int end
from (
    select (g::bigint * 104729 % 10000)::int as cn, (select start from bench_year) + interval '1 second' * floor(random() * 365 * 86400) as d, random() as s
    from generate_series(0, 49999) g
) x join bench_customer c on c.n = x.cn;

-- approved monthly targets for every rep
insert into target (id, period_kind, period_start, period_end, level, team_id, user_id, metric, value, status)
select uuid_v7(), 'MONTH', m, (m + interval '1 month')::date, 'REP', r.team_id, r.id, metric, v, 'APPROVED'
from bench_rep r
cross join (select make_date(:year, k, 1) as m from generate_series(1, 12) k) months
cross join (values ('EFFECTIVE_VISITS', 280), ('NEW_CUSTOMERS', 17)) as mt(metric, v);
insert into target (id, period_kind, period_start, period_end, level, team_id, user_id, metric, value, status)
select uuid_v7(), 'YEAR', make_date(:year, 1, 1), make_date(:year + 1, 1, 1), 'REP', r.team_id, r.id, 'EFFECTIVE_VISITS', 3300, 'APPROVED'
from bench_rep r;

-- 50,000 deals (closed through the year) with their stage history: created in a stage, most of
-- them put to the customer as a proposal, the closed ones won or lost
create temp table bench_deal as
select uuid_v7() as id, c.id as customer_id, g, round((1000 + random() * 99000)::numeric, 2) as amount, st,
       case when st in ('WON', 'LOST') then t end as closed_at, t - interval '30 days' as created_at, random() < 0.7 as proposed
from (
    select g, (g::bigint * 7927 % 10000)::int as cn,
           (array['PROPOSAL', 'NEGOTIATION', 'WON', 'WON', 'LOST'])[1 + floor(random() * 5)::int] as st,
           (select start from bench_year) + interval '1 second' * floor(random() * 365 * 86400) as t
    from generate_series(0, 49999) g
) x join bench_customer c on c.n = x.cn;

insert into deal (id, customer_id, name, amount, currency, stage, lost_reason, closed_at, created_at)
select id, customer_id, '商机 ' || g, amount, 'CNY', st, case when st = 'LOST' then '价格' end, closed_at, created_at from bench_deal;

insert into deal_stage_change (id, deal_id, at, from_stage, to_stage)
select uuid_v7(), id, created_at, null, case when proposed or st = 'PROPOSAL' then 'PROPOSAL' else 'NEEDS_ANALYSIS' end from bench_deal;
insert into deal_stage_change (id, deal_id, at, from_stage, to_stage)
select uuid_v7(), id, created_at + interval '10 days', case when proposed then 'PROPOSAL' else 'NEEDS_ANALYSIS' end, 'NEGOTIATION'
from bench_deal where st <> 'PROPOSAL';
insert into deal_stage_change (id, deal_id, at, from_stage, to_stage)
select uuid_v7(), id, closed_at, 'NEGOTIATION', st from bench_deal where st in ('WON', 'LOST');

-- a contract for every other won deal, paid in four quarterly instalments; those due before the
-- year's last month mostly paid (some late), the rest open
create temp table bench_contract as
select uuid_v7() as id, d.id as deal_id, d.customer_id, d.amount, d.closed_at::date as starts_on, d.g
from bench_deal d where d.st = 'WON' and d.g % 2 = 0;

insert into contract (id, customer_id, deal_id, number, value, currency, starts_on, ends_on, status, renewal_state)
select id, customer_id, deal_id, 'BENCH-' || g, amount, 'CNY', starts_on, starts_on + 364, 'ACTIVE', 'NONE' from bench_contract;

create temp table bench_instalment as
select uuid_v7() as id, k.id as contract_id, p as position, k.starts_on + (p - 1) * 91 as due_on, round(k.amount / 4, 2) as amount,
       random() as r
from bench_contract k cross join generate_series(1, 4) p;

insert into instalment (id, contract_id, position, due_on, amount, currency, collected, paid_on)
select id, contract_id, position, due_on, amount, 'CNY',
       case when due_on < make_date(:year, 12, 1) and r < 0.85 then amount else 0 end,
       case when due_on < make_date(:year, 12, 1) and r < 0.85 then due_on + (floor(r * 40) - 10)::int end
from bench_instalment;

insert into payment (id, instalment_id, contract_id, amount, currency, received_on)
select uuid_v7(), id, contract_id, amount, 'CNY', paid_on from instalment i
where paid_on is not null and contract_id in (select id from bench_contract);

-- approved revenue, collections and deals-won targets for every rep and month
insert into target (id, period_kind, period_start, period_end, level, team_id, user_id, metric, value, currency, status)
select uuid_v7(), 'MONTH', m, (m + interval '1 month')::date, 'REP', r.team_id, r.id, metric, v, cur, 'APPROVED'
from bench_rep r
cross join (select make_date(:year, k, 1) as m from generate_series(1, 12) k) months
cross join (values ('REVENUE', 4000000, 'CNY'), ('COLLECTIONS', 1500000, 'CNY'), ('DEALS_WON', 35, null)) as mt(metric, v, cur);
