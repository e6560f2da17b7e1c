-- A key is now written in the same transaction as the write it guards, only once that write has
-- its answer: there is no claim in progress any more, and the answer keeps the headers that matter.
delete from idempotency_key where state = 'IN_PROGRESS';
alter table idempotency_key
    alter column state set default 'DONE',
    alter column locked_until set default now(),
    add column headers text;
