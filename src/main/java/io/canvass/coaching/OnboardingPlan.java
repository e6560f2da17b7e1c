package io.canvass.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;

/** A new rep's onboarding: the template's milestones as coaching tasks from {@code startsOn}, with a mentor. */
@Entity
@Table(name = "onboarding_plan")
public class OnboardingPlan {

    @Id
    public UUID id;

    @Column(name = "rep_id", nullable = false)
    public UUID repId;

    @Column(name = "mentor_id")
    public UUID mentorId;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "created_by")
    public UUID createdBy;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
