package io.canvass.kpi;

import io.canvass.notify.ReminderConfig;
import io.canvass.notify.ReminderKind;
import io.canvass.notify.ReminderRecipients;
import io.canvass.notify.push.PushSender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reminder kind of the team's numbers, found by its scan ({@code ReminderScanner}) and worded in
 * {@code reminders/messages*.properties}. Here because its figures span features (follow-ups and
 * check-ins) across a manager's team subtree, as the team dashboards' do.
 */
final class KpiReminders {

    private KpiReminders() {
    }

    /**
     * Each manager's daily digest at {@code canvass.reminders.digest-at} in their own time zone: the
     * follow-ups overdue across their team subtree, today's visits and how many were unverified.
     * The figures are those at the time the digest is made.
     */
    @ApplicationScoped
    static class ManagerDigest implements ReminderKind {

        static final String CODE = "MANAGER_DIGEST";

        static final String SCAN = """
                with recursive managers as (
                """ + ReminderRecipients.daily(CODE, "digest:") + """
                  and u.role = 'MANAGER'
                  and exists (select 1 from team_manager tm where tm.user_id = u.id)
                ), sub(manager_id, team_id) as (
                    select tm.user_id, tm.team_id from team_manager tm join managers m on m.id = tm.user_id
                    union
                    select sub.manager_id, t.id from team t join sub on t.parent_id = sub.team_id
                )
                insert into reminder (id, user_id, kind, dedupe_key, args, link, due_at, deliver_at)
                select uuid_v7(), m.id, 'MANAGER_DIGEST', m.dedupe_key,
                       jsonb_build_object(
                           'overdue', (select count(*) from follow_up f where f.team_id in (select team_id from sub where manager_id = m.id)
                                       and f.status in ('OPEN', 'SNOOZED') and f.due_at <= now()),
                           'visits', (select count(*) from check_in c where c.team_id in (select team_id from sub where manager_id = m.id)
                                      and c.received_at >= m.today::timestamp at time zone m.time_zone),
                           'unverified', (select count(*) from check_in c where c.team_id in (select team_id from sub where manager_id = m.id)
                                          and c.received_at >= m.today::timestamp at time zone m.time_zone and c.verdict = 'UNVERIFIED')),
                       '/team', m.due_at, m.due_at
                from managers m
                on conflict (user_id, kind, dedupe_key) do nothing""";

        final ReminderConfig config;

        ManagerDigest(ReminderConfig config) {
            this.config = config;
        }

        @Override
        public Priority priority() {
            return Priority.HIGH;
        }

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public PushSender.Urgency urgency() {
            return PushSender.Urgency.LOW;
        }

        @Override
        public Uni<Integer> scan(SqlClient client) {
            return client.preparedQuery(SCAN).execute(Tuple.of(config.digestAt())).map(r -> r.rowCount());
        }
    }
}
