package io.canvass.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A contract as the API shows it; the detail adds the collection plan, payments, events and the
 * alerts that fired. Amounts are decimal strings at the currency's minor units.
 *
 * @param daysToEnd days from today (in the owner's time zone) to the last day of the contract; negative once ended
 * @param expiredUndecided ended with no renewal decision: flagged until someone decides
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Contract")
public record ContractView(UUID id, UUID customerId, String customerName, UUID ownerId, String ownerName, UUID teamId, UUID dealId,
                           String number, @Schema(example = "860000.00") String value, String currency, List<String> productLines,
                           LocalDate startsOn, LocalDate endsOn, long daysToEnd, Contract.Status status,
                           Contract.RenewalState renewalState, boolean expiredUndecided, UUID successorId, UUID predecessorId,
                           String churnReason, String terminationReason, List<Contract.Document> documents,
                           LocalDate evaluationOpenedOn, Instant renewalActedAt, Instant renewalDecidedAt, Instant createdAt,
                           int version, Plan plan, List<PaymentView> payments, List<EventView> events, List<AlertView> alerts) {

    /**
     * The collection plan and where it stands.
     *
     * @param planned the sum of the instalments
     * @param difference the contract value minus the planned sum: zero when the plan covers the value exactly
     */
    @Schema(name = "CollectionPlanView")
    public record Plan(List<InstalmentView> instalments, String planned, String difference, String collected,
                       String outstanding, String overdue) {
    }

    @Schema(name = "Instalment")
    public record InstalmentView(UUID id, int position, LocalDate dueOn, String amount, String currency, String collected,
                                 String outstanding, LocalDate paidOn, boolean overdue, long daysOverdue) {
    }

    @Schema(name = "Payment")
    public record PaymentView(UUID id, UUID instalmentId, String amount, String currency, LocalDate receivedOn, String reference,
                              String note, UUID recordedBy, Instant recordedAt) {
    }

    @Schema(name = "ContractEvent")
    public record EventView(Instant at, UUID actorId, ContractEvent.Kind kind, String detail) {
    }

    @Schema(name = "ContractAlert", description = "A renewal or collection alert that fired (once each)")
    public record AlertView(MoneyAlert.Kind kind, UUID recipientId, Integer windowDays, LocalDate dueOn, UUID instalmentId,
                            Instant firedAt) {
    }
}
