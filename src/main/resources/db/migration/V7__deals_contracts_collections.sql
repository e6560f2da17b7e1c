-- Deals (opportunities) with their stage history; contracts with renewal state, events and
-- documents metadata; collection plans (instalments) and the payments received against them;
-- and the durable record of every renewal and collection alert fired (one per dedupe key).
--
-- Money is numeric + ISO 4217 currency code; amounts never carry more decimals than the
-- currency's minor units (checked by the application, which knows them). A deal and a contract
-- belong to a customer and follow its owner and team: scope and reminders use the customer's.

create table deal (
    id                 uuid primary key,
    customer_id        uuid not null references customer (id),
    name               varchar(200) not null check (length(trim(name)) >= 1),
    amount             numeric(20, 4) not null check (amount >= 0),
    currency           varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    product_line       varchar(80),
    stage              varchar(20) not null check (stage in ('QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST')),
    lost_reason        varchar(300),
    expected_close_on  date,
    closed_at          timestamptz,
    created_by         uuid references app_user (id),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer not null default 0,
    check (stage <> 'LOST' or lost_reason is not null),
    check ((stage in ('WON', 'LOST')) = (closed_at is not null))
);
create index deal_customer on deal (customer_id, id);
create index deal_stage on deal (stage, customer_id);

create table deal_stage_change (
    id          uuid primary key,
    deal_id     uuid not null references deal (id) on delete cascade,
    at          timestamptz not null default now(),
    actor_id    uuid references app_user (id),
    from_stage  varchar(20),
    to_stage    varchar(20) not null,
    reason      varchar(300)
);
create index deal_stage_change_deal on deal_stage_change (deal_id, at);

create table contract (
    id                    uuid primary key,
    customer_id           uuid not null references customer (id),
    deal_id               uuid unique references deal (id),
    number                varchar(60) not null unique check (length(trim(number)) >= 1),
    value                 numeric(20, 4) not null check (value >= 0),
    currency              varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    product_lines         varchar(80)[] not null default '{}',
    starts_on             date not null,
    ends_on               date not null,
    status                varchar(12) not null check (status in ('DRAFT', 'ACTIVE', 'EXPIRED', 'TERMINATED', 'RENEWED')),
    renewal_state         varchar(14) not null check (renewal_state in ('NONE', 'UPCOMING', 'IN_EVALUATION', 'RENEWED', 'CHURNED')),
    successor_id          uuid references contract (id),
    predecessor_id        uuid unique references contract (id),
    churn_reason          varchar(300),
    termination_reason    varchar(300),
    documents             jsonb not null default '{"items": []}',
    evaluation_opened_on  date,
    renewal_acted_at      timestamptz,
    renewal_decided_at    timestamptz,
    renewal_checked_on    date,
    created_by            uuid references app_user (id),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               integer not null default 0,
    check (ends_on >= starts_on),
    check ((renewal_state = 'RENEWED') = (successor_id is not null)),
    check (renewal_state <> 'CHURNED' or churn_reason is not null),
    check (status <> 'TERMINATED' or termination_reason is not null)
);
create index contract_customer on contract (customer_id, id);
-- the renewal scan and the radar: contracts whose renewal is still open, by end date
create index contract_renewal_open on contract (ends_on) where status in ('ACTIVE', 'EXPIRED') and renewal_state in ('UPCOMING', 'IN_EVALUATION');
create index contract_active_end on contract (ends_on) where status = 'ACTIVE';

create table contract_event (
    id           uuid primary key,
    contract_id  uuid not null references contract (id) on delete cascade,
    at           timestamptz not null default now(),
    actor_id     uuid references app_user (id),
    kind         varchar(24) not null check (kind in ('CREATED', 'UPDATED', 'ACTIVATED', 'TERMINATED', 'EXPIRED', 'ENDED_RENEWED',
                                                       'EVALUATION_OPENED', 'RENEWAL_NOTE', 'RENEWED', 'CHURNED', 'PLAN_SET', 'PAYMENT')),
    detail       varchar(1000)
);
create index contract_event_contract on contract_event (contract_id, at);

create table instalment (
    id            uuid primary key,
    contract_id   uuid not null references contract (id) on delete cascade,
    position      integer not null check (position >= 1),
    due_on        date not null,
    amount        numeric(20, 4) not null check (amount > 0),
    currency      varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    collected     numeric(20, 4) not null default 0 check (collected >= 0),
    paid_on       date,
    reminded_at   timestamptz,
    escalated_at  timestamptz,
    version       integer not null default 0,
    unique (contract_id, position),
    -- over-payment is refused: an instalment never collects more than its amount
    check (collected <= amount),
    check ((collected = amount) = (paid_on is not null))
);
-- the overdue scan and the agenda: unpaid instalments by due day
create index instalment_unpaid on instalment (due_on) where paid_on is null;
create index instalment_contract on instalment (contract_id, position);

create table payment (
    id            uuid primary key,
    instalment_id uuid not null references instalment (id),
    contract_id   uuid not null references contract (id),
    amount        numeric(20, 4) not null check (amount > 0),
    currency      varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    received_on   date not null,
    reference     varchar(120),
    note          varchar(1000),
    recorded_by   uuid references app_user (id),
    recorded_at   timestamptz not null default now()
);
create index payment_contract on payment (contract_id, received_on);
create index payment_instalment on payment (instalment_id);
create index payment_received on payment (received_on);

-- Each alert the renewal and collection scans fire, once per dedupe key. Delivered to the
-- reminder engine from here (delivered_at set when it has taken it).
create table money_alert (
    id            uuid primary key,
    dedupe_key    varchar(200) not null unique,
    kind          varchar(28) not null check (kind in ('RENEWAL_WINDOW', 'RENEWAL_ESCALATION', 'CONTRACT_EXPIRED_UNDECIDED',
                                                       'INSTALMENT_OVERDUE', 'COLLECTION_ESCALATION')),
    recipient_id  uuid not null references app_user (id),
    customer_id   uuid not null references customer (id),
    contract_id   uuid not null references contract (id) on delete cascade,
    instalment_id uuid references instalment (id) on delete cascade,
    window_days   integer,
    due_on        date not null,
    fired_at      timestamptz not null default now(),
    delivered_at  timestamptz
);
create index money_alert_contract on money_alert (contract_id, fired_at);
create index money_alert_undelivered on money_alert (fired_at) where delivered_at is null;
