package io.canvass.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event Canvass emits, with the record that is its {@code data}. Only events that a feature
 * actually publishes are declared here (the OpenAPI document lists exactly these under webhooks).
 */
public enum WebhookEventType {
    CHECKIN_CREATED("checkin.created", WebhookPayloads.CheckInCreated.class, "A rep checked in at a customer"),
    FOLLOWUP_COMPLETED("followup.completed", WebhookPayloads.FollowUpCompleted.class, "A follow-up was done"),
    FOLLOWUP_OVERDUE("followup.overdue", WebhookPayloads.FollowUpOverdue.class, "A follow-up was missed (overdue beyond its grace)"),
    CUSTOMER_CREATED("customer.created", WebhookPayloads.CustomerCreated.class, "A customer was created"),
    CUSTOMER_GRADE_CHANGED("customer.grade_changed", WebhookPayloads.CustomerGradeChanged.class, "A customer's grade changed"),
    CUSTOMER_STAGE_CHANGED("customer.stage_changed", WebhookPayloads.CustomerStageChanged.class, "A customer's lead stage changed"),
    DEAL_STAGE_CHANGED("deal.stage_changed", WebhookPayloads.DealStageChanged.class, "A deal moved to another stage (won and lost included)"),
    CONTRACT_EXPIRING("contract.expiring", WebhookPayloads.ContractExpiring.class, "An undecided contract entered a renewal window"),
    CONTRACT_RENEWED("contract.renewed", WebhookPayloads.ContractRenewed.class, "A contract was renewed by a successor contract"),
    PAYMENT_RECEIVED("payment.received", WebhookPayloads.PaymentReceived.class, "A payment was recorded against an instalment"),
    INSTALMENT_OVERDUE("instalment.overdue", WebhookPayloads.InstalmentOverdue.class, "An instalment was not paid in full by its due day"),
    COACHING_ASSIGNED("coaching.assigned", WebhookPayloads.CoachingAssigned.class, "A manager assigned a coaching task to a rep"),
    COMMISSION_PERIOD_CLOSED("commission.period_closed", WebhookPayloads.CommissionPeriodClosed.class,
            "A commission period was closed and its statements frozen"),
    EXPENSE_CLAIM_SUBMITTED("expense.claim_submitted", WebhookPayloads.ExpenseClaimSubmitted.class, "A rep submitted an expense claim"),
    EXPENSE_CLAIM_APPROVED("expense.claim_approved", WebhookPayloads.ExpenseClaimApproved.class,
            "An expense claim was approved by the manager or by finance"),
    EXPENSE_CLAIM_RETURNED("expense.claim_returned", WebhookPayloads.ExpenseClaimReturned.class,
            "An expense claim was returned to the rep with a comment"),
    EXPENSE_CLAIM_PAID("expense.claim_paid", WebhookPayloads.ExpenseClaimPaid.class, "An expense claim was paid");

    private final String type;
    private final Class<? extends Record> payload;
    private final String description;

    WebhookEventType(String type, Class<? extends Record> payload, String description) {
        this.type = type;
        this.payload = payload;
        this.description = description;
    }

    public String type() {
        return type;
    }

    public Class<? extends Record> payload() {
        return payload;
    }

    public String description() {
        return description;
    }

    /** The schema name of its data in the OpenAPI document. */
    public String schemaName() {
        return payload.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class).name();
    }

    public static Optional<WebhookEventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    static WebhookEventType of(Record payload) {
        return Arrays.stream(values()).filter(t -> t.payload == payload.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payload.getClass() + " is not a declared webhook event"));
    }
}
