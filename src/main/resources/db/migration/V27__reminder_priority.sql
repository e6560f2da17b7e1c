-- Reminders compete for a user's daily cap by importance: the dispatcher claims the due ones of
-- the high-priority kinds first, then the others. Kind priorities live in the code (ReminderKind),
-- so the claim asks for due pending rows of a set of kinds: this index serves that, in delivery order.
create index reminder_pending_kind on reminder (kind, deliver_at) where state = 'PENDING';

-- Follow-up escalations about one rep delivered together as one message end as GROUPED: delivered,
-- as part of the group reminder named in their outcome, and not counted against the daily cap.
alter table reminder drop constraint reminder_state_check;
alter table reminder add constraint reminder_state_check
    check (state in ('PENDING', 'SENT', 'FAILED', 'SKIPPED', 'CANCELLED', 'GROUPED'));
