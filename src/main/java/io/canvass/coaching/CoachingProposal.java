package io.canvass.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Coaching the diagnosis proposes to a rep's manager, with the evidence; accepted (a task) or dismissed with a reason. */
@Entity
@Table(name = "coaching_proposal")
public class CoachingProposal {

    public enum Status { OPEN, ACCEPTED, DISMISSED }

    @Id
    public UUID id;

    @Column(name = "rep_id", nullable = false)
    public UUID repId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DiagnosisRules.Rule rule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CoachingTask.Kind kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> evidence;

    @Column(name = "evidence_key", nullable = false)
    public String evidenceKey;

    @Column(name = "window_start", nullable = false)
    public LocalDate windowStart;

    @Column(name = "window_end", nullable = false)
    public LocalDate windowEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "dismiss_reason")
    public String dismissReason;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
