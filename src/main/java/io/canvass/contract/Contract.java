package io.canvass.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

/** A contract with a customer: value, term, status and where its renewal stands. */
@Entity
@Table(name = "contract")
public class Contract {

    public enum Status { DRAFT, ACTIVE, EXPIRED, TERMINATED, RENEWED }

    /**
     * NONE: no renewal ahead (a draft, or terminated); UPCOMING: active, not yet in a renewal
     * window; IN_EVALUATION: in a window, the owner evaluates the renewal; RENEWED: a successor
     * contract exists; CHURNED: the customer does not renew (with the reason).
     */
    public enum RenewalState {
        NONE, UPCOMING, IN_EVALUATION, RENEWED, CHURNED;

        public boolean decided() {
            return this == RENEWED || this == CHURNED;
        }
    }

    /** Metadata of a contract document (the file itself lives in the document system). */
    public record Document(String name, String url, String kind, LocalDate signedOn) {
    }

    /** The documents, kept as one JSON object ({"items": [...]}). */
    public record Documents(List<Document> items) {
    }

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "deal_id")
    public UUID dealId;

    @Column(nullable = false)
    public String number;

    @Column(nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    @Column(nullable = false, length = 3)
    public String currency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "product_lines", nullable = false)
    public String[] productLines = new String[0];

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "renewal_state", nullable = false)
    public RenewalState renewalState;

    @Column(name = "successor_id")
    public UUID successorId;

    @Column(name = "predecessor_id")
    public UUID predecessorId;

    @Column(name = "churn_reason")
    public String churnReason;

    @Column(name = "termination_reason")
    public String terminationReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Documents documents = new Documents(new ArrayList<>());

    @Column(name = "evaluation_opened_on", insertable = false, updatable = false)
    public LocalDate evaluationOpenedOn;

    @Column(name = "renewal_acted_at")
    public Instant renewalActedAt;

    @Column(name = "renewal_decided_at")
    public Instant renewalDecidedAt;

    /** Owned by the renewal scan (the owner's day it last evaluated the contract); reset to null by a change of dates. */
    @Column(name = "renewal_checked_on")
    public LocalDate renewalCheckedOn;

    @Column(name = "created_by")
    public UUID createdBy;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
