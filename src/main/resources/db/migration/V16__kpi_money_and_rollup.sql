-- The money side of the KPIs (deals closed and proposals by time, instalments by due and settling
-- day), coaching reminders re-armed by a new due date, and the per-rep daily rollup behind the
-- dashboards.

-- deals closed in a period, and deals entering a stage (proposals) or moving in a period
create index deal_closed on deal (closed_at, customer_id) include (stage, currency, amount) where closed_at is not null;
create index deal_stage_change_to on deal_stage_change (to_stage, at) include (deal_id);
create index deal_stage_change_at on deal_stage_change (at) include (deal_id, from_stage);
-- instalments due in a period (collection rate) and settled in a period (collection cycle)
create index instalment_due on instalment (due_on) include (contract_id, amount, collected, currency);
create index instalment_paid on instalment (paid_on) include (contract_id, due_on) where paid_on is not null;

-- A coaching task's due and overdue reminders are sent once per due date: a new due date arms them again.
create function coaching_task_rearm() returns trigger language plpgsql as $$
begin
    new.due_reminded_at := null;
    new.overdue_reminded_at := null;
    return new;
end $$;
create trigger coaching_task_rearm before update of due_on on coaching_task
    for each row when (old.due_on is distinct from new.due_on) execute function coaching_task_rearm();

-- The dashboards' per-rep daily rollup: visits, effective visits, new customers and follow-ups
-- due / done on time, per rep and calendar day in the rollup's zone (kpi_rollup_zone()), kept up
-- to date by triggers in the writing transaction, so it is exact at every commit (late offline
-- check-ins, reassigned or deleted customers and settled follow-ups included). The app reads it
-- for whole days in that zone and falls back to the records for anything else; follow-ups count
-- only once due, so today's come from the records. See src/bench/dashboard/README.md.
create function kpi_rollup_zone() returns text language sql immutable as $$ select 'Asia/Shanghai'::text $$;
create function kpi_day(at timestamptz) returns date language sql immutable as $$ select (at at time zone 'Asia/Shanghai')::date $$;

create table kpi_rep_day (
    user_id             uuid not null references app_user (id) on delete cascade,
    day                 date not null,
    visits              integer not null default 0,
    effective_visits    integer not null default 0,
    new_customers       integer not null default 0,
    follow_ups_due      integer not null default 0,
    follow_ups_on_time  integer not null default 0,
    primary key (user_id, day)
);

create function kpi_rep_day_add(p_user uuid, p_day date, p_visits integer, p_effective integer, p_new integer, p_due integer,
                                p_on_time integer) returns void language sql as $$
    insert into kpi_rep_day (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time)
    values (p_user, p_day, p_visits, p_effective, p_new, p_due, p_on_time)
    on conflict (user_id, day) do update set
        visits = kpi_rep_day.visits + excluded.visits,
        effective_visits = kpi_rep_day.effective_visits + excluded.effective_visits,
        new_customers = kpi_rep_day.new_customers + excluded.new_customers,
        follow_ups_due = kpi_rep_day.follow_ups_due + excluded.follow_ups_due,
        follow_ups_on_time = kpi_rep_day.follow_ups_on_time + excluded.follow_ups_on_time
$$;

create function kpi_rollup_check_in() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform kpi_rep_day_add(old.user_id, kpi_day(old.client_time), -1, -coalesce(old.verdict = 'VERIFIED', false)::int, 0, 0, 0);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform kpi_rep_day_add(new.user_id, kpi_day(new.client_time), 1, coalesce(new.verdict = 'VERIFIED', false)::int, 0, 0, 0);
    end if;
    return null;
end $$;
create trigger kpi_rollup_check_in after insert or delete on check_in for each row execute function kpi_rollup_check_in();
create trigger kpi_rollup_check_in_update after update of user_id, client_time, verdict on check_in
    for each row when (old.user_id is distinct from new.user_id or old.client_time is distinct from new.client_time
                       or old.verdict is distinct from new.verdict)
    execute function kpi_rollup_check_in();

create function kpi_rollup_customer() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
        perform kpi_rep_day_add(old.owner_id, kpi_day(old.created_at), 0, 0, -1, 0, 0);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
        perform kpi_rep_day_add(new.owner_id, kpi_day(new.created_at), 0, 0, 1, 0, 0);
    end if;
    return null;
end $$;
create trigger kpi_rollup_customer after insert or delete on customer for each row execute function kpi_rollup_customer();
create trigger kpi_rollup_customer_update after update of owner_id, created_at, deleted_at on customer
    for each row when (old.owner_id is distinct from new.owner_id or old.created_at is distinct from new.created_at
                       or (old.deleted_at is null) <> (new.deleted_at is null))
    execute function kpi_rollup_customer();

create function kpi_rollup_follow_up() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform kpi_rep_day_add(old.owner_id, kpi_day(old.due_at), 0, 0, 0, -1,
                                -coalesce(old.status = 'DONE' and old.done_at <= old.due_at, false)::int);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform kpi_rep_day_add(new.owner_id, kpi_day(new.due_at), 0, 0, 0, 1,
                                coalesce(new.status = 'DONE' and new.done_at <= new.due_at, false)::int);
    end if;
    return null;
end $$;
create trigger kpi_rollup_follow_up after insert or delete on follow_up for each row execute function kpi_rollup_follow_up();
create trigger kpi_rollup_follow_up_update after update of owner_id, due_at, status, done_at on follow_up
    for each row when (old.owner_id is distinct from new.owner_id or old.due_at is distinct from new.due_at
                       or old.status is distinct from new.status or old.done_at is distinct from new.done_at)
    execute function kpi_rollup_follow_up();

-- the records already there
insert into kpi_rep_day (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time)
select user_id, day, sum(visits), sum(effective), sum(created), sum(due), sum(on_time) from (
    select user_id, kpi_day(client_time) as day, count(*) as visits, count(*) filter (where verdict = 'VERIFIED') as effective,
           0 as created, 0 as due, 0 as on_time
    from check_in group by 1, 2
    union all
    select owner_id, kpi_day(created_at), 0, 0, count(*), 0, 0 from customer where deleted_at is null group by 1, 2
    union all
    select owner_id, kpi_day(due_at), 0, 0, 0, count(*), count(*) filter (where status = 'DONE' and done_at <= due_at)
    from follow_up group by 1, 2
) t group by user_id, day;
