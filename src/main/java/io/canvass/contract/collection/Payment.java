package io.canvass.contract.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Money received against an instalment (a partial payment is one of several). */
@Entity
@Table(name = "payment")
@NamedQuery(name = "Payment.of", query = "from Payment p where p.contractId = :contractId order by p.receivedOn, p.id")
@NamedQuery(name = "Payment.countOf", query = "select count(p) from Payment p where p.contractId = :contractId")
public class Payment {

    @Id
    public UUID id;

    @Column(name = "instalment_id", nullable = false)
    public UUID instalmentId;

    @Column(name = "contract_id", nullable = false)
    public UUID contractId;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    public String reference;

    public String note;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
