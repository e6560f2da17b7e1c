package io.canvass.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something that happened to a contract: status and renewal changes, notes, plan and payments. */
@Entity
@Table(name = "contract_event")
@NamedQuery(name = "ContractEvent.of", query = "from ContractEvent e where e.contractId = :contractId order by e.at, e.id")
public class ContractEvent {

    public enum Kind {
        CREATED, UPDATED, ACTIVATED, TERMINATED, EXPIRED, ENDED_RENEWED, EVALUATION_OPENED, RENEWAL_NOTE, RENEWED, CHURNED,
        PLAN_SET, PAYMENT
    }

    @Id
    public UUID id;

    @Column(name = "contract_id", nullable = false)
    public UUID contractId;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id")
    public UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public String detail;

    public static ContractEvent of(UUID contractId, UUID actorId, Kind kind, String detail) {
        ContractEvent e = new ContractEvent();
        e.id = io.canvass.platform.Ids.newId();
        e.contractId = contractId;
        e.at = Instant.now();
        e.actorId = actorId;
        e.kind = kind;
        e.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        return e;
    }
}
