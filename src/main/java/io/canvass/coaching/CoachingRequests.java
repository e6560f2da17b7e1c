package io.canvass.coaching;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the coaching API. */
public final class CoachingRequests {

    private CoachingRequests() {
    }

    @Schema(description = "A coaching task for a rep")
    public record Assign(@NotNull UUID repId, @NotNull CoachingTask.Kind kind, @NotBlank @Size(max = 200) String title,
                         @NotBlank @Size(max = 2000) String goal, @NotNull LocalDate dueOn, UUID mentorId) {
    }

    @Schema(description = "A manager's change to a task's plan")
    public record Change(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2000) String goal, @NotNull LocalDate dueOn,
                         UUID mentorId, Integer version) {
    }

    @Schema(description = "The rep's progress: started or done, and what was done")
    public record Progress(@NotNull CoachingTask.Status status, @Size(max = 4000) String progress) {
    }

    @Schema(description = "The manager's review: done (with the outcome), back in progress, or cancelled")
    public record Review(@NotNull CoachingTask.Status status, @NotBlank @Size(max = 2000) String outcome) {
    }

    @Schema(description = "A note on a task")
    public record Note(@NotBlank @Size(max = 4000) String body) {
    }

    @Schema(description = "Accepting a proposal: the task's title, goal and due date (defaults from the rule, due in two weeks)")
    public record Accept(@Size(max = 200) String title, @Size(max = 2000) String goal, LocalDate dueOn) {
    }

    @Schema(description = "Dismissing a proposal")
    public record Dismiss(@NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(description = "An onboarding plan for a rep")
    public record Plan(@NotNull UUID repId, UUID mentorId, @Schema(description = "Day one; today when absent") LocalDate startsOn) {
    }

    @Schema(description = "A plan's mentor")
    public record Mentor(@NotNull UUID mentorId) {
    }

    @Schema(description = "The onboarding template: its milestones, replacing the current ones")
    public record Template(@NotEmpty @Size(max = 30) List<@Valid @NotNull Milestone> milestones) {
    }

    public record Milestone(@Min(0) @Max(90) int dayOffset, @NotNull CoachingTask.Kind kind, @NotBlank @Size(max = 200) String title,
                            @NotBlank @Size(max = 2000) String goal) {
    }
}
