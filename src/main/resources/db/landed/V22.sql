-- V22 as it first landed on main (2026-12-04 22:32) kept day rows only; the edit that landed 12 minutes
-- later added month rows (kpi_rep_month, kpi_rep_money_month) that kpi_rollup_compact() folds every delta
-- into as well as its day's row. A database migrated in between gets what the current V22 adds: the two
-- tables, the compactor, and month rows built from its day rows. Deltas not folded yet stay where they are;
-- the new compactor folds them into both. The compactor's lock is held, so no replica folds while the
-- month rows are built.
select pg_advisory_xact_lock(hashtext('kpi_rollup_compact'));

create table kpi_rep_month (like kpi_rep_day including defaults);
alter table kpi_rep_month add primary key (user_id, day), add foreign key (user_id) references app_user (id) on delete cascade;
create table kpi_rep_money_month (like kpi_rep_money_day including defaults);
alter table kpi_rep_money_month add primary key (user_id, day, currency), add foreign key (user_id) references app_user (id) on delete cascade;

create or replace function kpi_rollup_compact() returns integer language plpgsql as $$
declare
    folded integer;
    money integer;
begin
    if not pg_try_advisory_xact_lock(hashtext('kpi_rollup_compact')) then
        return 0;
    end if;
    with moved as (
        delete from kpi_rep_day_delta returning *
    ), months as (
        insert into kpi_rep_month (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time,
                                   funnel_high, funnel_key, funnel_won, proposals_month, proposals_quarter, proposals_year)
        select m.user_id, date_trunc('month', m.day)::date, sum(m.visits), sum(m.effective_visits), sum(m.new_customers),
               sum(m.follow_ups_due), sum(m.follow_ups_on_time), sum(m.funnel_high), sum(m.funnel_key), sum(m.funnel_won),
               sum(m.proposals_month), sum(m.proposals_quarter), sum(m.proposals_year)
        from moved m join app_user u on u.id = m.user_id group by m.user_id, date_trunc('month', m.day)
        on conflict (user_id, day) do update set
            visits = kpi_rep_month.visits + excluded.visits,
            effective_visits = kpi_rep_month.effective_visits + excluded.effective_visits,
            new_customers = kpi_rep_month.new_customers + excluded.new_customers,
            follow_ups_due = kpi_rep_month.follow_ups_due + excluded.follow_ups_due,
            follow_ups_on_time = kpi_rep_month.follow_ups_on_time + excluded.follow_ups_on_time,
            funnel_high = kpi_rep_month.funnel_high + excluded.funnel_high,
            funnel_key = kpi_rep_month.funnel_key + excluded.funnel_key,
            funnel_won = kpi_rep_month.funnel_won + excluded.funnel_won,
            proposals_month = kpi_rep_month.proposals_month + excluded.proposals_month,
            proposals_quarter = kpi_rep_month.proposals_quarter + excluded.proposals_quarter,
            proposals_year = kpi_rep_month.proposals_year + excluded.proposals_year
    ), days as (
        insert into kpi_rep_day (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time,
                                 funnel_high, funnel_key, funnel_won, proposals_month, proposals_quarter, proposals_year)
        select m.user_id, m.day, sum(m.visits), sum(m.effective_visits), sum(m.new_customers), sum(m.follow_ups_due),
               sum(m.follow_ups_on_time), sum(m.funnel_high), sum(m.funnel_key), sum(m.funnel_won), sum(m.proposals_month),
               sum(m.proposals_quarter), sum(m.proposals_year)
        from moved m join app_user u on u.id = m.user_id group by m.user_id, m.day
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
            proposals_year = kpi_rep_day.proposals_year + excluded.proposals_year
        returning 1
    )
    select count(*) into folded from days;
    with moved as (
        delete from kpi_rep_money_day_delta returning *
    ), months as (
        insert into kpi_rep_money_month (user_id, day, currency, won, won_amount, lost, due_amount, due_collected, received, settled,
                                         settled_days_late)
        select m.user_id, date_trunc('month', m.day)::date, m.currency, sum(m.won), sum(m.won_amount), sum(m.lost), sum(m.due_amount),
               sum(m.due_collected), sum(m.received), sum(m.settled), sum(m.settled_days_late)
        from moved m join app_user u on u.id = m.user_id group by m.user_id, date_trunc('month', m.day), m.currency
        on conflict (user_id, day, currency) do update set
            won = kpi_rep_money_month.won + excluded.won,
            won_amount = kpi_rep_money_month.won_amount + excluded.won_amount,
            lost = kpi_rep_money_month.lost + excluded.lost,
            due_amount = kpi_rep_money_month.due_amount + excluded.due_amount,
            due_collected = kpi_rep_money_month.due_collected + excluded.due_collected,
            received = kpi_rep_money_month.received + excluded.received,
            settled = kpi_rep_money_month.settled + excluded.settled,
            settled_days_late = kpi_rep_money_month.settled_days_late + excluded.settled_days_late
    ), days as (
        insert into kpi_rep_money_day (user_id, day, currency, won, won_amount, lost, due_amount, due_collected, received, settled,
                                       settled_days_late)
        select m.user_id, m.day, m.currency, sum(m.won), sum(m.won_amount), sum(m.lost), sum(m.due_amount), sum(m.due_collected),
               sum(m.received), sum(m.settled), sum(m.settled_days_late)
        from moved m join app_user u on u.id = m.user_id group by m.user_id, m.day, m.currency
        on conflict (user_id, day, currency) do update set
            won = kpi_rep_money_day.won + excluded.won,
            won_amount = kpi_rep_money_day.won_amount + excluded.won_amount,
            lost = kpi_rep_money_day.lost + excluded.lost,
            due_amount = kpi_rep_money_day.due_amount + excluded.due_amount,
            due_collected = kpi_rep_money_day.due_collected + excluded.due_collected,
            received = kpi_rep_money_day.received + excluded.received,
            settled = kpi_rep_money_day.settled + excluded.settled,
            settled_days_late = kpi_rep_money_day.settled_days_late + excluded.settled_days_late
        returning 1
    )
    select count(*) into money from days;
    return folded + money;
end $$;

-- month rows from the day rows already there
insert into kpi_rep_month (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time,
                           funnel_high, funnel_key, funnel_won, proposals_month, proposals_quarter, proposals_year)
select user_id, date_trunc('month', day)::date, sum(visits), sum(effective_visits), sum(new_customers), sum(follow_ups_due),
       sum(follow_ups_on_time), sum(funnel_high), sum(funnel_key), sum(funnel_won), sum(proposals_month), sum(proposals_quarter),
       sum(proposals_year)
from kpi_rep_day group by 1, 2;
insert into kpi_rep_money_month (user_id, day, currency, won, won_amount, lost, due_amount, due_collected, received, settled,
                                 settled_days_late)
select user_id, date_trunc('month', day)::date, currency, sum(won), sum(won_amount), sum(lost), sum(due_amount), sum(due_collected),
       sum(received), sum(settled), sum(settled_days_late)
from kpi_rep_money_day group by 1, 2, 3;
