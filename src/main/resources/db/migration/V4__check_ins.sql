-- Check-ins at customers, their photos, idempotency keys for retried writes, and the spatial
-- index behind "customers near me".

create table check_in (
    id                 uuid primary key,
    seq                bigint generated always as identity unique,
    user_id            uuid not null references app_user (id),
    team_id            uuid not null references team (id),
    customer_id        uuid not null references customer (id),
    client_time        timestamptz not null,
    received_at        timestamptz not null default now(),
    lat                double precision check (lat between -90 and 90),
    lng                double precision check (lng between -180 and 180),
    accuracy_m         double precision check (accuracy_m >= 0),
    fix_age_s          integer check (fix_age_s >= 0),
    distance_m         double precision,
    verdict            varchar(12) not null check (verdict in ('VERIFIED', 'UNVERIFIED')),
    unverified_reason  varchar(24) check (unverified_reason in ('TOO_FAR', 'POOR_ACCURACY', 'STALE_FIX', 'NO_POSITION', 'NO_CUSTOMER_LOCATION')),
    purpose            varchar(20) not null check (purpose in ('FIRST_VISIT', 'FOLLOW_UP', 'DEMO', 'NEGOTIATION', 'DELIVERY', 'COLLECTION', 'SERVICE', 'OTHER')),
    notes              varchar(4000),
    outcome            varchar(1000),
    next_action        varchar(500),
    next_action_due    date,
    follow_up_id       uuid references follow_up (id),
    request_hash       bytea not null,
    check ((lat is null) = (lng is null)),
    check ((verdict = 'VERIFIED') = (unverified_reason is null))
);
create index check_in_user on check_in (user_id, seq);
create index check_in_team on check_in (team_id, seq);
create index check_in_customer on check_in (customer_id, seq);
create index check_in_received on check_in (received_at);

create table check_in_photo (
    check_in_id   uuid primary key references check_in (id) on delete cascade,
    content_type  varchar(20) not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes    integer not null,
    bytes         bytea not null,
    uploaded_at   timestamptz not null default now()
);

create table idempotency_key (
    user_id       uuid not null references app_user (id) on delete cascade,
    key           varchar(200) not null,
    request_hash  bytea not null,
    state         varchar(12) not null check (state in ('IN_PROGRESS', 'DONE')),
    status        integer,
    body          text,
    created_at    timestamptz not null default now(),
    locked_until  timestamptz not null,
    primary key (user_id, key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- "Customers near me": a GiST index on the location lets the box search and nearest-first order use it.
create index customer_location on customer using gist (point(lng, lat)) where lat is not null and deleted_at is null;
