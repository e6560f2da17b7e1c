package io.canvass.contract.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One instalment of a contract's collection plan (回款计划): due day, amount, and how much has come in. */
@Entity
@Table(name = "instalment")
@NamedQuery(name = "Instalment.of", query = "from Instalment i where i.contractId = :contractId order by i.position")
@NamedQuery(name = "Instalment.deleteOf", query = "delete from Instalment i where i.contractId = :contractId")
public class Instalment {

    @Id
    public UUID id;

    @Column(name = "contract_id", nullable = false)
    public UUID contractId;

    @Column(nullable = false)
    public int position;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal collected = BigDecimal.ZERO;

    /** The day it was paid in full (the day of the payment that completed it). */
    @Column(name = "paid_on")
    public LocalDate paidOn;

    /** Set by the overdue scan only. */
    @Column(name = "reminded_at", insertable = false, updatable = false)
    public Instant remindedAt;

    /** Set by the overdue scan only. */
    @Column(name = "escalated_at", insertable = false, updatable = false)
    public Instant escalatedAt;

    @Version
    public int version;

    public BigDecimal outstanding() {
        return amount.subtract(collected);
    }
}
