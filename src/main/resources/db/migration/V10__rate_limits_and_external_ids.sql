-- Rate limits across replicas: each replica heartbeats here, so that it takes its share of every
-- per-caller limit (limit / live replicas); the authentication class, low in volume, is counted
-- exactly in a shared bucket per client address.
create table app_replica (
    id       uuid primary key,
    seen_at  timestamptz not null default now()
);

create table rate_bucket (
    key         varchar(200) primary key,
    tokens      double precision not null,
    updated_at  timestamptz not null default now()
);
create index rate_bucket_updated on rate_bucket (updated_at);

-- Integrators' own key for a customer, for batch upserts.
alter table customer add column external_id varchar(100) check (external_id is null or length(trim(external_id)) >= 1);
create unique index customer_external_id on customer (external_id) where external_id is not null;
