package io.canvass.notify;

import java.util.List;
import java.util.Map;

/**
 * A reminder kind whose reminders to one user that share the value of one arg, claimed together
 * for their first delivery, reach the user as one message (e.g. a rep's follow-up escalations).
 */
public interface GroupedKind extends ReminderKind {

    /** The arg that groups reminders of this kind. */
    String groupBy();

    /** The one message standing for several reminders of this kind with the same {@link #groupBy} arg, given their args. */
    Group group(List<Map<String, Object>> members);

    /**
     * A message standing for a group of reminders: its kind (registered, with its own messages), args and link.
     * It is delivered, and counted against the daily cap, as one reminder of that kind.
     */
    record Group(String kind, Map<String, Object> args, String link) {
    }
}
