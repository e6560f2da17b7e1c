-- Reminders (an outbox of nudges, claimed by any replica with FOR UPDATE SKIP LOCKED), the in-app
-- inbox, per-user notification preferences, Web Push subscriptions and what was pushed to which device.

create table reminder (
    id           uuid primary key,
    user_id      uuid not null references app_user (id) on delete cascade,
    kind         varchar(40) not null check (kind ~ '^[A-Z][A-Z0-9_]*$'),
    -- re-running a scan or a retried transaction never makes a second reminder for the same thing
    dedupe_key   varchar(200) not null check (length(dedupe_key) >= 1),
    subject_id   uuid,
    args         jsonb not null default '{}',
    link         varchar(300) not null check (link like '/%'),
    due_at       timestamptz not null,
    deliver_at   timestamptz not null,
    state        varchar(10) not null default 'PENDING'
                 check (state in ('PENDING', 'SENT', 'FAILED', 'SKIPPED', 'CANCELLED')),
    attempts     integer not null default 0 check (attempts >= 0),
    claimed_by   uuid,
    lease_until  timestamptz,
    sent_at      timestamptz,
    outcome      varchar(200),
    created_at   timestamptz not null default now(),
    check (state <> 'SENT' or sent_at is not null)
);
create unique index reminder_dedupe on reminder (user_id, kind, dedupe_key);
-- the dispatcher's claim: pending rows in delivery order
create index reminder_pending on reminder (deliver_at) where state = 'PENDING';
-- the daily cap: what a user was sent recently
create index reminder_sent on reminder (user_id, sent_at) where state = 'SENT';

create table notification (
    id           uuid primary key,
    user_id      uuid not null references app_user (id) on delete cascade,
    reminder_id  uuid not null unique references reminder (id) on delete cascade,
    kind         varchar(40) not null,
    title        varchar(200) not null,
    body         varchar(2000) not null,
    link         varchar(300) not null,
    created_at   timestamptz not null default now(),
    read_at      timestamptz
);
-- the inbox: unread first, newest first
create index notification_inbox on notification (user_id, (read_at is not null), id desc);
create index notification_unread on notification (user_id) where read_at is null;

create table notification_preference (
    user_id       uuid primary key references app_user (id) on delete cascade,
    muted_kinds   varchar(40)[] not null default '{}',
    push          boolean not null default true,
    in_app        boolean not null default true,
    quiet_start   time,
    quiet_end     time,
    daily_cap     integer not null default 20 check (daily_cap between 1 and 200),
    updated_at    timestamptz not null default now(),
    version       integer not null default 0,
    check ((quiet_start is null) = (quiet_end is null)),
    check (quiet_start is null or quiet_start <> quiet_end)
);

create table push_subscription (
    id            uuid primary key,
    user_id       uuid not null references app_user (id) on delete cascade,
    endpoint      varchar(2048) not null unique check (endpoint like 'http%://%'),
    p256dh        bytea not null check (length(p256dh) = 65),
    auth          bytea not null check (length(auth) = 16),
    label         varchar(120),
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz
);
create index push_subscription_user on push_subscription (user_id, id);

-- A device that accepted a reminder: a retry after a partial failure skips it.
create table push_delivery (
    reminder_id      uuid not null references reminder (id) on delete cascade,
    subscription_id  uuid not null references push_subscription (id) on delete cascade,
    sent_at          timestamptz not null default now(),
    primary key (reminder_id, subscription_id)
);
