package io.canvass.coaching;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the coaching API returns. */
public final class CoachingViews {

    private CoachingViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Task(UUID id, UUID repId, UUID teamId, UUID assignedBy, UUID mentorId, CoachingTask.Kind kind, String title,
                       String goal, LocalDate dueOn, CoachingTask.Status status, boolean overdue, String progress, String outcome,
                       UUID reviewedBy, Instant reviewedAt, Instant completedAt, UUID onboardingPlanId, Instant createdAt, int version,
                       List<Note> notes) {

        static Task of(CoachingTask t, LocalDate today, List<Note> notes) {
            return new Task(t.id, t.repId, t.teamId, t.assignedBy, t.mentorId, t.kind, t.title, t.goal, t.dueOn, t.status,
                    !t.closed() && t.dueOn.isBefore(today), t.progress, t.outcome, t.reviewedBy, t.reviewedAt, t.completedAt,
                    t.onboardingPlanId, t.createdAt, t.version, notes);
        }
    }

    public record Note(UUID id, UUID authorId, Instant at, String body) {
        static Note of(CoachingNote n) {
            return new Note(n.id, n.authorId, n.at, n.body);
        }
    }

    /** The onboarding template's milestones and its version (sent as the ETag, not in the body). */
    public record Template(List<Milestone> milestones, int version) {
    }

    public record Milestone(UUID id, int dayOffset, CoachingTask.Kind kind, String title, String goal) {
        static Milestone of(OnboardingMilestone m) {
            return new Milestone(m.id, m.dayOffset, m.kind, m.title, m.goal);
        }
    }

    /** A rep's onboarding plan; the mentor's name is given because the rep may not list other users. */
    public record Plan(UUID id, UUID repId, UUID mentorId, String mentorName, LocalDate startsOn, UUID createdBy, Instant createdAt, int done,
                       int total, List<Task> milestones) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proposal(UUID id, UUID repId, UUID teamId, DiagnosisRules.Rule rule, CoachingTask.Kind kind,
                           java.util.Map<String, Object> evidence, LocalDate windowStart, LocalDate windowEnd, CoachingProposal.Status status,
                           UUID decidedBy, Instant decidedAt, String dismissReason, UUID taskId, Instant createdAt) {
        static Proposal of(CoachingProposal p) {
            return new Proposal(p.id, p.repId, p.teamId, p.rule, p.kind, p.evidence, p.windowStart, p.windowEnd, p.status, p.decidedBy,
                    p.decidedAt, p.dismissReason, p.taskId, p.createdAt);
        }
    }
}
