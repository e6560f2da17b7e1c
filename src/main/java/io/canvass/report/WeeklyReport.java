package io.canvass.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

/** A rep's weekly report: the behaviour and problem layers they write; the data layer is kept as submitted. */
@Entity
@Table(name = "weekly_report")
public class WeeklyReport {

    public enum Status { DRAFT, SUBMITTED }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "week_start", nullable = false)
    public LocalDate weekStart;

    public String behaviour;

    public String problems;

    @Column(name = "support_needed")
    public String supportNeeded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "manager_comment")
    public String managerComment;

    @Column(name = "commented_by")
    public UUID commentedBy;

    @Column(name = "commented_at")
    public Instant commentedAt;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
