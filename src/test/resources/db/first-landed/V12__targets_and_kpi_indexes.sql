-- Targets: a tree per metric and period, organisation -> team(s) -> rep, each node planned by its
-- owner and approved by the level above; and the indexes behind the KPI and funnel reads.

create table target (
    id              uuid primary key,
    parent_id       uuid references target (id) on delete restrict,
    period_kind     varchar(8) not null check (period_kind in ('YEAR', 'QUARTER', 'MONTH')),
    period_start    date not null,
    period_end      date not null,
    level           varchar(12) not null check (level in ('ORGANISATION', 'TEAM', 'REP')),
    team_id         uuid references team (id),
    user_id         uuid references app_user (id),
    metric          varchar(20) not null check (metric in ('REVENUE', 'NEW_CUSTOMERS', 'EFFECTIVE_VISITS', 'COLLECTIONS', 'DEALS_WON')),
    value           numeric(20, 4) not null check (value >= 0),
    currency        char(3) check (currency ~ '^[A-Z]{3}$'),
    status          varchar(10) not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    remainder_note  varchar(1000),
    review_comment  varchar(1000),
    submitted_by    uuid references app_user (id),
    submitted_at    timestamptz,
    reviewed_by     uuid references app_user (id),
    reviewed_at     timestamptz,
    created_by      uuid references app_user (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0,
    check (period_end > period_start),
    check ((level = 'ORGANISATION' and team_id is null and user_id is null)
        or (level = 'TEAM' and team_id is not null and user_id is null)
        or (level = 'REP' and team_id is not null and user_id is not null)),
    check ((metric in ('REVENUE', 'COLLECTIONS')) = (currency is not null)),
    check (parent_id is null or parent_id <> id),
    check (status <> 'RETURNED' or review_comment is not null)
);
-- one node per subject, metric and period
create unique index target_subject on target (level, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid),
    coalesce(user_id, '00000000-0000-0000-0000-000000000000'::uuid), metric, period_kind, period_start);
create index target_parent on target (parent_id);
create index target_user_period on target (user_id, period_start) where user_id is not null;
create index target_team_period on target (team_id, period_start) where team_id is not null;
create index target_period on target (period_start, level);

-- KPI reads: a rep's check-ins by visit time (verified or not), customers by creation,
-- follow-ups by due time once settled, and stage history by customer.
create index check_in_user_time on check_in (user_id, client_time) include (verdict, customer_id);
create index customer_owner_created_at on customer (owner_id, created_at) where deleted_at is null;
create index follow_up_owner_due on follow_up (owner_id, due_at) include (status, done_at);
create index customer_change_stage on customer_change (customer_id, new_value) where field = 'STAGE';
