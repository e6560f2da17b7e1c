-- The rollups' triggers append their changes instead of updating the day's row. Updating in place
-- made every write of a rep wait for the rep's other writes of the same day (each check-in, each
-- follow-up settled, each deal closed held the day's row until commit) and let two transactions
-- that touched two days of one rep in opposite order deadlock. Now a writer only inserts a delta
-- row, which never waits; kpi_rollup_compact(), run by the app every few seconds on one replica at
-- a time, folds the deltas into the day rows. Readers add the day rows and the deltas not yet
-- folded, so the figures stay exact at every commit.
create table kpi_rep_day_delta (
    id                  bigint generated always as identity primary key,
    user_id             uuid not null,
    day                 date not null,
    visits              integer not null,
    effective_visits    integer not null,
    new_customers       integer not null,
    follow_ups_due      integer not null,
    follow_ups_on_time  integer not null
);
create index kpi_rep_day_delta_user on kpi_rep_day_delta (user_id, day);

create table kpi_rep_money_day_delta (
    id                 bigint generated always as identity primary key,
    user_id            uuid not null,
    day                date not null,
    currency           varchar(3) not null,
    won                integer not null,
    won_amount         numeric(24, 4) not null,
    lost               integer not null,
    due_amount         numeric(24, 4) not null,
    due_collected      numeric(24, 4) not null,
    received           numeric(24, 4) not null,
    settled            integer not null,
    settled_days_late  integer not null
);
create index kpi_rep_money_day_delta_user on kpi_rep_money_day_delta (user_id, day);

create or replace function kpi_rep_day_add(p_user uuid, p_day date, p_visits integer, p_effective integer, p_new integer, p_due integer,
                                           p_on_time integer) returns void language sql as $$
    insert into kpi_rep_day_delta (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time)
    values (p_user, p_day, p_visits, p_effective, p_new, p_due, p_on_time)
$$;

create or replace function kpi_money_add(p_user uuid, p_day date, p_currency varchar, p_won integer, p_won_amount numeric, p_lost integer,
                                         p_due numeric, p_due_collected numeric, p_received numeric, p_settled integer, p_late integer)
        returns void language sql as $$
    insert into kpi_rep_money_day_delta (user_id, day, currency, won, won_amount, lost, due_amount, due_collected, received, settled,
                                         settled_days_late)
    values (p_user, p_day, p_currency, p_won, p_won_amount, p_lost, p_due, p_due_collected, p_received, p_settled, p_late)
$$;

-- Folds the deltas this transaction sees into the day rows; deltas of transactions still running
-- stay for the next call. One caller at a time (the others return at once); returns the day rows changed.
create function kpi_rollup_compact() returns integer language plpgsql as $$
declare
    folded integer;
    money integer;
begin
    if not pg_try_advisory_xact_lock(hashtext('kpi_rollup_compact')) then
        return 0;
    end if;
    with moved as (delete from kpi_rep_day_delta returning *)
    insert into kpi_rep_day (user_id, day, visits, effective_visits, new_customers, follow_ups_due, follow_ups_on_time)
    select m.user_id, m.day, sum(m.visits), sum(m.effective_visits), sum(m.new_customers), sum(m.follow_ups_due), sum(m.follow_ups_on_time)
    from moved m join app_user u on u.id = m.user_id
    group by m.user_id, m.day
    on conflict (user_id, day) do update set
        visits = kpi_rep_day.visits + excluded.visits,
        effective_visits = kpi_rep_day.effective_visits + excluded.effective_visits,
        new_customers = kpi_rep_day.new_customers + excluded.new_customers,
        follow_ups_due = kpi_rep_day.follow_ups_due + excluded.follow_ups_due,
        follow_ups_on_time = kpi_rep_day.follow_ups_on_time + excluded.follow_ups_on_time;
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
