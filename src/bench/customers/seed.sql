-- Benchmark data set: 5 teams, 5 managers, 50 reps x 2,000 customers = 100,000 customers,
-- and exactly 1,000,000 follow-ups: one pending (OPEN/SNOOZED) per active customer, the rest
-- DONE/MISSED history spread over two years. Run by run.sh after Flyway created the schema.
--
-- psql variables: admin_email (the bootstrapped admin; its bcrypt hash is copied to every
-- benchmark user, so they all log in with the admin's password).
\set ON_ERROR_STOP on
\timing on

select setseed(0.42);

-- Today in the reps' time zone: the agenda's "today", and what "overdue" is measured from.
create temp table bench_day as select (now() at time zone 'Asia/Shanghai')::date as today;

insert into team (id, name, kind)
select uuid_v7(), 'Bench ' || t, 'REGION'
from unnest(array['East', 'North', 'South', 'West', 'Central']) as t;

create temp table bench_team as
select id, row_number() over (order by name) - 1 as k from team where name like 'Bench %';

-- One manager per team, ten reps per team.
insert into app_user (id, email, display_name, password_hash, role, team_id, time_zone, locale)
select uuid_v7(), format('manager%s@bench.canvass.io', t.k + 1), format('Bench manager %s', t.k + 1),
       (select password_hash from app_user where lower(email) = lower(:'admin_email')),
       'MANAGER', t.id, 'Asia/Shanghai', 'zh-CN'
from bench_team t;
insert into team_manager (team_id, user_id)
select u.team_id, u.id from app_user u where u.email like 'manager%@bench.canvass.io';

insert into app_user (id, email, display_name, password_hash, role, team_id, time_zone, locale)
select uuid_v7(), format('rep%s@bench.canvass.io', lpad((r + 1)::text, 2, '0')), format('销售 %s', r + 1),
       (select password_hash from app_user where lower(email) = lower(:'admin_email')),
       'REP', t.id, 'Asia/Shanghai', case when r % 5 = 0 then 'en' else 'zh-CN' end
from generate_series(0, 49) r
join bench_team t on t.k = r / 10;

create temp table bench_rep as
select id, team_id, row_number() over (order by email) - 1 as k from app_user where email like 'rep%@bench.canvass.io';

-- Customers: rep k owns customers n with n % 50 = k, so each rep's customers are spread over
-- the whole id range, as when all reps add customers over time. Ids are drawn in n order (the CTE
-- holds volatile calls, so it is materialized in generate_series order) and created_at grows with
-- n, so newest id = newest customer, as with the application's time-ordered ids.
create temp table bench_customer as
with raw as (
    select n, uuid_v7() as id, random() as r_grade, random() as r_stage, random() as r_deleted,
           random() as r_tags, random() as r_geo, random() as r_override
    from generate_series(0, 99999) n
)
select n,
       raw.id,
       rep.id as owner_id,
       rep.team_id,
       case when r_grade < 0.15 then 'A' when r_grade < 0.50 then 'B' else 'C' end as grade,
       case when r_stage < 0.35 then 'INITIAL_INTENT' when r_stage < 0.60 then 'HIGH_INTENT'
            when r_stage < 0.70 then 'KEY_ACCOUNT' when r_stage < 0.90 then 'WON' else 'LOST' end as stage,
       case when r_deleted < 0.01 then now() - interval '1 day' * (1 + floor(r_deleted * 3000)) end as deleted_at,
       now() - interval '1 day' * (30 + (99999 - n) * 700.0 / 100000) as created_at,
       r_tags, r_geo,
       case when r_override < 0.02 then 5 + floor(r_override * 750)::int end as cadence_days_override
from raw
join bench_rep rep on rep.k = raw.n % 50;

alter table bench_customer add column cadence int, add column miss_after int;
update bench_customer b set
    cadence = coalesce(b.cadence_days_override, least(g.interval_days, s.interval_days), g.interval_days),
    miss_after = coalesce(least(g.miss_after_days, s.miss_after_days), g.miss_after_days, s.miss_after_days, 3)
from cadence_policy g, cadence_policy s
where g.kind = 'GRADE' and g.code = b.grade and s.kind = 'STAGE' and s.code = (case when b.stage = 'LOST' then 'INITIAL_INTENT' else b.stage end);
create index on bench_customer (n);
analyze bench_customer;

insert into customer (id, name, industry, size, address, lat, lng, owner_id, team_id, grade, stage, lost_reason,
                      source, tags, notes, cadence_days_override, last_touched_at, deleted_at, created_at, updated_at)
select b.id,
       case when b.n % 3 = 0
            then format('Northwind %s %s Ltd', (array['Trading', 'Logistics', 'Medical', 'Foods', 'Systems'])[1 + b.n % 5], b.n)
            else (array['上海', '北京', '深圳', '杭州', '成都', '广州'])[1 + b.n % 6]
                 || (array['华信', '恒通', '远大', '星辰', '金石', '宏达', '新兴'])[1 + (b.n / 6) % 7]
                 || (array['科技', '贸易', '制造', '物流', '医药'])[1 + (b.n / 42) % 5] || '有限公司 ' || b.n end,
       (array['制造业', 'Retail', '医疗', 'Logistics', '教育', 'Software'])[1 + b.n % 6],
       (array['MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE'])[1 + (b.n / 7) % 5],
       format('%s号 %s路', b.n % 900, (array['南京', '淮海', '中山', '人民'])[1 + b.n % 4]),
       case when b.r_geo < 0.6 then 31.0 + b.r_geo end,
       case when b.r_geo < 0.6 then 121.0 + b.r_geo end,
       b.owner_id, b.team_id, b.grade, b.stage,
       case when b.stage = 'LOST' then '预算取消 / budget cut' end,
       (array['REFERRAL', 'EXHIBITION', 'WEBSITE', 'COLD_CALL'])[1 + b.n % 4],
       case when b.r_tags < 0.5 then '{}'::varchar[] when b.r_tags < 0.7 then '{vip}'::varchar[]
            when b.r_tags < 0.9 then '{续约,渠道}'::varchar[] else '{tender}'::varchar[] end,
       case when b.n % 4 = 0 then '客户关注交付周期与售后响应。' end,
       b.cadence_days_override,
       null,
       b.deleted_at, b.created_at, b.created_at
from bench_customer b
order by b.n;

-- The pending follow-up of every active customer (not deleted, not lost): mostly due within
-- the next cadence interval, 8% overdue but still within the policy's grace (what the missed
-- sweep leaves behind), 5% snoozed.
create temp table bench_pending as
select b.id as customer_id, b.owner_id, b.team_id,
       case when r1 < 0.08 then d.today - (1 + floor(r2 * greatest(b.miss_after - 1, 1)))::int
            else d.today + floor(r2 * b.cadence)::int end as due_on,
       case when r3 < 0.05 then 'SNOOZED' else 'OPEN' end as status,
       (array['VISIT', 'CALL', 'EMAIL', 'MESSAGE'])[1 + floor(r4 * 4)::int] as channel
