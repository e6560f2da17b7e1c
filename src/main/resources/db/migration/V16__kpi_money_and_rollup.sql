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
