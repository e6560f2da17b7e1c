package io.canvass.identity;

import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may give whom which access: the one place that decides the privileged fields of a user
 * (role, team, managed teams, the finance approver flag, hire date) and who may be named mentor.
 * Nobody grants themselves anything: on their own account people change only their profile.
 * <ul>
 * <li>ADMIN: anyone, any field.</li>
 * <li>DIRECTOR: anyone but admins; never makes an admin; the finance approver flag is an admin's.</li>
 * <li>MANAGER: reps only, placed in and moved between teams they manage; a rep stays a rep and
 * manages no team.</li>
 * <li>REP and INTEGRATION: nobody.</li>
 * </ul>
 * A mentor is an active person whom the caller's scope reaches (or the caller), never the rep.
 */
final class AccessPolicy {

    /**
     * The privileged state of a user that a write asks for.
     *
     * @param managedTeamIds null when the write leaves the managed teams as they are
     */
    record Grant(Role role, UUID teamId, Set<UUID> managedTeamIds, boolean financeApprover, LocalDate hiredOn) {

        static Grant of(User user, Set<UUID> managedTeamIds) {
            return new Grant(user.role, user.teamId, managedTeamIds, user.financeApprover, user.hiredOn);
        }
    }

    private AccessPolicy() {
    }

    /** Refuses (403) a new user the caller may not create. */
    static void checkCreate(Scope caller, Grant wanted) {
        mayManage(caller, null, wanted);
    }

    /**
     * Refuses (403) a change to {@code existing} (whose privileged state is {@code before}) that
     * the caller may not make.
     */
    static void checkUpdate(Scope caller, User existing, Grant before, Grant after) {
        if (existing.id.equals(caller.userId())) {
            if (grants(before, after)) {
                throw ProblemException.forbidden(
                        "You cannot change your own role, team, managed teams, approver flags or hire date");
            }
            return;
        }
        mayManage(caller, before, after);
    }

    /** Refuses (403) an action on {@code user} as they are (deactivation, reactivation) the caller may not take. */
    static void checkManage(Scope caller, User user) {
        Grant as = Grant.of(user, null);
        mayManage(caller, as, as);
    }

    /** Refuses a mentor who is not an active colleague within the caller's reach. */
    static void checkMentor(Scope caller, UserView mentor, UserView rep) {
        if (mentor == null || !mentor.active() || mentor.role() == Role.INTEGRATION) {
            throw ProblemException.invalid("mentorId", "is not an active colleague");
        }
        if (mentor.id().equals(rep.id())) {
            throw ProblemException.invalid("mentorId", "a rep does not mentor themselves");
        }
        if (!caller.covers(mentor.id(), mentor.teamId())) {
            throw ProblemException.invalid("mentorId", "is not a colleague in the teams you manage");
        }
    }

    /** Does going from {@code before} to {@code after} change anything that gives access? */
    private static boolean grants(Grant before, Grant after) {
        return before.role() != after.role()
                || !Objects.equals(before.teamId(), after.teamId())
                || (after.managedTeamIds() != null && !after.managedTeamIds().equals(before.managedTeamIds()))
                || before.financeApprover() != after.financeApprover()
                || !Objects.equals(before.hiredOn(), after.hiredOn());
    }

    private static void mayManage(Scope caller, Grant before, Grant after) {
        switch (caller.role()) {
            case ADMIN -> {
            }
            case DIRECTOR -> {
                if (after.role() == Role.ADMIN || (before != null && before.role() == Role.ADMIN)) {
                    throw ProblemException.forbidden("Only an admin manages admins");
                }
                if (after.financeApprover() != (before != null && before.financeApprover())) {
                    throw ProblemException.forbidden("Only an admin names finance approvers");
                }
            }
            case MANAGER -> {
                if (after.role() != Role.REP || (before != null && before.role() != Role.REP)) {
                    throw ProblemException.forbidden("Managers manage reps only");
                }
                if (after.teamId() == null || !caller.coversTeam(after.teamId())) {
                    throw ProblemException.forbidden("Managers place reps only in the teams they manage");
                }
                if (after.financeApprover() != (before != null && before.financeApprover())) {
                    throw ProblemException.forbidden("Only an admin names finance approvers");
                }
            }
            default -> throw ProblemException.forbidden("Your role does not allow managing users");
        }
    }
}
