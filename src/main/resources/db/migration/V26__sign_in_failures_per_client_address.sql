-- Failed sign-ins counted per account and client address, so that failures from one address pause
-- only that address, and per account across all addresses (address '*'), which slows a guess spread
-- over many addresses without refusing the owner at an address that has not failed (policy:
-- identity/LoginThrottle and src/docs/api.md). login_throttle (V1) counted per account alone; it is
-- no longer read or written, and stays until a later release so that replicas of the previous one
-- keep working during a rolling update.
create table sign_in_failure (
    subject        varchar(300) not null,  -- account:<email> or client:<client id>
    address        varchar(64)  not null,  -- the client address (an IPv6 address's /64), or '*'
    failures       integer      not null check (failures > 0),
    first_failure  timestamptz  not null,  -- start of the window the failures are counted in
    last_failure   timestamptz  not null,
    blocked_until  timestamptz,
    expires_at     timestamptz  not null,  -- nothing left to remember after this: purged
    primary key (subject, address),
    check (address <> '')
);

create index sign_in_failure_expiry on sign_in_failure (expires_at);
