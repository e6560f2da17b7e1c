package io.canvass.contract;

import io.canvass.notify.ReminderService;
import io.canvass.platform.Money;
import io.canvass.platform.Statements;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fires renewal and collection alerts durably and once: each has a dedupe key naming what it is
 * about (contract and its end date, or instalment and its due date, the window, the recipient),
 * and a second attempt with the same key does nothing. This is the one place alerts are created,
 * so the hand-over to the reminder engine (push and in-app inbox) belongs here, in the same
 * transaction as the alert row, and so do the webhook events that alerts are: a renewal window
 * reached is {@code contract.expiring}, an instalment overdue is {@code instalment.overdue}
 * (both go to the owner only, so each is emitted once per window or instalment).
 */
@ApplicationScoped
public class MoneyAlerts {

    static final String INSERT = """
            insert into money_alert (id, dedupe_key, kind, recipient_id, customer_id, contract_id, instalment_id, window_days, due_on)
            values (uuid_v7(), $1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (dedupe_key) do nothing
            returning id""";

    /**
     * The managers a rep's alerts escalate to: the active managers of the nearest team, from the
     * rep's own up the tree, that has one other than the rep.
     */
    static final String MANAGERS = """
            with recursive up(id, parent_id, depth) as (
                select id, parent_id, 0 from team where id = $1
                union all
                select t.id, t.parent_id, up.depth + 1 from team t join up on t.id = up.parent_id
            ), m as (
                select tm.user_id, up.depth from up
                join team_manager tm on tm.team_id = up.id
                join app_user u on u.id = tm.user_id and u.active and u.id <> $2
            )
            select distinct user_id from m where depth = (select min(depth) from m)""";

    /** One alert to fire. */
    public record Alert(MoneyAlert.Kind kind, UUID recipientId, UUID customerId, UUID contractId, UUID instalmentId,
                        Integer windowDays, LocalDate dueOn) {

        /** What makes it unique: the subject, its date, the window and the recipient. */
        public String dedupeKey() {
            UUID subject = instalmentId != null ? instalmentId : contractId;
            return kind.name().toLowerCase() + ":" + subject + ":" + dueOn + (windowDays == null ? "" : ":" + windowDays) + ":" + recipientId;
        }
    }

    /**
     * What a reminder about an alert says (the customer, the contract and, for an instalment, what
     * is still owed), and what its webhook event carries.
     */
    static final String DETAILS = """
            select cu.name as customer, cu.id as customer_id, cu.owner_id, cu.team_id,
                   c.number, c.ends_on, c.value, c.currency as contract_currency, u.display_name as owner,
                   i.position, i.due_on, i.amount, i.amount - i.collected as outstanding, i.currency
            from contract c
            join customer cu on cu.id = c.customer_id
            join app_user u on u.id = cu.owner_id
            left join instalment i on i.id = $2
            where c.id = $1""";

    static final String HANDED_OVER = "update money_alert set delivered_at = now() where id = $1";

    @Inject
    ReminderService reminders;

    @Inject
    WebhookEvents webhooks;

    /**
     * Fires the alert unless it already fired, and hands a new one to the reminder engine (in-app
     * inbox and push) and, when it is one, emits its webhook event, in the same transaction; true
     * when it is new.
     */
    public Uni<Boolean> fire(SqlClient tx, Alert a) {
        return tx.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(a.dedupeKey(), a.kind().name(), a.recipientId(), a.customerId(), a.contractId(),
                        a.instalmentId(), a.windowDays(), a.dueOn())))
                .chain(rows -> rows.rowCount() == 1
                        ? remind(tx, a, rows.iterator().next().getUUID("id")).replaceWith(true)
                        : Uni.createFrom().item(false));
    }

    private Uni<Void> remind(SqlClient tx, Alert a, UUID alertId) {
        return tx.preparedQuery(DETAILS).execute(Tuple.of(a.contractId(), a.instalmentId()))
                .map(rows -> rows.iterator().next())
                .call(details -> reminders.schedule(tx, reminder(a, details)))
                .call(() -> tx.preparedQuery(HANDED_OVER).execute(Tuple.of(alertId)))
                .chain(details -> publish(tx, a, details));
    }

    private static ReminderService.Reminder reminder(Alert a, Row details) {
        return new ReminderService.Reminder(a.recipientId(), a.kind().name(), a.dedupeKey(), Instant.now(),
                "/contracts/" + a.contractId(), args(a, details), a.instalmentId() != null ? a.instalmentId() : a.contractId());
    }

    /** The webhook event of a renewal window or an overdue instalment reaching the owner; other alerts are none. */
    private Uni<Void> publish(SqlClient tx, Alert a, Row r) {
        Record event = event(a, r);
        return event == null ? Uni.createFrom().voidItem() : webhooks.publish(Statements.on(tx), List.of(r.getUUID("team_id")), List.of(event));
    }

    private static Record event(Alert a, Row r) {
        if (!a.recipientId().equals(r.getUUID("owner_id"))) {
            return null;
        }
        if (a.kind() == MoneyAlert.Kind.RENEWAL_WINDOW) {
            Currency currency = Currency.getInstance(r.getString("contract_currency"));
            return new WebhookPayloads.ContractExpiring(a.contractId(), r.getString("number"), r.getUUID("customer_id"),
                    r.getUUID("owner_id"), r.getUUID("team_id"), Money.scaled(r.getBigDecimal("value"), currency).toPlainString(),
                    currency.getCurrencyCode(), r.getLocalDate("ends_on"), a.windowDays());
        }
        if (a.kind() == MoneyAlert.Kind.INSTALMENT_OVERDUE) {
            Currency currency = Currency.getInstance(r.getString("currency"));
            return new WebhookPayloads.InstalmentOverdue(a.instalmentId(), a.contractId(), r.getString("number"), r.getUUID("customer_id"),
                    r.getUUID("owner_id"), r.getUUID("team_id"), r.getInteger("position"), r.getLocalDate("due_on"),
                    Money.scaled(r.getBigDecimal("amount"), currency).toPlainString(),
                    Money.scaled(r.getBigDecimal("outstanding"), currency).toPlainString(), currency.getCurrencyCode());
        }
        return null;
    }

    private static Map<String, Object> args(Alert a, Row r) {
        Map<String, Object> args = new HashMap<>();
        args.put("customer", r.getString("customer"));
        args.put("contract", r.getString("number"));
        args.put("endsOn", r.getLocalDate("ends_on").toString());
        args.put("rep", r.getString("owner"));
        args.put("days", a.windowDays() == null ? "" : a.windowDays().toString());
        if (a.instalmentId() != null) {
            args.put("dueOn", r.getLocalDate("due_on").toString());
            String currency = r.getString("currency");
            args.put("amount", Money.scaled(r.getBigDecimal("outstanding"), Currency.getInstance(currency)).toPlainString() + " " + currency);
        }
        return args;
    }

    /** Fires each alert in turn (one connection: never concurrently); the number that were new. */
    public Uni<Integer> fireAll(SqlClient tx, List<Alert> alerts) {
        Uni<Integer> count = Uni.createFrom().item(0);
        for (Alert a : alerts) {
            count = count.chain(n -> fire(tx, a).map(fresh -> fresh ? n + 1 : n));
        }
        return count;
    }

    public Uni<List<UUID>> managersOf(SqlClient tx, UUID teamId, UUID ownerId) {
        return tx.preparedQuery(MANAGERS).execute(Tuple.of(teamId, ownerId)).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getUUID(0)));
            return ids;
        });
    }
}
