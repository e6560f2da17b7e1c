-- CustomerQueries.list for a manager (own customers or the managed teams' customers), first page
-- (limit=50, so 51 rows), default sort CREATED, as the app issues it; run with pgbench -M prepared.
select c.id, c.name, c.grade, c.stage, c.owner_id, u.display_name as owner_name, c.team_id, c.tags,
       c.industry, c.last_touched_at, c.created_at, c.deleted_at,
       coalesce(c.cadence_days_override, least(g.interval_days, s.interval_days), g.interval_days) as cadence_days,
       f.id as pending_id, f.due_on, f.due_at,
       (select count(*) from follow_up m where m.customer_id = c.id and m.status = 'MISSED'
          and m.due_at > now() - interval '90 days') as missed_90,
       c.id::text as sort_key
from customer c
join app_user u on u.id = c.owner_id
left join cadence_policy g on g.kind = 'GRADE' and g.code = c.grade
left join cadence_policy s on s.kind = 'STAGE' and s.code = c.stage
left join follow_up f on f.customer_id = c.id and f.status in ('OPEN', 'SNOOZED')
 where c.deleted_at is null and (c.owner_id = :owner or c.team_id = any(:teams)) order by c.id::text desc, c.id desc limit :lim;
