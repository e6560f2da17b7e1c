-- A rep's submitted expense claim waits for the managers whose teams reach the claim's team. Where
-- no active manager does (a team without one, its parents without one either), it reached nobody's
-- approval queue or reminder; it now waits for directors and admins, as managers' own claims do.
create function team_has_manager(p_team uuid) returns boolean language sql stable as $$
    with recursive up(id, parent_id) as (
        select t.id, t.parent_id from team t where t.id = p_team
        union
        select t.id, t.parent_id from team t join up on t.id = up.parent_id
    )
    select exists (select 1 from up join team_manager m on m.team_id = up.id join app_user u on u.id = m.user_id
                   where u.active and u.role = 'MANAGER')
$$;
