package io.canvass.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change: who did what to which record, and the record before and after. */
@Entity
@Table(name = "audit_log")
@NamedQuery(name = "AuditEntry.page", query = """
        from AuditEntry e
        where e.id > :after
          and (:anyType = true or e.entityType = :entityType)
          and (:anyEntity = true or e.entityId = :entityId)
          and (:anyActor = true or e.actorId = :actorId)
          and e.at >= :from and e.at < :to
        order by e.id""")
public class AuditEntry {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(nullable = false)
    public String action;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> after;
}
