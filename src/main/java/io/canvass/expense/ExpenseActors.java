package io.canvass.expense;

import io.canvass.identity.UserService;
import io.canvass.platform.Caller;
import io.canvass.platform.ScopeService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The caller's scope plus what only the expense feature asks: are they a finance approver, and which team is theirs. */
@ApplicationScoped
public class ExpenseActors {

    @Inject
    ScopeService scopes;

    @Inject
    UserService users;

    @Inject
    Caller caller;

    public Uni<ClaimRules.Actor> current() {
        return scopes.current().chain(scope -> users.profile(scope.userId())
                .map(user -> new ClaimRules.Actor(scope, user != null && user.financeApprover(), user == null ? null : user.teamId())));
    }
}
