-- One-time links that let a person set their password: an invite for a new user, a reset issued
-- by someone who manages them. Only the SHA-256 of the link's token is stored. A link is spent
-- once (used_at), expires (expires_at) and is replaced when a newer one is issued (replaced_at).
create table access_link (
    id          uuid primary key,
    user_id     uuid not null references app_user (id) on delete cascade,
    purpose     varchar(10) not null check (purpose in ('INVITE', 'RESET')),
    token_hash  bytea not null unique,
    issued_by   uuid references app_user (id) on delete set null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    replaced_at timestamptz,
    check (expires_at > created_at)
);

-- the open links of a user (replaced when a new one is issued)
create index access_link_open on access_link (user_id) where used_at is null and replaced_at is null;
-- the purge of links long past
create index access_link_expires on access_link (expires_at);
