package io.canvass.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** Coaching a manager assigns to a rep: the rep reports progress, the manager reviews the outcome. */
@Entity
@Table(name = "coaching_task")
public class CoachingTask {

    public enum Kind { ONBOARDING_MILESTONE, SKILL_TRAINING, SHADOW_VISIT, IMPROVEMENT_PLAN, MENTOR_SESSION }

    public enum Status { OPEN, IN_PROGRESS, DONE, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "rep_id", nullable = false)
    public UUID repId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "assigned_by")
    public UUID assignedBy;

    @Column(name = "mentor_id")
    public UUID mentorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String goal;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String progress;

    public String outcome;

    @Column(name = "reviewed_by")
    public UUID reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "onboarding_plan_id")
    public UUID onboardingPlanId;

    @Column(name = "completed_at")
    public Instant completedAt;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public boolean closed() {
        return status == Status.DONE || status == Status.CANCELLED;
    }
}
