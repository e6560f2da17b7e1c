-- The organisation's reminder defaults, set by admins: quiet hours and the daily cap of every user
-- who has not saved notification preferences of their own. One row; a null daily cap means the
-- configured default (canvass.reminders.default-daily-cap), until an admin sets one.
create table reminder_settings (
    id           smallint primary key default 1 check (id = 1),
    quiet_start  time,
    quiet_end    time,
    daily_cap    integer check (daily_cap between 1 and 200),
    version      integer not null default 0,
    updated_at   timestamptz not null default now(),
    updated_by   uuid references app_user (id) on delete set null,
    check ((quiet_start is null) = (quiet_end is null)),
    check (quiet_start is null or quiet_start <> quiet_end)
);
insert into reminder_settings (id) values (1);
