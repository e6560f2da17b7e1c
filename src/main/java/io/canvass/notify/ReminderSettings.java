package io.canvass.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/**
 * The organisation's reminder defaults (one row): the quiet hours and daily cap of every user who
 * has not saved notification preferences of their own. A null daily cap means the configured
 * default ({@code canvass.reminders.default-daily-cap}).
 */
@Entity
@Table(name = "reminder_settings")
public class ReminderSettings {

    /** The one row's id. */
    public static final short ID = 1;

    @Id
    public short id;

    @Column(name = "quiet_start")
    public LocalTime quietStart;

    @Column(name = "quiet_end")
    public LocalTime quietEnd;

    @Column(name = "daily_cap")
    public Integer dailyCap;

    @Version
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;
}
