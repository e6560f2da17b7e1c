package io.canvass.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A note on a coaching task, by the rep or a manager. */
@Entity
@Table(name = "coaching_note")
public class CoachingNote {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String body;
}
