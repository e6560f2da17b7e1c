-- The reminders benchmark's data: :users reps in one team, each with one push subscription to the
-- benchmark's receiver (:endpoint_base/<n>) and a daily cap that lets :per_user reminders through.
-- The reminders themselves are inserted by run.sh when both replicas are up.
insert into team (id, name) values (uuid_v7(), 'Bench team');

insert into app_user (id, email, display_name, role, team_id, time_zone, locale)
select uuid_v7(), format('rep%s@bench.canvass.io', n), format('Rep %s', n), 'REP',
       (select id from team where name = 'Bench team'), 'Asia/Shanghai', case when n % 2 = 0 then 'en' else 'zh-CN' end
from generate_series(1, :users) n;

create table bench_rep as
select row_number() over (order by id) as n, id from app_user where email like 'rep%@bench.canvass.io';

insert into push_subscription (id, user_id, endpoint, p256dh, auth, label)
select uuid_v7(), r.id, :'endpoint_base' || '/' || r.n, decode(:'p256dh', 'hex'), decode(:'auth', 'hex'), 'bench'
from bench_rep r;

insert into notification_preference (user_id, daily_cap)
select id, 200 from bench_rep;
