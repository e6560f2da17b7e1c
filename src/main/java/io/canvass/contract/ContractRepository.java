package io.canvass.contract;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, UUID> {

    public Uni<Boolean> numberTaken(String number) {
        return count("number", number).map(n -> n > 0);
    }

    /** Events of contracts. */
    @ApplicationScoped
    public static class Events implements PanacheRepositoryBase<ContractEvent, UUID> {

        public Uni<List<ContractEvent>> of(UUID contractId) {
            return list("#ContractEvent.of", Parameters.with("contractId", contractId));
        }
    }

    /** Alerts fired for contracts (read-only here; the scans write them). */
    @ApplicationScoped
    public static class Alerts implements PanacheRepositoryBase<MoneyAlert, UUID> {

        public Uni<List<MoneyAlert>> of(UUID contractId) {
            return list("#MoneyAlert.ofContract", Parameters.with("contractId", contractId));
        }
    }
}
