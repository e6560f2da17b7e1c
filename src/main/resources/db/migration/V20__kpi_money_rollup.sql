-- The dashboards' money per rep, calendar day and currency: deals closed won / lost (by their
-- closing day in the rollup's zone, kpi_day), instalments of live contracts due (amount and what
-- has been collected against them, by due day) and settled (by the day the last payment came in,
-- with its days late), and payments received (by day). The rep is the owner of the customer now,
-- as in the records' queries: reassigning a customer moves its whole history. Triggers keep it in
-- the writing transaction, so it is exact at every commit. Proposals (a deal counts once however
-- often it enters PROPOSAL in a period) cannot be summed by day and stay on the records.
-- See src/bench/dashboard/README.md.
create table kpi_rep_money_day (
    user_id            uuid not null references app_user (id) on delete cascade,
    day                date not null,
    currency           varchar(3) not null,
    won                integer not null default 0,
    won_amount         numeric(24, 4) not null default 0,
    lost               integer not null default 0,
    due_amount         numeric(24, 4) not null default 0,
    due_collected      numeric(24, 4) not null default 0,
    received           numeric(24, 4) not null default 0,
    settled            integer not null default 0,
    settled_days_late  integer not null default 0,
    primary key (user_id, day, currency)
);

create function kpi_money_add(p_user uuid, p_day date, p_currency varchar, p_won integer, p_won_amount numeric, p_lost integer,
                              p_due numeric, p_due_collected numeric, p_received numeric, p_settled integer, p_late integer)
        returns void language sql as $$
    insert into kpi_rep_money_day (user_id, day, currency, won, won_amount, lost, due_amount, due_collected, received, settled,
                                   settled_days_late)
    values (p_user, p_day, p_currency, p_won, p_won_amount, p_lost, p_due, p_due_collected, p_received, p_settled, p_late)
    on conflict (user_id, day, currency) do update set
        won = kpi_rep_money_day.won + excluded.won,
        won_amount = kpi_rep_money_day.won_amount + excluded.won_amount,
        lost = kpi_rep_money_day.lost + excluded.lost,
        due_amount = kpi_rep_money_day.due_amount + excluded.due_amount,
        due_collected = kpi_rep_money_day.due_collected + excluded.due_collected,
        received = kpi_rep_money_day.received + excluded.received,
        settled = kpi_rep_money_day.settled + excluded.settled,
        settled_days_late = kpi_rep_money_day.settled_days_late + excluded.settled_days_late
$$;

-- one deal's share, signed (+1 adds it, -1 takes it back)
create function kpi_money_deal(p_owner uuid, d deal, p_sign integer) returns void language plpgsql as $$
begin
    if p_owner is not null and d.stage in ('WON', 'LOST') then
        perform kpi_money_add(p_owner, kpi_day(d.closed_at), d.currency, p_sign * (d.stage = 'WON')::int,
                              case when d.stage = 'WON' then p_sign * d.amount else 0 end, p_sign * (d.stage = 'LOST')::int, 0, 0, 0, 0, 0);
    end if;
end $$;

-- one instalment's share: due on its due day, settled on the day it was paid in full
create function kpi_money_instalment(p_owner uuid, i instalment, p_sign integer) returns void language plpgsql as $$
begin
    if p_owner is null then
        return;
    end if;
    perform kpi_money_add(p_owner, i.due_on, i.currency, 0, 0, 0, p_sign * i.amount, p_sign * i.collected, 0, 0, 0);
    if i.paid_on is not null then
        perform kpi_money_add(p_owner, i.paid_on, i.currency, 0, 0, 0, 0, 0, 0, p_sign, p_sign * greatest(i.paid_on - i.due_on, 0));
    end if;
end $$;

create function kpi_money_payment(p_owner uuid, p payment, p_sign integer) returns void language plpgsql as $$
begin
    if p_owner is not null then
        perform kpi_money_add(p_owner, p.received_on, p.currency, 0, 0, 0, 0, 0, p_sign * p.amount, 0, 0);
    end if;
end $$;

-- a contract's instalments (only while it is not a draft) and payments
create function kpi_money_contract(p_owner uuid, p_contract uuid, p_live boolean, p_sign integer) returns void language plpgsql as $$
declare
    i instalment;
    p payment;
begin
    if p_live then
        for i in select * from instalment where contract_id = p_contract loop
            perform kpi_money_instalment(p_owner, i, p_sign);
        end loop;
    end if;
    for p in select * from payment where contract_id = p_contract loop
        perform kpi_money_payment(p_owner, p, p_sign);
    end loop;
end $$;

-- the owner of a contract's customer, and whether the contract counts (not a draft); no row once it is deleted
create function kpi_money_contract_owner(p_contract uuid, out owner_id uuid, out live boolean) language sql stable as $$
    select c.owner_id, k.status <> 'DRAFT' from contract k join customer c on c.id = k.customer_id where k.id = p_contract
$$;

