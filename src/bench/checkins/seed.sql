-- Check-in benchmark data set: 5 teams with a manager each, 50 reps x 200 customers = 10,000
-- customers, every active one with one pending (OPEN) follow-up and a location. Check-ins are
-- spread over the customers of the first :reps reps; bench_site numbers them 0..n-1 so that the
-- pgbench script can pick one at random (the wrk script gets the same list from run.sh).
--
-- psql variables: admin_email (the bootstrapped admin; its bcrypt hash is copied to every
-- benchmark user, so they all log in with the admin's password), reps (how many reps check in).
\set ON_ERROR_STOP on

select setseed(0.42);

insert into team (id, name, kind)
select uuid_v7(), 'Bench ' || t, 'REGION'
from unnest(array['East', 'North', 'South', 'West', 'Central']) as t;

create temp table bench_team as
select id, row_number() over (order by name) - 1 as k from team where name like 'Bench %';

insert into app_user (id, email, display_name, password_hash, role, team_id, time_zone, locale)
select uuid_v7(), format('manager%s@bench.canvass.io', t.k + 1), format('Bench manager %s', t.k + 1),
       (select password_hash from app_user where lower(email) = lower(:'admin_email')),
       'MANAGER', t.id, 'Asia/Shanghai', 'zh-CN'
from bench_team t;
insert into team_manager (team_id, user_id)
select u.team_id, u.id from app_user u where u.email like 'manager%@bench.canvass.io';

-- rep k is in team k % 5, so the first reps are spread over all teams
insert into app_user (id, email, display_name, password_hash, role, team_id, time_zone, locale)
select uuid_v7(), format('rep%s@bench.canvass.io', lpad((r + 1)::text, 2, '0')), format('销售 %s', r + 1),
       (select password_hash from app_user where lower(email) = lower(:'admin_email')),
       'REP', t.id, 'Asia/Shanghai', 'zh-CN'
from generate_series(0, 49) r
join bench_team t on t.k = r % 5;

create temp table bench_rep as
select id, team_id, row_number() over (order by email) - 1 as k from app_user where email like 'rep%@bench.canvass.io';

-- Customers: rep k owns customers n with n % 50 = k; all located (around Shanghai), grades and
-- stages mixed so that the cadence rule differs, none lost or deleted.
insert into customer (id, name, address, lat, lng, owner_id, team_id, grade, stage, source, created_at, updated_at)
select uuid_v7(),
       (array['上海', '北京', '深圳', '杭州'])[1 + n % 4] || '华信科技有限公司 ' || n,
       format('%s号 淮海路', n % 900),
       31.0 + (n % 1000) / 1000.0, 121.0 + (n % 997) / 1000.0,
       rep.id, rep.team_id,
       (array['A', 'B', 'C'])[1 + n % 3],
       (array['INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT', 'WON'])[1 + (n / 3) % 4],
       'REFERRAL', now() - interval '90 days', now() - interval '90 days'
from generate_series(0, 9999) n
join bench_rep rep on rep.k = n % 50;

insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by, created_at, updated_at)
select uuid_v7(), c.id, c.owner_id, c.team_id, (now() at time zone 'Asia/Shanghai')::date + 3,
       ((now() at time zone 'Asia/Shanghai')::date + 4)::timestamp at time zone 'Asia/Shanghai',
       'VISIT', 'OPEN', 'CADENCE', now() - interval '3 days', now() - interval '3 days'
from customer c;

-- The sites the load picks from: the customers of reps 1..:reps, numbered 0..n-1, with the
-- rep's number (0-based) so that each request carries the token of the customer's owner.
create table bench_site as
select (row_number() over (order by c.id) - 1)::int as n, c.id as customer_id, c.owner_id, c.team_id,
       rep.k::int as rep_k, c.lat, c.lng
from customer c join bench_rep rep on rep.id = c.owner_id
where rep.k < :reps;
alter table bench_site add primary key (n);