from (select b.*, random() as r1, random() as r2, random() as r3, random() as r4 from bench_customer b) b, bench_day d
where b.deleted_at is null and b.stage <> 'LOST'
order by random();

insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by, snooze_reason,
                       created_at, updated_at)
select uuid_v7(), p.customer_id, p.owner_id, p.team_id, p.due_on,
       (p.due_on + 1)::timestamp at time zone 'Asia/Shanghai',
       p.channel, p.status,
       case when p.status = 'SNOOZED' then 'SNOOZE' else 'CADENCE' end,
       case when p.status = 'SNOOZED' then '客户出差 / customer travelling' end,
       now() - interval '3 days', now() - interval '3 days'
from bench_pending p;

-- History: the rest up to 1,000,000, about nine per customer. Entry j of a customer is due about
-- j * 73 days ago, so the newest is within one cadence interval and the oldest two years back.
create temp table bench_history as
select b.customer_id_n, j, b.r_status, b.r_jitter, b.r_channel
from (select (g % 100000)::int as customer_id_n, (g / 100000)::int as j, random() as r_status, random() as r_jitter, random() as r_channel
      from generate_series(0, 1000000 - (select count(*) from bench_pending) - 1) g) b;

insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by,
                       done_at, summary, feedback, next_action, next_action_due, created_at, updated_at)
select uuid_v7(), c.id, c.owner_id, c.team_id, h.due_on,
       (h.due_on + 1)::timestamp at time zone 'Asia/Shanghai',
       (array['VISIT', 'CALL', 'EMAIL', 'MESSAGE'])[1 + floor(h.r_channel * 4)::int],
       h.status,
       case when h.j % 3 = 0 then 'NEXT_ACTION' else 'CADENCE' end,
       case when h.status = 'DONE' then (h.due_on::timestamp + interval '10 hours' + interval '1 minute' * floor(h.r_jitter * 480)) at time zone 'Asia/Shanghai' end,
       case when h.status = 'DONE' then format('第%s次跟进：%s沟通了报价与交付安排，约定下一步。', h.j + 1,
                                              (array['电话', '上门', '微信', '邮件'])[1 + floor(h.r_channel * 4)::int]) end,
       case when h.status = 'DONE' and h.r_jitter < 0.5 then '对价格敏感，希望分期付款 / price sensitive' end,
       case when h.status = 'DONE' then '发送修订版报价单' end,
       case when h.status = 'DONE' then h.due_on + c.cadence end,
       (h.due_on - c.cadence)::timestamp at time zone 'Asia/Shanghai',
       (h.due_on + 1)::timestamp at time zone 'Asia/Shanghai'
from (select h.*, least(d.today - 1, d.today - 1 - (h.j * 73) - floor(h.r_jitter * 20)::int) as due_on,
             case when h.r_status < 0.85 then 'DONE' else 'MISSED' end as status
      from bench_history h, bench_day d) h
join bench_customer c on c.n = h.customer_id_n;

update customer c set last_touched_at = t.touched
from (select customer_id, max(done_at) as touched from follow_up where status = 'DONE' group by customer_id) t
where t.customer_id = c.id;
