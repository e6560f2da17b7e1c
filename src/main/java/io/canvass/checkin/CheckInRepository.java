package io.canvass.checkin;

import io.canvass.platform.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<CheckIn, UUID> {

    public Uni<List<CheckIn>> page(CheckInFilter f, Set<UUID> teams, UUID self, long before, int limit) {
        return find("#CheckIn.page", Parameters.with("before", before)
                .and("all", teams == null).and("self", self)
                .and("teams", teams == null || teams.isEmpty() ? Set.of(Cursor.FIRST) : teams)
                .and("anyUser", f.userId() == null).and("userId", f.userId() == null ? Cursor.FIRST : f.userId())
                .and("anyTeam", f.teamId() == null).and("teamId", f.teamId() == null ? Cursor.FIRST : f.teamId())
                .and("anyCustomer", f.customerId() == null).and("customerId", f.customerId() == null ? Cursor.FIRST : f.customerId())
                .and("anyVerdict", f.verdict() == null).and("verdict", f.verdict() == null ? CheckIn.Verdict.VERIFIED : f.verdict())
                .and("from", f.from()).and("to", f.to()))
                .range(0, limit - 1)
                .list();
    }

    /** Photos of check-ins. */
    @ApplicationScoped
    public static class Photos implements PanacheRepositoryBase<CheckInPhoto, UUID> {
    }
}
