-- Customers, their contacts and change history, the cadence policy, and follow-ups.

create extension if not exists pg_trgm;

create table cadence_policy (
    kind             varchar(10) not null check (kind in ('GRADE', 'STAGE')),
    code             varchar(20) not null,
    interval_days    integer not null check (interval_days between 1 and 365),
    miss_after_days  integer not null default 3 check (miss_after_days between 0 and 60),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0,
    primary key (kind, code),
    check ((kind = 'GRADE' and code in ('A', 'B', 'C'))
        or (kind = 'STAGE' and code in ('INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT', 'WON')))
);

-- Seeds: key accounts twice a week, high intent weekly, initial intent every two weeks;
-- A strategic, B potential and C long tail map onto the same rhythms; won customers monthly.
insert into cadence_policy (kind, code, interval_days, miss_after_days) values
    ('STAGE', 'KEY_ACCOUNT', 3, 2),
    ('STAGE', 'HIGH_INTENT', 7, 3),
    ('STAGE', 'INITIAL_INTENT', 14, 5),
    ('STAGE', 'WON', 30, 7),
    ('GRADE', 'A', 3, 2),
    ('GRADE', 'B', 7, 3),
    ('GRADE', 'C', 14, 5);

create table customer (
    id                     uuid primary key,
    name                   varchar(200) not null check (length(trim(name)) >= 1),
    industry               varchar(80),
    size                   varchar(12) check (size in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE')),
    address                varchar(300),
    lat                    double precision check (lat between -90 and 90),
    lng                    double precision check (lng between -180 and 180),
    owner_id               uuid not null references app_user (id),
    team_id                uuid not null references team (id),
    grade                  varchar(1) not null check (grade in ('A', 'B', 'C')),
    stage                  varchar(20) not null check (stage in ('INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT', 'WON', 'LOST')),
    lost_reason            varchar(300),
    source                 varchar(40),
    tags                   varchar(40)[] not null default '{}',
    notes                  varchar(4000),
    cadence_days_override  integer check (cadence_days_override between 1 and 365),
    last_touched_at        timestamptz,
    deleted_at             timestamptz,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                integer not null default 0,
    check ((lat is null) = (lng is null)),
    check (stage <> 'LOST' or lost_reason is not null)
);
create index customer_owner on customer (owner_id, id) where deleted_at is null;
create index customer_team on customer (team_id, id) where deleted_at is null;
create index customer_name_trgm on customer using gin (lower(name) gin_trgm_ops);
create index customer_tags on customer using gin (tags);

create table customer_contact (
    id             uuid primary key,
    customer_id    uuid not null references customer (id) on delete cascade,
    name           varchar(120) not null check (length(trim(name)) >= 1),
    title          varchar(120),
    phone          varchar(40),
    email          varchar(254),
    decision_role  varchar(20) not null default 'OTHER'
                   check (decision_role in ('DECISION_MAKER', 'INFLUENCER', 'USER', 'GATEKEEPER', 'OTHER')),
    position       integer not null default 0
);
create index customer_contact_customer on customer_contact (customer_id, position);
create index customer_contact_name_trgm on customer_contact using gin (lower(name) gin_trgm_ops);
create index customer_contact_phone on customer_contact (phone);

create table customer_change (
    id           uuid primary key,
    customer_id  uuid not null references customer (id) on delete cascade,
    at           timestamptz not null default now(),
    actor_id     uuid references app_user (id),
    field        varchar(10) not null check (field in ('GRADE', 'STAGE', 'OWNER', 'DELETED')),
    old_value    varchar(100),
    new_value    varchar(100),
    reason       varchar(300)
);
create index customer_change_customer on customer_change (customer_id, at);

create table follow_up (
    id               uuid primary key,
    customer_id      uuid not null references customer (id) on delete cascade,
    owner_id         uuid not null references app_user (id),
    team_id          uuid not null references team (id),
    due_on           date not null,
    due_at           timestamptz not null,
    channel          varchar(10) not null check (channel in ('VISIT', 'CALL', 'EMAIL', 'MESSAGE')),
    status           varchar(10) not null check (status in ('OPEN', 'DONE', 'SNOOZED', 'MISSED')),
    scheduled_by     varchar(12) not null check (scheduled_by in ('CADENCE', 'NEXT_ACTION', 'SNOOZE', 'MANUAL')),
    snooze_reason    varchar(300),
    done_at          timestamptz,
    summary          varchar(4000),
    feedback         varchar(4000),
    need_change      varchar(2000),
    next_action      varchar(500),
    next_action_due  date,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0,
    check (status <> 'DONE' or done_at is not null),
    check (status <> 'SNOOZED' or snooze_reason is not null)
);
-- A customer has at most one pending (open or snoozed) follow-up.
create unique index follow_up_one_pending on follow_up (customer_id) where status in ('OPEN', 'SNOOZED');
create index follow_up_pending_owner on follow_up (owner_id, due_on) where status in ('OPEN', 'SNOOZED');
create index follow_up_pending_due on follow_up (due_at) where status in ('OPEN', 'SNOOZED');
create index follow_up_customer on follow_up (customer_id, due_on desc);

-- Time-ordered ids (UUID version 7) for rows created in SQL, like the application's own.
create function uuid_v7() returns uuid as $$
    select encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                    from 1 for 6),
            52, 1), 53, 1),
        'hex')::uuid
$$ language sql volatile;
