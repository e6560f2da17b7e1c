package io.canvass.coaching;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Coaching tasks, their notes, the onboarding template and plans. */
@ApplicationScoped
public class CoachingRepository implements PanacheRepositoryBase<CoachingTask, UUID> {

    @ApplicationScoped
    public static class Notes implements PanacheRepositoryBase<CoachingNote, UUID> {
        public Uni<List<CoachingNote>> of(UUID taskId) {
            return list("taskId = ?1 order by at, id", taskId);
        }
    }

    @ApplicationScoped
    public static class Milestones implements PanacheRepositoryBase<OnboardingMilestone, UUID> {
        public Uni<List<OnboardingMilestone>> template() {
            return list("order by dayOffset, id");
        }
    }

    @ApplicationScoped
    public static class Templates implements PanacheRepositoryBase<OnboardingTemplate, Short> {
        public Uni<OnboardingTemplate> current() {
            return findById(OnboardingTemplate.ID);
        }

        /** The template's row, locked until the transaction ends: saves of the template take turns. */
        public Uni<OnboardingTemplate> forChange() {
            return findById(OnboardingTemplate.ID, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    @ApplicationScoped
    public static class Plans implements PanacheRepositoryBase<OnboardingPlan, UUID> {
        public Uni<OnboardingPlan> ofRep(UUID repId) {
            return find("repId", repId).firstResult();
        }
    }

    public Uni<List<CoachingTask>> ofPlan(UUID planId) {
        return list("onboardingPlanId = ?1 order by dueOn, id", planId);
    }
}
