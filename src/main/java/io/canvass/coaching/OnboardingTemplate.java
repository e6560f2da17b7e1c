package io.canvass.coaching;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The onboarding template as a whole: its version, raised by every save (the milestones are its rows). */
@Entity
@Table(name = "onboarding_template")
public class OnboardingTemplate {

    /** The one row. */
    static final short ID = 1;

    @Id
    public short id;

    public int version;
}
