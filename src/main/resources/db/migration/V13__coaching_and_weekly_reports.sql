-- Coaching: tasks a manager assigns to a rep (with a thread of notes), the onboarding template of
-- 30-day milestones and the plans made from it, coaching proposed by the diagnosis, and the
-- weekly report (data layer generated, behaviour and problem layers written by the rep).

create table onboarding_milestone (
    id          uuid primary key,
    day_offset  integer not null check (day_offset between 0 and 90),
    kind        varchar(20) not null check (kind in ('ONBOARDING_MILESTONE', 'SKILL_TRAINING', 'SHADOW_VISIT', 'IMPROVEMENT_PLAN', 'MENTOR_SESSION')),
    title       varchar(200) not null check (length(trim(title)) >= 1),
    goal        varchar(2000) not null check (length(trim(goal)) >= 1),
    updated_at  timestamptz not null default now(),
    version     integer not null default 0
);
create index onboarding_milestone_day on onboarding_milestone (day_offset, id);

-- Defaults from the handbook: product knowledge, the basic process and compliance, a mentor who
-- reviews visits weekly, and a 30-day milestone.
insert into onboarding_milestone (id, day_offset, kind, title, goal) values
    (uuid_v7(), 1, 'MENTOR_SESSION', '认识导师，制定30天计划', '与导师一对一沟通，明确30天成长里程碑与每周复盘时间'),
    (uuid_v7(), 3, 'SKILL_TRAINING', '产品知识：卖点到客户痛点', '能用客户语言讲清主要产品线的三个卖点及其对应的客户痛点'),
    (uuid_v7(), 5, 'SKILL_TRAINING', '销售流程与合规规范', '掌握线索分级、跟进节奏、签到与跟进记录、合同与回款流程及合规要求'),
    (uuid_v7(), 7, 'SHADOW_VISIT', '跟访导师拜访客户', '跟随导师完成至少两次客户拜访，记录提问与异议处理'),
    (uuid_v7(), 14, 'MENTOR_SESSION', '第二周复盘：拜访记录', '与导师复盘本周拜访记录，找出一个改进点'),
    (uuid_v7(), 21, 'SHADOW_VISIT', '导师跟访：独立拜访', '独立完成一次拜访，导师跟访并给出反馈'),
    (uuid_v7(), 30, 'ONBOARDING_MILESTONE', '30天里程碑评估', '独立管理自己的客户池：完成首批有效拜访，跟进按时率达标，与经理评估成长');

create table onboarding_plan (
    id          uuid primary key,
    rep_id      uuid not null unique references app_user (id) on delete cascade,
    mentor_id   uuid references app_user (id),
    starts_on   date not null,
    created_by  uuid references app_user (id),
    created_at  timestamptz not null default now()
);

create table coaching_task (
    id                   uuid primary key,
    rep_id               uuid not null references app_user (id) on delete cascade,
    team_id              uuid not null references team (id),
    assigned_by          uuid references app_user (id),
    mentor_id            uuid references app_user (id),
    kind                 varchar(20) not null check (kind in ('ONBOARDING_MILESTONE', 'SKILL_TRAINING', 'SHADOW_VISIT', 'IMPROVEMENT_PLAN', 'MENTOR_SESSION')),
    title                varchar(200) not null check (length(trim(title)) >= 1),
    goal                 varchar(2000) not null check (length(trim(goal)) >= 1),
    due_on               date not null,
    status               varchar(12) not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    progress             varchar(4000),
    outcome              varchar(2000),
    reviewed_by          uuid references app_user (id),
    reviewed_at          timestamptz,
    onboarding_plan_id   uuid references onboarding_plan (id) on delete cascade,
    completed_at         timestamptz,
    due_reminded_at      timestamptz,
    overdue_reminded_at  timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              integer not null default 0,
    check ((status = 'DONE') = (completed_at is not null))
);
create index coaching_task_rep on coaching_task (rep_id, due_on, id);
create index coaching_task_team on coaching_task (team_id, due_on, id);
create index coaching_task_plan on coaching_task (onboarding_plan_id);
-- the reminder scan: open tasks by due day
create index coaching_task_open_due on coaching_task (due_on) where status in ('OPEN', 'IN_PROGRESS');

create table coaching_note (
    id         uuid primary key,
    task_id    uuid not null references coaching_task (id) on delete cascade,
    author_id  uuid not null references app_user (id),
    at         timestamptz not null default now(),
    body       varchar(4000) not null check (length(trim(body)) >= 1)
);
create index coaching_note_task on coaching_note (task_id, at);

create table coaching_proposal (
    id              uuid primary key,
    rep_id          uuid not null references app_user (id) on delete cascade,
    team_id         uuid not null references team (id),
    rule            varchar(20) not null check (rule in ('VISIT_QUALITY', 'PROPOSAL_FIT', 'TARGET_MISSED', 'TIME_MANAGEMENT')),
    kind            varchar(20) not null check (kind in ('ONBOARDING_MILESTONE', 'SKILL_TRAINING', 'SHADOW_VISIT', 'IMPROVEMENT_PLAN', 'MENTOR_SESSION')),
    evidence        jsonb not null,
    evidence_key    varchar(200) not null,
    window_start    date not null,
    window_end      date not null,
    status          varchar(10) not null check (status in ('OPEN', 'ACCEPTED', 'DISMISSED')),
    decided_by      uuid references app_user (id),
    decided_at      timestamptz,
    dismiss_reason  varchar(1000),
    task_id         uuid references coaching_task (id) on delete set null,
    created_at      timestamptz not null default now(),
    check (status <> 'DISMISSED' or dismiss_reason is not null)
);
-- the same evidence never proposes twice; at most one open proposal per rep and rule
create unique index coaching_proposal_evidence on coaching_proposal (rep_id, rule, evidence_key);
create unique index coaching_proposal_open on coaching_proposal (rep_id, rule) where status = 'OPEN';
create index coaching_proposal_team on coaching_proposal (team_id, status, id);

create table weekly_report (
    id               uuid primary key,
    user_id          uuid not null references app_user (id) on delete cascade,
    team_id          uuid references team (id),
    week_start       date not null check (extract(isodow from week_start) = 1),
    behaviour        varchar(4000),
    problems         varchar(4000),
    support_needed   varchar(2000),
    status           varchar(10) not null check (status in ('DRAFT', 'SUBMITTED')),
    data             jsonb,
    submitted_at     timestamptz,
    manager_comment  varchar(2000),
    commented_by     uuid references app_user (id),
    commented_at     timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0,
    unique (user_id, week_start),
    check ((status = 'SUBMITTED') = (submitted_at is not null))
);
create index weekly_report_team_week on weekly_report (team_id, week_start);
