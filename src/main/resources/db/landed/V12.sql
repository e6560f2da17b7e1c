-- V12 as it first landed on main (2026-11-23 17:24) made target.currency char(3); the edit that landed
-- 27 minutes later made it varchar(3), like the entity mapping (production's schema validation refuses
-- char(3)). A database migrated in between gets the column the current V12 creates, and the check that
-- reads it is made again from V12's text, so the catalog reads as a new database's.
alter table target alter column currency type varchar(3);
alter table target drop constraint target_check2,
    add constraint target_check2 check ((metric in ('REVENUE', 'COLLECTIONS')) = (currency is not null));
