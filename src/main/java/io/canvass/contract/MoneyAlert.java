package io.canvass.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A renewal or collection alert that fired, once per dedupe key (written by the scans in SQL,
 * read here). Each becomes a reminder to its recipient.
 */
@Entity
@Table(name = "money_alert")
@NamedQuery(name = "MoneyAlert.ofContract", query = "from MoneyAlert a where a.contractId = :contractId order by a.firedAt, a.id")
public class MoneyAlert {

    public enum Kind { RENEWAL_WINDOW, RENEWAL_ESCALATION, CONTRACT_EXPIRED_UNDECIDED, INSTALMENT_OVERDUE, COLLECTION_ESCALATION }

    @Id
    public UUID id;

    @Column(name = "dedupe_key", nullable = false)
    public String dedupeKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "contract_id", nullable = false)
    public UUID contractId;

    @Column(name = "instalment_id")
    public UUID instalmentId;

    @Column(name = "window_days")
    public Integer windowDays;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "fired_at", nullable = false)
    public Instant firedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
