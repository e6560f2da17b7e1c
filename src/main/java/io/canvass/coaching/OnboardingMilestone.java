package io.canvass.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UpdateTimestamp;

/** One milestone of the onboarding template: on day {@code dayOffset} of a new rep's plan. */
@Entity
@Table(name = "onboarding_milestone")
public class OnboardingMilestone {

    @Id
    public UUID id;

    @Column(name = "day_offset", nullable = false)
    public int dayOffset;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CoachingTask.Kind kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String goal;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
