package io.canvass.expense;

import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who may do what with a claim. The rep who filed it edits, submits, withdraws and deletes it;
 * the manager step (approve or return a submitted claim) belongs to managers whose teams reach the
 * claim's team, and to directors and admins; the finance step (approve or return a claim the
 * manager approved, mark a finance-approved claim paid or return it) to finance approvers and
 * admins. Nobody decides their own claim.
 */
public final class ClaimRules {

    private ClaimRules() {
    }

    /**
     * The caller as the expense feature sees them.
     *
     * @param finance whether they are a finance approver
     * @param ownTeam the team they belong to, if any
     */
    public record Actor(Scope scope, boolean finance, UUID ownTeam) {

        /** Sees every team's submitted claims and budgets. */
        public boolean seesAll() {
            return scope.everything() || finance;
        }

        public boolean isOwner(UUID owner) {
            return scope.userId().equals(owner);
        }

        /** May see a claim of {@code owner} in {@code team} in this status. */
        public boolean sees(UUID owner, UUID team, ExpenseClaim.Status status) {
            return isOwner(owner) || (status != ExpenseClaim.Status.DRAFT && (seesAll() || scope.coversTeam(team)));
        }

        /** May see (and use) a team's budgets. */
        public boolean seesTeam(UUID team) {
            return seesAll() || scope.coversTeam(team) || team.equals(ownTeam);
        }
    }

    /** The step a claim in this status waits at. */
    public enum Step {
        MANAGER, FINANCE, NONE;

        static Step of(ExpenseClaim.Status status) {
            return switch (status) {
                case SUBMITTED -> MANAGER;
                case MANAGER_APPROVED, FINANCE_APPROVED -> FINANCE;
                default -> NONE;
            };
        }
    }

    public static boolean mayActAt(Step step, Actor actor, UUID owner, UUID team) {
        if (actor.isOwner(owner)) {
            return false;
        }
        Role role = actor.scope().role();
        return switch (step) {
            case MANAGER -> role == Role.DIRECTOR || role == Role.ADMIN || (role == Role.MANAGER && actor.scope().coversTeam(team));
            case FINANCE -> role == Role.ADMIN || actor.finance();
            case NONE -> false;
        };
    }

    /** What the actor may do with the claim now (EDIT, DELETE, SUBMIT, UPLOAD_RECEIPT, WITHDRAW, APPROVE, RETURN, PAY). */
    public static List<String> actions(Actor actor, UUID owner, UUID team, ExpenseClaim.Status status) {
        List<String> actions = new ArrayList<>();
        if (actor.isOwner(owner)) {
            if (status.editable()) {
                actions.addAll(List.of("EDIT", "DELETE", "SUBMIT", "UPLOAD_RECEIPT"));
            }
            if (status == ExpenseClaim.Status.SUBMITTED) {
                actions.add("WITHDRAW");
            }
        }
        Step step = Step.of(status);
        if (mayActAt(step, actor, owner, team)) {
            actions.add(status == ExpenseClaim.Status.FINANCE_APPROVED ? "PAY" : "APPROVE");
            actions.add("RETURN");
        }
        return actions;
    }
}
