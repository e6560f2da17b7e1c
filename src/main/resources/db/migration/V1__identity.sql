-- Identity: teams (a tree), users with one role each, managers of teams,
-- service accounts, refresh-token chains, login throttling and the audit log.

create table team (
    id          uuid primary key,
    parent_id   uuid references team (id),
    name        varchar(120) not null check (length(trim(name)) >= 1),
    kind        varchar(20) not null default 'REGION' check (kind in ('REGION', 'PRODUCT', 'CUSTOMER_SEGMENT', 'OTHER')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0,
    check (parent_id is null or parent_id <> id)
);
create unique index team_name_per_parent on team (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
create index team_parent on team (parent_id);

create table app_user (
    id             uuid primary key,
    email          varchar(254) check (email is null or email like '%_@_%'),
    display_name   varchar(120) not null check (length(trim(display_name)) >= 1),
    password_hash  varchar(100),
    role           varchar(20) not null check (role in ('ADMIN', 'DIRECTOR', 'MANAGER', 'REP', 'INTEGRATION')),
    team_id        uuid references team (id),
    time_zone      varchar(64) not null default 'Asia/Shanghai',
    locale         varchar(10) not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
    phone          varchar(40),
    hired_on       date,
    active         boolean not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        integer not null default 0,
    check (role = 'INTEGRATION' or email is not null)
);
create unique index app_user_email on app_user (lower(email));
create index app_user_team on app_user (team_id, id);

create table team_manager (
    team_id  uuid not null references team (id) on delete cascade,
    user_id  uuid not null references app_user (id) on delete cascade,
    primary key (team_id, user_id)
);
create index team_manager_user on team_manager (user_id);

create table service_account (
    user_id      uuid primary key references app_user (id) on delete cascade,
    client_id    varchar(64) not null unique,
    secret_hash  varchar(100) not null,
    created_by   uuid references app_user (id),
    last_used_at timestamptz
);

create table refresh_token (
    id          uuid primary key,
    user_id     uuid not null references app_user (id) on delete cascade,
    family_id   uuid not null,
    token_hash  bytea not null unique,
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_user on refresh_token (user_id) where revoked_at is null;

create table login_throttle (
    subject        varchar(300) primary key,
    failures       integer not null default 0,
    first_failure  timestamptz not null default now(),
    blocked_until  timestamptz
);

create table audit_log (
    id           uuid primary key,
    at           timestamptz not null default now(),
    actor_id     uuid references app_user (id),
    action       varchar(80) not null,
    entity_type  varchar(40) not null,
    entity_id    varchar(80) not null,
    before       jsonb,
    after        jsonb
);
create index audit_log_entity on audit_log (entity_type, entity_id, id);
create index audit_log_actor on audit_log (actor_id, id);
