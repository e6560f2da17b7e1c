package io.canvass.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every reminder kind there is: each {@link ReminderKind} bean, by code. */
@ApplicationScoped
public class ReminderKinds {

    private final Map<String, ReminderKind> byCode = new TreeMap<>();

    public ReminderKinds(@Any Instance<ReminderKind> kinds, Templates templates) {
        for (ReminderKind kind : kinds) {
            if (!kind.code().matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw new IllegalStateException("reminder kind code " + kind.code() + " is not UPPER_SNAKE_CASE");
            }
            if (byCode.put(kind.code(), kind) != null) {
                throw new IllegalStateException("two reminder kinds with code " + kind.code());
            }
            templates.requireFor(kind.code());
        }
    }

    public Optional<ReminderKind> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<ReminderKind> all() {
        return byCode.values();
    }

    /** The codes of the kinds of this importance. */
    public String[] codes(ReminderKind.Priority priority) {
        return byCode.values().stream().filter(k -> k.priority() == priority).map(ReminderKind::code).toArray(String[]::new);
    }

    /** The importance of a kind; {@link ReminderKind.Priority#NORMAL} for one no longer known. */
    public ReminderKind.Priority priority(String code) {
        ReminderKind kind = byCode.get(code);
        return kind == null ? ReminderKind.Priority.NORMAL : kind.priority();
    }
}
