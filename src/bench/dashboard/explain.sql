-- The team dashboard's statements for the benchmark team and year, each under EXPLAIN ANALYZE
-- (run by run.sh after the seed; copies of KpiQueries' statements with the parameters filled in).
-- psql variable: year. Prints each statement's label and plan.
\set ON_ERROR_STOP on
select array_agg(u.id)::text as reps from app_user u join team t on t.id = u.team_id
where t.name = 'Bench dashboard' and u.role = 'REP' \gset
select (make_date(:year, 1, 1)::timestamp at time zone 'Asia/Shanghai')::text as t_from,
       (make_date(:year + 1, 1, 1)::timestamp at time zone 'Asia/Shanghai')::text as t_to,
       make_date(:year, 1, 1)::text as d_from, make_date(:year + 1, 1, 1)::text as d_to \gset

\echo '### month rows (visits, effective visits, new customers and their funnel, follow-ups, proposals of the year)'
explain (analyze, buffers, costs off)
select user_id, sum(visits), sum(effective_visits), sum(new_customers),
       coalesce(sum(follow_ups_due) filter (where day < current_date), 0), coalesce(sum(follow_ups_on_time) filter (where day < current_date), 0),
       sum(funnel_high), sum(funnel_key), sum(funnel_won), sum(proposals_month), sum(proposals_quarter), sum(proposals_year)
from kpi_rep_month where user_id = any(:'reps'::uuid[]) and day >= :'d_from'::date and day < :'d_to'::date group by user_id;

\echo '### day rows: weekly trend'
explain (analyze, buffers, costs off)
select date_trunc('week', day)::date, sum(effective_visits), sum(new_customers)
from kpi_rep_day where user_id = any(:'reps'::uuid[]) and day >= :'d_from'::date and day < :'d_to'::date
group by 1 having sum(effective_visits) > 0 or sum(new_customers) > 0 order by 1;

\echo '### money month rows (deals closed, instalments due and settled, payments received)'
explain (analyze, buffers, costs off)
select user_id, currency, sum(won), sum(won_amount), sum(lost), sum(due_amount), sum(due_collected), sum(received),
       sum(settled), sum(settled_days_late)
from kpi_rep_money_month where user_id = any(:'reps'::uuid[]) and day >= :'d_from'::date and day < :'d_to'::date
group by user_id, currency;

\echo '### records: visits (the path without the rollup)'
explain (analyze, buffers, costs off)
select user_id, count(*), count(*) filter (where verdict = 'VERIFIED') from check_in
where user_id = any(:'reps'::uuid[]) and client_time >= :'t_from'::timestamptz and client_time < :'t_to'::timestamptz group by user_id;

\echo '### records: weekly trend (the path without the rollup)'
explain (analyze, buffers, costs off)
select wk, sum(effective), sum(created) from (
    select date_trunc('week', client_time at time zone 'Asia/Shanghai')::date as wk, count(*) as effective, 0 as created
    from check_in where user_id = any(:'reps'::uuid[]) and client_time >= :'t_from'::timestamptz and client_time < :'t_to'::timestamptz and verdict = 'VERIFIED'
    group by 1
    union all
    select date_trunc('week', created_at at time zone 'Asia/Shanghai')::date, 0, count(*)
    from customer where owner_id = any(:'reps'::uuid[]) and deleted_at is null and created_at >= :'t_from'::timestamptz and created_at < :'t_to'::timestamptz
    group by 1
) t group by wk order by wk;

\echo '### lead pool and grades'
explain (analyze, buffers, costs off)
select owner_id, count(*) filter (where stage in ('INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT')),
       count(*) filter (where stage in ('INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT') and last_touched_at >= now() - make_interval(days => 30)),
       count(*) filter (where grade = 'A'), count(*) filter (where grade = 'B'), count(*) filter (where grade = 'C')
from customer where owner_id = any(:'reps'::uuid[]) and deleted_at is null group by owner_id;

\echo '### records: funnel (the path without the rollup)'
explain (analyze, buffers, costs off)
with cohort as (
    select c.id, c.owner_id, c.stage from customer c
    where c.owner_id = any(:'reps'::uuid[]) and c.deleted_at is null and c.created_at >= :'t_from'::timestamptz and c.created_at < :'t_to'::timestamptz
), reached as materialized (
    select k.owner_id, greatest(kpi_stage_rank(k.stage),
        coalesce((select max(kpi_stage_rank(ch.new_value)) from customer_change ch where ch.customer_id = k.id and ch.field = 'STAGE'), 1)) as rank
    from cohort k
)
select owner_id, count(*), count(*) filter (where rank >= 2), count(*) filter (where rank >= 3), count(*) filter (where rank >= 4)
from reached group by owner_id;

\echo '### records: deals closed'
explain (analyze, buffers, costs off)
select c.owner_id, d.stage, d.currency, count(*), sum(d.amount)
from deal d join customer c on c.id = d.customer_id
where c.owner_id = any(:'reps'::uuid[]) and d.closed_at >= :'t_from'::timestamptz and d.closed_at < :'t_to'::timestamptz and d.stage in ('WON', 'LOST')
group by c.owner_id, d.stage, d.currency;

\echo '### records: proposals (ranges other than a calendar month, quarter or year)'
explain (analyze, buffers, costs off)
select c.owner_id, count(distinct s.deal_id)
from deal_stage_change s join deal d on d.id = s.deal_id join customer c on c.id = d.customer_id
where c.owner_id = any(:'reps'::uuid[]) and s.to_stage = 'PROPOSAL' and s.at >= :'t_from'::timestamptz and s.at < :'t_to'::timestamptz
group by c.owner_id;

\echo '### records: instalments due'
explain (analyze, buffers, costs off)
select c.owner_id, i.currency, sum(i.amount), sum(i.collected)
from instalment i join contract k on k.id = i.contract_id and k.status <> 'DRAFT' join customer c on c.id = k.customer_id
where c.owner_id = any(:'reps'::uuid[]) and i.due_on >= :'d_from'::date and i.due_on < :'d_to'::date
group by c.owner_id, i.currency;

\echo '### records: payments received'
explain (analyze, buffers, costs off)
select c.owner_id, p.currency, sum(p.amount)
from payment p join contract k on k.id = p.contract_id join customer c on c.id = k.customer_id
where c.owner_id = any(:'reps'::uuid[]) and p.received_on >= :'d_from'::date and p.received_on < :'d_to'::date
group by c.owner_id, p.currency;

\echo '### records: instalments settled'
explain (analyze, buffers, costs off)
select c.owner_id, count(*), sum(greatest(i.paid_on - i.due_on, 0))
from instalment i join contract k on k.id = i.contract_id and k.status <> 'DRAFT' join customer c on c.id = k.customer_id
where c.owner_id = any(:'reps'::uuid[]) and i.paid_on >= :'d_from'::date and i.paid_on < :'d_to'::date
group by c.owner_id;
