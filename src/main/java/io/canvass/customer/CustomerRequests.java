package io.canvass.customer;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the customer endpoints. */
@RegisterForReflection
public final class CustomerRequests {

    private CustomerRequests() {
    }

    @Schema(name = "Contact")
    public record Contact(@NotBlank @Size(max = 120) String name,
                          @Size(max = 120) String title,
                          @Size(max = 40) String phone,
                          @Email @Size(max = 254) String email,
                          CustomerContact.DecisionRole decisionRole) {
    }

    @Schema(name = "CustomerCreate")
    public record Create(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 80) String industry,
            Customer.Size size,
            @Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lng,
            @Schema(description = "The owning rep; defaults to the caller") UUID ownerId,
            @NotNull Customer.Grade grade,
            @Schema(description = "Defaults to INITIAL_INTENT") Customer.Stage stage,
            @Size(max = 300) String lostReason,
            @Size(max = 40) String source,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
            @Size(max = 4000) String notes,
            @Min(1) @Max(365) Integer cadenceDaysOverride,
            @Size(max = 20) List<@Valid @NotNull Contact> contacts) {
    }

    @Schema(name = "CustomerUpdate", description = "Fields to change; absent fields stay as they are; contacts, when given, replace the list")
    public record Update(
            @Size(min = 1, max = 200) String name,
            @Size(max = 80) String industry,
            Customer.Size size,
            @Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lng,
            Customer.Grade grade,
            Customer.Stage stage,
            @Size(max = 300) String lostReason,
            @Size(max = 40) String source,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
            @Size(max = 4000) String notes,
            @Min(1) @Max(365) Integer cadenceDaysOverride,
            @Schema(description = "Set true to drop the override and follow the policy") Boolean clearCadenceOverride,
            @Size(max = 20) List<@Valid @NotNull Contact> contacts) {
    }

    @Schema(name = "CustomerReassign")
    public record Reassign(@NotNull UUID ownerId, @NotBlank @Size(max = 300) String reason) {
    }

    @Schema(name = "CustomerUpsert", description = "One customer of a batch, found by externalId: created when new, else its given fields are changed (absent fields stay; ownerId applies only on creation, use POST /customers/{id}/owner to reassign)")
    public record Upsert(
            @NotBlank @Size(max = 100) @Schema(description = "The integrator's key for this customer (namespace it, e.g. erp:10042, if several systems write)", example = "erp:10042") String externalId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 80) String industry,
            Customer.Size size,
            @Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lng,
            @Schema(description = "The owning rep on creation; defaults to the caller (integration accounts must give it)") UUID ownerId,
            @NotNull Customer.Grade grade,
            Customer.Stage stage,
            @Size(max = 300) String lostReason,
            @Size(max = 40) String source,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
            @Size(max = 4000) String notes,
            @Min(1) @Max(365) Integer cadenceDaysOverride,
            @Size(max = 20) List<@Valid @NotNull Contact> contacts) {

        Create toCreate() {
            return new Create(name, industry, size, address, lat, lng, ownerId, grade, stage, lostReason, source, tags, notes,
                    cadenceDaysOverride, contacts);
        }

        Update toUpdate() {
            return new Update(name, industry, size, address, lat, lng, grade, stage, lostReason, source, tags, notes,
                    cadenceDaysOverride, null, contacts);
        }
    }

    @Schema(name = "CustomerBatch")
    public record Batch(@NotNull @Size(min = 1, max = CustomerService.MAX_BATCH) List<Upsert> items) {
    }
}
