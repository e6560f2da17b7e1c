package io.canvass.followup;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Agendas: a person's day, and a manager's team overview. */
@RegisterForReflection
public final class Agenda {

    private Agenda() {
    }

    /**
     * A person's day: follow-ups overdue first, then due that day by priority; renewals due (soonest
     * end first) and overdue instalments (longest overdue first).
     */
    public record Day(LocalDate date, int overdueCount, int dueCount, List<AgendaItem> items,
                      List<AgendaMoney.RenewalDue> renewals, List<AgendaMoney.CollectionDue> collections) {
    }

    /** A manager's team on a day: counts per rep and the most urgent items across the team. */
    public record Team(LocalDate date, List<RepLoad> reps, List<AgendaItem> urgent) {
    }

    /**
     * One rep's load.
     *
     * @param neglected active customers untouched for more than twice their cadence
     * @param missedLast30Days follow-ups that became missed in the last 30 days
     */
    public record RepLoad(UUID repId, String name, long overdue, long dueToday, long missedLast30Days, long neglected) {
    }
}
