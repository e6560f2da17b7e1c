-- AgendaService.ITEMS for a rep (f.owner_id = $1), as the app issues it; run with pgbench -M prepared.
select f.id, f.customer_id, c.name, c.grade, c.stage, f.owner_id, f.due_on, f.channel, f.status,
       coalesce(c.last_touched_at, c.created_at) as touched,
       coalesce(c.cadence_days_override, least(g.interval_days, s.interval_days), g.interval_days) as cadence_days
from follow_up f
join customer c on c.id = f.customer_id
left join cadence_policy g on g.kind = 'GRADE' and g.code = c.grade
left join cadence_policy s on s.kind = 'STAGE' and s.code = c.stage
where f.status in ('OPEN', 'SNOOZED') and f.due_on <= :day and c.deleted_at is null and f.owner_id = :owner;