create function kpi_rollup_deal() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform kpi_money_deal((select owner_id from customer where id = old.customer_id), old, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform kpi_money_deal((select owner_id from customer where id = new.customer_id), new, 1);
    end if;
    return null;
end $$;
create trigger kpi_rollup_deal after insert or delete on deal for each row execute function kpi_rollup_deal();
create trigger kpi_rollup_deal_update after update of customer_id, stage, amount, currency, closed_at on deal
    for each row when (old.customer_id is distinct from new.customer_id or old.stage is distinct from new.stage
                       or old.amount is distinct from new.amount or old.currency is distinct from new.currency
                       or old.closed_at is distinct from new.closed_at)
    execute function kpi_rollup_deal();

create function kpi_rollup_instalment() returns trigger language plpgsql as $$
declare
    owner uuid;
    live boolean;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        select k.owner_id, k.live into owner, live from kpi_money_contract_owner(old.contract_id) k;
        if live then
            perform kpi_money_instalment(owner, old, -1);
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        select k.owner_id, k.live into owner, live from kpi_money_contract_owner(new.contract_id) k;
        if live then
            perform kpi_money_instalment(owner, new, 1);
        end if;
    end if;
    return null;
end $$;
create trigger kpi_rollup_instalment after insert or delete on instalment for each row execute function kpi_rollup_instalment();
create trigger kpi_rollup_instalment_update after update of contract_id, due_on, amount, currency, collected, paid_on on instalment
    for each row when (old.contract_id is distinct from new.contract_id or old.due_on is distinct from new.due_on
                       or old.amount is distinct from new.amount or old.currency is distinct from new.currency
                       or old.collected is distinct from new.collected or old.paid_on is distinct from new.paid_on)
    execute function kpi_rollup_instalment();

create function kpi_rollup_payment() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform kpi_money_payment((kpi_money_contract_owner(old.contract_id)).owner_id, old, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform kpi_money_payment((kpi_money_contract_owner(new.contract_id)).owner_id, new, 1);
    end if;
    return null;
end $$;
create trigger kpi_rollup_payment after insert or delete on payment for each row execute function kpi_rollup_payment();
create trigger kpi_rollup_payment_update after update of contract_id, amount, currency, received_on on payment
    for each row when (old.contract_id is distinct from new.contract_id or old.amount is distinct from new.amount
                       or old.currency is distinct from new.currency or old.received_on is distinct from new.received_on)
    execute function kpi_rollup_payment();

-- a contract leaving or entering draft, or moving to another customer; a deleted contract takes its
-- share with it before its instalments go (they no longer find it then)
create function kpi_rollup_contract() returns trigger language plpgsql as $$
begin
    perform kpi_money_contract((select owner_id from customer where id = old.customer_id), old.id, old.status <> 'DRAFT', -1);
    if tg_op = 'UPDATE' then
        perform kpi_money_contract((select owner_id from customer where id = new.customer_id), new.id, new.status <> 'DRAFT', 1);
        return null;
    end if;
    return old;
end $$;
create trigger kpi_rollup_contract_update after update of customer_id, status on contract
    for each row when (old.customer_id is distinct from new.customer_id or (old.status = 'DRAFT') <> (new.status = 'DRAFT'))
    execute function kpi_rollup_contract();
create trigger kpi_rollup_contract_delete before delete on contract for each row execute function kpi_rollup_contract();

-- a customer handed to another rep takes its deals, contracts and payments along
create function kpi_rollup_customer_money() returns trigger language plpgsql as $$
declare
    d deal;
    k contract;
begin
    for d in select * from deal where customer_id = new.id loop
        perform kpi_money_deal(old.owner_id, d, -1);
        perform kpi_money_deal(new.owner_id, d, 1);
    end loop;
    for k in select * from contract where customer_id = new.id loop
        perform kpi_money_contract(old.owner_id, k.id, k.status <> 'DRAFT', -1);
        perform kpi_money_contract(new.owner_id, k.id, k.status <> 'DRAFT', 1);
    end loop;
    return null;
end $$;
create trigger kpi_rollup_customer_money after update of owner_id on customer
    for each row when (old.owner_id is distinct from new.owner_id) execute function kpi_rollup_customer_money();

-- the records already there
insert into kpi_rep_money_day (user_id, day, currency, won, won_amount, lost, due_amount, due_collected, received, settled,
                               settled_days_late)
select owner_id, day, currency, sum(won), sum(won_amount), sum(lost), sum(due), sum(collected), sum(received), sum(settled), sum(late)
from (
    select c.owner_id, kpi_day(d.closed_at) as day, d.currency, (d.stage = 'WON')::int as won,
           case when d.stage = 'WON' then d.amount else 0 end as won_amount, (d.stage = 'LOST')::int as lost,
           0 as due, 0 as collected, 0 as received, 0 as settled, 0 as late
    from deal d join customer c on c.id = d.customer_id where d.stage in ('WON', 'LOST')
    union all
    select c.owner_id, i.due_on, i.currency, 0, 0, 0, i.amount, i.collected, 0, 0, 0
    from instalment i join contract k on k.id = i.contract_id and k.status <> 'DRAFT' join customer c on c.id = k.customer_id
    union all
    select c.owner_id, i.paid_on, i.currency, 0, 0, 0, 0, 0, 0, 1, greatest(i.paid_on - i.due_on, 0)
    from instalment i join contract k on k.id = i.contract_id and k.status <> 'DRAFT' join customer c on c.id = k.customer_id
    where i.paid_on is not null
    union all
    select c.owner_id, p.received_on, p.currency, 0, 0, 0, 0, 0, p.amount, 0, 0
    from payment p join contract k on k.id = p.contract_id join customer c on c.id = k.customer_id
) t group by owner_id, day, currency;
