package io.canvass.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of a customer's grade, stage or owner (or its deletion), with who and when. */
@Entity
@Table(name = "customer_change")
public class CustomerChange {

    public enum Field { GRADE, STAGE, OWNER, DELETED }

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id")
    public UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Field field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    public String reason;
}
