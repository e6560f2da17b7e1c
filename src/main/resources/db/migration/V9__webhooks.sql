-- Webhooks: endpoints integrators register, events written in the transaction that caused them
-- (a transactional outbox), and one delivery per event per subscribed endpoint, claimed by the
-- dispatcher of any replica with FOR UPDATE SKIP LOCKED.

create table webhook_endpoint (
    id                     uuid primary key,
    owner_id               uuid not null references app_user (id),
    url                    varchar(2000) not null,
    description            varchar(500),
    event_types            varchar(60)[] not null check (cardinality(event_types) >= 1),
    -- the teams whose events it receives (an integration account limited to a team subtree); null: all
    team_ids               uuid[],
    active                 boolean not null default true,
    -- signing secrets, AES-GCM encrypted with the configured key (iv || ciphertext)
    secret_enc             bytea not null,
    previous_secret_enc    bytea,
    previous_secret_until  timestamptz,
    -- health: when the current run of failed attempts began; why and when it was disabled
    failing_since          timestamptz,
    disabled_at            timestamptz,
    disabled_reason        varchar(300),
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                integer not null default 0,
    check ((previous_secret_enc is null) = (previous_secret_until is null))
);
create index webhook_endpoint_owner on webhook_endpoint (owner_id, id);
-- publishing looks up the active endpoints subscribed to an event type
create index webhook_endpoint_subscribed on webhook_endpoint using gin (event_types) where active;

create table webhook_event (
    id           uuid primary key,
    type         varchar(60) not null,
    team_id      uuid,
    occurred_at  timestamptz not null default now(),
    payload      jsonb not null
);

create table webhook_delivery (
    id               uuid primary key,
    event_id         uuid not null references webhook_event (id) on delete cascade,
    endpoint_id      uuid not null references webhook_endpoint (id) on delete cascade,
    status           varchar(10) not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer not null default 0,
    -- when the next attempt is due; a claim moves it one lease ahead, so a crashed replica's work comes back
    next_attempt_at  timestamptz not null default now(),
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       varchar(300),
    last_latency_ms  integer,
    delivered_at     timestamptz,
    created_at       timestamptz not null default now(),
    unique (event_id, endpoint_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, id);
create index webhook_event_occurred on webhook_event (occurred_at);
