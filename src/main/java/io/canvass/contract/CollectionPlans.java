package io.canvass.contract;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a contract needs of its collection plan and payments, provided by
 * {@code contract.collection}: the collection side builds on contracts, and contracts reach it
 * only through this port, so the dependency runs one way.
 */
public interface CollectionPlans {

    /** Replaces the contract's instalments with the plan's. Inside the contract's transaction. */
    Uni<Void> setPlan(ContractService.Found found, ContractRequests.Plan plan);

    /** Drops the plan (the currency changed). Inside the contract's transaction. */
    Uni<Void> clearPlan(ContractService.Found found);

    /** The plan as the contract's detail shows it, as of {@code today}. Inside a session. */
    Uni<ContractView.Plan> planOf(Contract k, LocalDate today);

    /** The payments recorded against the contract, oldest first. Inside a session. */
    Uni<List<ContractView.PaymentView>> paymentsOf(UUID contractId);

    /** Records a payment against an instalment, in a transaction of its own, and answers the contract's detail. */
    Uni<ContractView> record(UUID contractId, ContractRequests.Payment request);
}
