-- The onboarding template is saved whole by admins; its version lets a save made on an older copy be
-- refused (412) instead of silently replacing a colleague's edit. One row.
create table onboarding_template (
    id       smallint primary key default 1 check (id = 1),
    version  integer not null default 0
);
insert into onboarding_template default values;
