-- Sales expenses: monthly budgets per team and category, expense claims with their receipts and
-- history (draft → submitted → manager approved → finance approved → paid, or returned to the
-- rep), and pre-approval requests that raise a budget's headroom for an over-budget claim.
--
-- Money is numeric + ISO 4217 currency code, as elsewhere. Finance approvers are ordinary users
-- with the finance_approver flag, set by admins.

alter table app_user add column finance_approver boolean not null default false;

create table expense_budget (
    id            uuid primary key,
    team_id       uuid not null references team (id),
    category      varchar(24) not null check (category in ('MARKETING_EVENTS', 'TRAVEL', 'CLIENT_ENTERTAINMENT', 'TRAINING', 'OTHER')),
    month         date not null check (extract(day from month) = 1),
    amount        numeric(20, 4) not null check (amount >= 0),
    currency      varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    created_by    uuid references app_user (id),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer not null default 0,
    constraint expense_budget_one_per_month unique (team_id, category, month, currency)
);
create index expense_budget_month on expense_budget (month, team_id);

create table expense_pre_approval (
    id             uuid primary key,
    requested_by   uuid not null references app_user (id),
    team_id        uuid not null references team (id),
    category       varchar(24) not null check (category in ('MARKETING_EVENTS', 'TRAVEL', 'CLIENT_ENTERTAINMENT', 'TRAINING', 'OTHER')),
    month          date not null check (extract(day from month) = 1),
    amount         numeric(20, 4) not null check (amount > 0),
    currency       varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    reason         varchar(1000) not null check (length(trim(reason)) >= 1),
    status         varchar(10) not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by     uuid references app_user (id),
    decided_at     timestamptz,
    decision_note  varchar(1000),
    created_at     timestamptz not null default now(),
    version        integer not null default 0,
    check ((status = 'PENDING') = (decided_at is null)),
    check (status <> 'REJECTED' or decision_note is not null)
);
create index expense_pre_approval_budget on expense_pre_approval (team_id, category, month) where status = 'APPROVED';
create index expense_pre_approval_pending on expense_pre_approval (created_at) where status = 'PENDING';
create index expense_pre_approval_team on expense_pre_approval (team_id, id);
create index expense_pre_approval_requester on expense_pre_approval (requested_by, id);

create table expense_claim (
    id                   uuid primary key,
    user_id              uuid not null references app_user (id),
    team_id              uuid not null references team (id),
    spent_on             date not null,
    category             varchar(24) not null check (category in ('MARKETING_EVENTS', 'TRAVEL', 'CLIENT_ENTERTAINMENT', 'TRAINING', 'OTHER')),
    amount               numeric(20, 4) not null check (amount > 0),
    currency             varchar(3) not null check (currency ~ '^[A-Z]{3}$'),
    customer_id          uuid references customer (id),
    deal_id              uuid references deal (id),
    description          varchar(1000) not null check (length(trim(description)) >= 1),
    status               varchar(18) not null check (status in ('DRAFT', 'SUBMITTED', 'MANAGER_APPROVED', 'FINANCE_APPROVED', 'PAID', 'RETURNED')),
    submitted_at         timestamptz,
    manager_approved_by  uuid references app_user (id),
    manager_approved_at  timestamptz,
    finance_approved_by  uuid references app_user (id),
    finance_approved_at  timestamptz,
    paid_by              uuid references app_user (id),
    paid_at              timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              integer not null default 0,
    check (status not in ('MANAGER_APPROVED', 'FINANCE_APPROVED', 'PAID') or manager_approved_at is not null),
    check (status not in ('FINANCE_APPROVED', 'PAID') or finance_approved_at is not null),
    check ((status = 'PAID') = (paid_at is not null))
);
create index expense_claim_user on expense_claim (user_id, id);
create index expense_claim_team on expense_claim (team_id, id);
-- budget sums: claims of a team, category and month that are not drafts or returned
create index expense_claim_budget on expense_claim (team_id, category, spent_on) where status in ('SUBMITTED', 'MANAGER_APPROVED', 'FINANCE_APPROVED', 'PAID');
-- approval queues and the approvals reminder
create index expense_claim_waiting on expense_claim (status, team_id) where status in ('SUBMITTED', 'MANAGER_APPROVED', 'FINANCE_APPROVED');

create table expense_claim_event (
    id           uuid primary key,
    claim_id     uuid not null references expense_claim (id) on delete cascade,
    at           timestamptz not null default now(),
    actor_id     uuid references app_user (id),
    action       varchar(20) not null check (action in ('CREATED', 'UPDATED', 'SUBMITTED', 'WITHDRAWN', 'MANAGER_APPROVED', 'FINANCE_APPROVED', 'PAID', 'RETURNED')),
    from_status  varchar(18),
    to_status    varchar(18) not null,
    comment      varchar(1000)
);
create index expense_claim_event_claim on expense_claim_event (claim_id, at);

create table expense_receipt (
    id            uuid primary key,
    claim_id      uuid not null references expense_claim (id) on delete cascade,
    content_type  varchar(20) not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes    integer not null check (size_bytes > 0),
    bytes         bytea not null,
    uploaded_by   uuid references app_user (id),
    uploaded_at   timestamptz not null default now()
);
create index expense_receipt_claim on expense_receipt (claim_id, id);
