package io.canvass.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person at a customer. */
@Entity
@Table(name = "customer_contact")
@NamedQuery(name = "CustomerContact.of", query = "from CustomerContact c where c.customerId = :customerId order by c.position")
@NamedQuery(name = "CustomerContact.deleteOf", query = "delete from CustomerContact c where c.customerId = :customerId")
public class CustomerContact {

    /** The contact's part in buying decisions. */
    public enum DecisionRole { DECISION_MAKER, INFLUENCER, USER, GATEKEEPER, OTHER }

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String name;

    public String title;

    public String phone;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_role", nullable = false)
    public DecisionRole decisionRole = DecisionRole.OTHER;

    @Column(nullable = false)
    public int position;
}
