package io.canvass.notify.kinds;

import io.canvass.notify.ReminderKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The managers of the rep's team: the diagnosis proposed coaching for one of their reps. Created
 * in the same statement as the proposal; cancelled at delivery once the proposal has been decided.
 */
@ApplicationScoped
public class CoachingProposed implements ReminderKind {

    public static final String CODE = "COACHING_PROPOSED";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String stillRelevant() {
        return "select id from coaching_proposal where id = any($1) and status = 'OPEN'";
    }
}
