package io.canvass.coaching;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Gives each newly added rep an onboarding plan from the template, in one statement: the plan's
 * unique rep makes it safe on any number of replicas (a second replica inserts nothing).
 */
@ApplicationScoped
public class OnboardingSweep {

    private static final Logger LOG = Logger.getLogger(OnboardingSweep.class);

    /** New plans for reps added within the window (and not hired before it), with the template's milestones as tasks. */
    static final String PLAN_NEW_REPS = """
            with new_plans as (
                insert into onboarding_plan (id, rep_id, starts_on)
                select uuid_v7(), u.id, coalesce(u.hired_on, (u.created_at at time zone u.time_zone)::date)
                from app_user u
                where u.role = 'REP' and u.active and u.team_id is not null
                  and u.created_at > now() - make_interval(secs => $1)
                  and (u.hired_on is null or u.hired_on >= (now() - make_interval(secs => $1))::date)
                  and not exists (select 1 from onboarding_plan p where p.rep_id = u.id)
                on conflict (rep_id) do nothing
                returning id, rep_id, starts_on
            ), new_tasks as (
                insert into coaching_task (id, rep_id, team_id, kind, title, goal, due_on, status, onboarding_plan_id)
                select uuid_v7(), p.rep_id, u.team_id, m.kind, m.title, m.goal, p.starts_on + m.day_offset, 'OPEN', p.id
                from new_plans p join app_user u on u.id = p.rep_id cross join onboarding_milestone m
                returning 1
            )
            select (select count(*) from new_plans) as plans, (select count(*) from new_tasks) as tasks""";

    @Inject
    Pool pool;

    @Inject
    CoachingConfig config;

    @Scheduled(every = "${canvass.coaching.onboarding.every:10m}", delayed = "${canvass.coaching.onboarding.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.onboarding().auto()) {
            return Uni.createFrom().voidItem();
        }
        return sweep().invoke(plans -> {
            if (plans > 0) {
                LOG.infof("Onboarding plans made for %d new reps", plans);
            }
        }).replaceWithVoid();
    }

    /** Makes the missing plans; returns how many. */
    public Uni<Long> sweep() {
        return pool.preparedQuery(PLAN_NEW_REPS).execute(Tuple.of((double) config.onboarding().newRepWindow().toSeconds()))
                .map(rows -> rows.iterator().next().getLong("plans"));
    }
}
