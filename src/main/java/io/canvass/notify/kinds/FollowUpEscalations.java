package io.canvass.notify.kinds;

import io.canvass.notify.ReminderKind;
import io.canvass.notify.push.PushSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Several {@link FollowUpEscalation}s to one manager about one rep, due together: one message
 * ("Zhang San has 7 overdue follow-ups") that opens the rep's overdue list. Made by the dispatcher
 * when it claims them in one batch ({@link FollowUpEscalation#group}); the escalations it stands
 * for end as {@code GROUPED}.
 */
@ApplicationScoped
public class FollowUpEscalations implements ReminderKind {

    public static final String CODE = "FOLLOW_UP_ESCALATIONS";

    /** The args of the group: the rep's name and id and how many follow-ups it stands for. */
    public static Map<String, Object> args(String rep, UUID repId, int count) {
        return Map.of("rep", rep, "repId", repId.toString(), "count", count);
    }

    /** The rep's overdue follow-ups, most urgent first (the PWA's customer list). */
    public static String link(UUID repId) {
        return "/customers?ownerId=" + repId + "&overdue=true&sort=NEXT_DUE";
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Priority priority() {
        return Priority.LOW;
    }

    @Override
    public PushSender.Urgency urgency() {
        return PushSender.Urgency.HIGH;
    }
}
