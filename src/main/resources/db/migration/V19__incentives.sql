-- Incentives: commission plans (tiers on target achievement, one-off rewards, a cap), the periods
-- that were closed with the statements frozen at that moment, adjustments to frozen statements,
-- and the payroll grant that lets a service account export statements.

create table commission_plan (
    id            uuid primary key,
    name          varchar(120) not null check (length(trim(name)) >= 1),
    period_kind   varchar(10) not null check (period_kind in ('MONTH', 'QUARTER')),
    applies_role  varchar(20) check (applies_role in ('REP', 'MANAGER')),
    team_id       uuid references team (id),
    base          varchar(20) not null check (base in ('REVENUE_WON', 'COLLECTED')),
    currency      varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    cap           numeric(20, 4) check (cap >= 0),
    tiers         jsonb not null,
    one_offs      jsonb not null default '[]',
    created_by    uuid references app_user (id),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer not null default 0,
    check ((applies_role is null) <> (team_id is null))
);
-- one plan per subject and period kind: a rep's plan is the nearest team's, else their role's
create unique index commission_plan_team on commission_plan (team_id, period_kind) where team_id is not null;
create unique index commission_plan_role on commission_plan (applies_role, period_kind) where applies_role is not null;

create table commission_period (
    period     varchar(7) primary key check (period ~ '^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
    closed_at  timestamptz not null default now(),
    closed_by  uuid references app_user (id)
);

create table commission_statement (
    id         uuid primary key,
    period     varchar(7) not null references commission_period (period),
    rep_id     uuid not null references app_user (id),
    team_id    uuid references team (id),
    plan_id    uuid not null,
    currency   varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    total      numeric(20, 4) not null,
    body       jsonb not null,
    frozen_at  timestamptz not null default now(),
    unique (period, rep_id, plan_id)
);
create index commission_statement_rep on commission_statement (rep_id, period);
create index commission_statement_period on commission_statement (period, rep_id);

create table commission_adjustment (
    id            uuid primary key,
    statement_id  uuid not null references commission_statement (id),
    amount        numeric(20, 4) not null check (amount <> 0),
    currency      varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    reason        varchar(500) not null check (length(trim(reason)) >= 1),
    approved_by   uuid not null references app_user (id),
    created_at    timestamptz not null default now()
);
create index commission_adjustment_statement on commission_adjustment (statement_id, id);

-- What a service account may do beyond reading its scope: PAYROLL exports commission statements.
alter table service_account add column grants varchar(20)[] not null default '{}'
    check (grants <@ array['PAYROLL']::varchar(20)[]);
