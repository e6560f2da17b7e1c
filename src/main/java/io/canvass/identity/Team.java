package io.canvass.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A node of the organisation's team tree (region, product group, customer segment...). */
@Entity
@Table(name = "team")
@NamedQuery(name = "Team.page", query = """
        from Team t
        where t.id > :after and (:all = true or t.id in :teams)
        order by t.id""")
@NamedQuery(name = "Team.all", query = "from Team t order by t.id")
@NamedQuery(name = "Team.children", query = "select count(t) from Team t where t.parentId = :id")
@NamedQuery(name = "Team.sameName", query = """
        select count(t) from Team t
        where lower(t.name) = lower(:name) and t.id <> :id
          and ((:topLevel = true and t.parentId is null) or t.parentId = :parentId)""")
public class Team {

    /** How a team is cut out of the organisation. */
    public enum Kind { REGION, PRODUCT, CUSTOMER_SEGMENT, OTHER }

    @Id
    public UUID id;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
