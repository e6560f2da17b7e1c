package io.canvass.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One move of a deal from a stage to another (the first has no {@code fromStage}). */
@Entity
@Table(name = "deal_stage_change")
@NamedQuery(name = "DealStageChange.of", query = "from DealStageChange c where c.dealId = :dealId order by c.at, c.id")
public class DealStageChange {

    @Id
    public UUID id;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id")
    public UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public Deal.Stage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    public Deal.Stage toStage;

    public String reason;
}
