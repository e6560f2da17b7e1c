package io.canvass.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A due touch on a customer, and once done, the record of what happened. */
@Entity
@Table(name = "follow_up")
@NamedQuery(name = "FollowUp.pendingOf", query = "from FollowUp f where f.customerId = :customerId and f.status in (io.canvass.followup.FollowUp.Status.OPEN, io.canvass.followup.FollowUp.Status.SNOOZED)")
@NamedQuery(name = "FollowUp.deletePendingOf", query = "delete from FollowUp f where f.customerId = :customerId and f.status in (io.canvass.followup.FollowUp.Status.OPEN, io.canvass.followup.FollowUp.Status.SNOOZED)")
public class FollowUp {

    public enum Channel { VISIT, CALL, EMAIL, MESSAGE }

    public enum Status { OPEN, DONE, SNOOZED, MISSED }

    /** Why it is due when it is. */
    public enum ScheduledBy { CADENCE, NEXT_ACTION, SNOOZE, MANUAL }

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "scheduled_by", nullable = false)
    public ScheduledBy scheduledBy;

    @Column(name = "snooze_reason")
    public String snoozeReason;

    @Column(name = "done_at")
    public Instant doneAt;

    public String summary;

    public String feedback;

    @Column(name = "need_change")
    public String needChange;

    @Column(name = "next_action")
    public String nextAction;

    @Column(name = "next_action_due")
    public LocalDate nextActionDue;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public boolean isPending() {
        return status == Status.OPEN || status == Status.SNOOZED;
    }
}
