package io.canvass.notify;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's notification preferences, as read and as changed. */
public final class Preferences {

    private Preferences() {
    }

    @Schema(description = "Your notification preferences. Quiet hours are in your time zone (change it in your profile). Until you save "
            + "your own, the quiet hours and daily cap are the organisation's defaults (organisationDefaults is true).")
    public record View(boolean push, boolean inApp, LocalTime quietStart, LocalTime quietEnd, int dailyCap, String timeZone,
                       @Schema(description = "True while the quiet hours and daily cap are the organisation's defaults")
                       boolean organisationDefaults, List<Kind> kinds) {
    }

    @Schema(description = "A kind of reminder and whether you receive it")
    public record Kind(String code, String label, boolean enabled) {
    }

    @Schema(description = "New preferences; quietStart and quietEnd together (HH:mm, may span midnight) or both null for none")
    public record Change(@NotNull Boolean push, @NotNull Boolean inApp, LocalTime quietStart, LocalTime quietEnd,
                         @NotNull @Min(1) @Max(200) Integer dailyCap,
                         @NotNull @Size(max = 50) List<@NotNull String> mutedKinds) {
    }
}
