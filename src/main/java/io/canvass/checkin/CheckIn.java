package io.canvass.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** A rep at a customer: when (phone and server), where, how sure, and what happened. */
@Entity
@Table(name = "check_in")
@NamedQuery(name = "CheckIn.page", query = """
        from CheckIn c
        where c.seq < :before
          and (:all = true or c.userId = :self or c.teamId in :teams)
          and (:anyUser = true or c.userId = :userId)
          and (:anyTeam = true or c.teamId = :teamId)
          and (:anyCustomer = true or c.customerId = :customerId)
          and (:anyVerdict = true or c.verdict = :verdict)
          and c.receivedAt >= :from and c.receivedAt < :to
        order by c.seq desc""")
public class CheckIn {

    public enum Verdict { VERIFIED, UNVERIFIED }

    /** Why the rep came. */
    public enum Purpose { FIRST_VISIT, FOLLOW_UP, DEMO, NEGOTIATION, DELIVERY, COLLECTION, SERVICE, OTHER }

    /** The client-generated id: submitting the same check-in twice never makes two. */
    @Id
    public UUID id;

    /** Server order of arrival; the live feed's event id. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "client_time", nullable = false)
    public Instant clientTime;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public Double lat;

    public Double lng;

    @Column(name = "accuracy_m")
    public Double accuracyMeters;

    @Column(name = "fix_age_s")
    public Integer fixAgeSeconds;

    @Column(name = "distance_m")
    public Double distanceMeters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    @Enumerated(EnumType.STRING)
    @Column(name = "unverified_reason")
    public Presence.Reason unverifiedReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    public String notes;

    public String outcome;

    @Column(name = "next_action")
    public String nextAction;

    @Column(name = "next_action_due")
    public LocalDate nextActionDue;

    @Column(name = "follow_up_id")
    public UUID followUpId;

    @Column(name = "request_hash", nullable = false)
    public byte[] requestHash;
}
