package io.canvass.notify;

import io.canvass.audit.AuditService;
import io.canvass.platform.Caller;
import io.canvass.platform.ETags;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The organisation's reminder defaults: admins read and change them; the dispatcher and everyone's
 * preferences read them in SQL (a user without preferences of their own gets these).
 */
@ApplicationScoped
public class ReminderSettingsService {

    private final Settings settings;
    private final AuditService audit;
    private final Caller caller;
    private final ReminderConfig config;

    public ReminderSettingsService(Settings settings, AuditService audit, Caller caller, ReminderConfig config) {
        this.settings = settings;
        this.audit = audit;
        this.caller = caller;
        this.config = config;
    }

    @RegisterForReflection
    @Schema(description = "The organisation's reminder defaults, for every user who has not saved notification preferences of their own. "
            + "Reminders of high importance (money, renewals, approvals, the digest) count towards the daily cap but are never held back by it.")
    public record View(
            @Schema(description = "Start of the quiet hours (HH:mm, each user's own time zone), or null for none") LocalTime quietStart,
            @Schema(description = "End of the quiet hours; before quietStart when they span midnight") LocalTime quietEnd,
            @Schema(description = "Reminders per user and local day before normal and low ones wait for the next day") int dailyCap,
            @Schema(description = "The version, also the ETag") int version,
            @Schema(description = "When they were last changed") Instant updatedAt) {
    }

    @RegisterForReflection
    @Schema(description = "New organisation defaults; quietStart and quietEnd together (HH:mm, may span midnight) or both null for none")
    public record Change(LocalTime quietStart, LocalTime quietEnd, @NotNull @Min(1) @Max(200) Integer dailyCap) {
    }

    @WithSession
    public Uni<View> current() {
        return settings.findById(ReminderSettings.ID).map(this::view);
    }

    @WithTransaction
    public Uni<View> change(Change change, Integer expectedVersion) {
        LocalTime start = change.quietStart();
        LocalTime end = change.quietEnd();
        DeliveryPolicy.checkQuietHours(start, end);
        return settings.findById(ReminderSettings.ID, LockModeType.PESSIMISTIC_WRITE).call(s -> {
            ETags.check(expectedVersion, s.version);
            Map<String, Object> before = audited(s.quietStart, s.quietEnd, s.dailyCap == null ? config.defaultDailyCap() : s.dailyCap);
            s.quietStart = start;
            s.quietEnd = end;
            s.dailyCap = change.dailyCap();
            s.updatedAt = Instant.now();
            s.updatedBy = caller.id();
            return settings.flush().chain(() -> audit.record(caller.id(), "reminder_settings.updated", "reminder_settings",
                    "organisation", before, audited(start, end, change.dailyCap())));
        }).map(this::view);
    }

    private static Map<String, Object> audited(LocalTime start, LocalTime end, int dailyCap) {
        Map<String, Object> values = new HashMap<>();
        values.put("quietStart", start == null ? null : start.toString());
        values.put("quietEnd", end == null ? null : end.toString());
        values.put("dailyCap", dailyCap);
        return values;
    }

    private View view(ReminderSettings s) {
        return new View(s.quietStart, s.quietEnd, s.dailyCap == null ? config.defaultDailyCap() : s.dailyCap, s.version,
                s.updatedAt);
    }

    /** Repository of the one row. */
    @ApplicationScoped
    public static class Settings implements PanacheRepositoryBase<ReminderSettings, Short> {
    }
}
