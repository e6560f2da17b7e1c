package io.canvass.expense;

import io.canvass.notify.ReminderConfig;
import io.canvass.notify.ReminderKind;
import io.canvass.notify.ReminderRecipients;
import io.canvass.notify.push.PushSender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The reminder kind of expenses, found by its scan ({@code ReminderScanner}) and worded in {@code reminders/messages*.properties}. */
final class ExpenseReminders {

    private ExpenseReminders() {
    }

    /**
     * Once a day, at {@code canvass.reminders.digest-at} in each approver's own time zone, one reminder
     * with how many expense items wait for their decision, when any do: submitted claims of their
     * teams' people for managers (of managers for directors and admins), claims approved by the manager
     * or by finance for finance approvers and admins, and pending pre-approvals for directors and
     * admins. The same rule as the approvals queue (GET /api/v1/expense-claims/approvals); the counts
     * are those when the reminder is made.
     */
    @ApplicationScoped
    static class ApprovalsWaiting implements ReminderKind {

        static final String CODE = "EXPENSE_APPROVALS";

        static final String SCAN = """
                with recursive approvers as (
                """ + ReminderRecipients.daily(CODE, "expenses:") + """
                  and (u.role in ('MANAGER', 'DIRECTOR', 'ADMIN') or u.finance_approver)
                ), sub(approver_id, team_id) as (
                    select tm.user_id, tm.team_id from team_manager tm join approvers a on a.id = tm.user_id and a.role = 'MANAGER'
                    union
                    select sub.approver_id, t.id from team t join sub on t.parent_id = sub.team_id
                ), waiting as (
                    select a.id, a.dedupe_key, a.due_at,
                           (select count(*) from expense_claim c join app_user cu on cu.id = c.user_id
                            where c.user_id <> a.id and (
                                (c.status = 'SUBMITTED' and ((a.role = 'MANAGER' and c.team_id in (select team_id from sub where approver_id = a.id))
                                                            or (a.role in ('DIRECTOR', 'ADMIN')
                                                                and (cu.role <> 'REP' or not team_has_manager(c.team_id)))))
                                or (c.status in ('MANAGER_APPROVED', 'FINANCE_APPROVED') and (a.finance_approver or a.role = 'ADMIN')))) as claims,
                           (select count(*) from expense_pre_approval p
                            where p.status = 'PENDING' and p.requested_by <> a.id and a.role in ('DIRECTOR', 'ADMIN')) as pre_approvals
                    from approvers a
                )
                insert into reminder (id, user_id, kind, dedupe_key, args, link, due_at, deliver_at)
                select uuid_v7(), w.id, 'EXPENSE_APPROVALS', w.dedupe_key,
                       jsonb_build_object('count', w.claims + w.pre_approvals, 'claims', w.claims, 'preApprovals', w.pre_approvals),
                       '/expenses/approvals', w.due_at, w.due_at
                from waiting w
                where w.claims + w.pre_approvals > 0
                on conflict (user_id, kind, dedupe_key) do nothing""";

        final ReminderConfig config;

        ApprovalsWaiting(ReminderConfig config) {
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
