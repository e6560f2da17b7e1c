package io.canvass.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer with its contacts, pending follow-up and health, as the API shows it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(UUID id, String externalId, String name, String industry, Customer.Size size, String address, Double lat,
                           Double lng, UUID ownerId, UUID teamId, Customer.Grade grade, Customer.Stage stage,
                           String lostReason, String source, List<String> tags, String notes,
                           Integer cadenceDaysOverride, int cadenceDays, Instant lastTouchedAt, Instant deletedAt,
                           Instant createdAt, int version, List<ContactView> contacts,
                           @Schema(ref = "FollowUpView") CustomerFollowUps.Pending pendingFollowUp,
                           HealthScore health) {

    /** A contact as the API shows it. */
    public record ContactView(UUID id, String name, String title, String phone, String email,
                              CustomerContact.DecisionRole decisionRole) {
        static ContactView of(CustomerContact c) {
            return new ContactView(c.id, c.name, c.title, c.phone, c.email, c.decisionRole);
        }
    }

    static Map<String, Object> snapshot(Customer c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", c.name);
        fields.put("externalId", c.externalId);
        fields.put("ownerId", c.ownerId);
        fields.put("teamId", c.teamId);
        fields.put("grade", c.grade.name());
        fields.put("stage", c.stage.name());
        fields.put("lostReason", c.lostReason);
        fields.put("industry", c.industry);
        fields.put("address", c.address);
        fields.put("tags", List.of(c.tags));
        fields.put("cadenceDaysOverride", c.cadenceDaysOverride);
        fields.put("deleted", c.deletedAt != null);
        return fields;
    }
}
