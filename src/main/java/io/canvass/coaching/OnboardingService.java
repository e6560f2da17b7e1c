package io.canvass.coaching;

import io.canvass.platform.Ids;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.identity.UserService;
import io.canvass.platform.Caller;
import io.canvass.platform.ETags;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Onboarding: an admin-edited template of milestones (day offsets from day one), and plans that
 * turn it into a new rep's coaching tasks, with a mentor. Plans are made on demand by the rep's
 * manager, and for newly added reps by {@link OnboardingSweep}.
 */
@ApplicationScoped
public class OnboardingService {

    @Inject
    CoachingRepository.Milestones milestones;

    @Inject
    CoachingRepository.Templates templates;

    @Inject
    CoachingRepository.Plans plans;

    @Inject
    CoachingRepository tasks;

    @Inject
    CoachingService coaching;

    @Inject
    UserService users;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @WithSession
    public Uni<CoachingViews.Template> template() {
        return templates.current().chain(t -> milestones.template()
                .map(list -> new CoachingViews.Template(list.stream().map(CoachingViews.Milestone::of).toList(), t.version)));
    }

    /** Replaces the template; {@code expectedVersion} (from If-Match) must be the current one when given. */
    @WithTransaction
    public Uni<CoachingViews.Template> replaceTemplate(CoachingRequests.Template request, Integer expectedVersion) {
        return templates.forChange().invoke(t -> {
            ETags.check(expectedVersion, t.version);
            t.version++;
        }).call(() -> milestones.deleteAll())
                .call(() -> Multi.createFrom().iterable(request.milestones())
                        .onItem().transformToUniAndConcatenate(m -> {
                            OnboardingMilestone e = new OnboardingMilestone();
                            e.id = Ids.newId();
                            e.dayOffset = m.dayOffset();
                            e.kind = m.kind();
                            e.title = m.title().trim();
                            e.goal = m.goal().trim();
                            return milestones.persist(e);
                        })
                        .collect().asList())
                .call(() -> milestones.flush())
                .chain(t -> milestones.template()
                        .map(list -> new CoachingViews.Template(list.stream().map(CoachingViews.Milestone::of).toList(), t.version)));
    }

    @WithTransaction
    public Uni<CoachingViews.Plan> create(CoachingRequests.Plan request) {
        return scopes.current().chain(scope -> coaching.coachableRep(scope, request.repId(), "repId")
                .call(rep -> users.checkMentor(scope, request.mentorId(), rep))
                .chain(rep -> plans.ofRep(rep.id()).chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("The rep already has an onboarding plan");
                    }
                    OnboardingPlan plan = new OnboardingPlan();
                    plan.id = Ids.newId();
                    plan.repId = rep.id();
                    plan.mentorId = request.mentorId();
                    plan.startsOn = request.startsOn() != null ? request.startsOn() : LocalDate.now(caller.zone());
                    plan.createdBy = scope.userId();
                    return plans.persist(plan)
                            .chain(() -> milestones.template())
                            .chain(template -> Multi.createFrom().iterable(template)
                                    .onItem().transformToUniAndConcatenate(m -> tasks.persist(task(plan, rep.teamId(), scope.userId(), m)))
                                    .collect().asList())
                            .call(() -> tasks.flush())
                            .chain(() -> view(plan));
                })));
    }

    private static CoachingTask task(OnboardingPlan plan, UUID teamId, UUID assignedBy, OnboardingMilestone m) {
        CoachingTask t = new CoachingTask();
        t.id = Ids.newId();
        t.repId = plan.repId;
        t.teamId = teamId;
        t.assignedBy = assignedBy;
        t.mentorId = plan.mentorId;
        t.kind = m.kind;
        t.title = m.title;
        t.goal = m.goal;
        t.dueOn = plan.startsOn.plusDays(m.dayOffset);
        t.status = CoachingTask.Status.OPEN;
        t.onboardingPlanId = plan.id;
        return t;
    }

    @WithSession
    public Uni<CoachingViews.Plan> ofRep(UUID repId) {
        return scopes.current().chain(scope -> visiblePlan(scope, repId)).chain(this::view);
    }

    /** Sets the mentor of the plan and of its open milestones. */
    @WithTransaction
    public Uni<CoachingViews.Plan> setMentor(UUID repId, CoachingRequests.Mentor request) {
        return scopes.current().chain(scope -> visiblePlan(scope, repId).chain(plan -> {
            if (scope.role() == Role.REP) {
                throw ProblemException.forbidden("The rep's manager chooses the mentor");
            }
            return users.profile(repId)
                    .call(rep -> users.checkMentor(scope, request.mentorId(), rep))
                    .chain(rep -> {
                        plan.mentorId = request.mentorId();
                        return tasks.update("mentorId = ?1 where onboardingPlanId = ?2 and status in ?3", request.mentorId(), plan.id,
                                List.of(CoachingTask.Status.OPEN, CoachingTask.Status.IN_PROGRESS));
                    })
                    .call(() -> plans.flush())
                    .chain(() -> view(plan));
        }));
    }

    private Uni<OnboardingPlan> visiblePlan(Scope scope, UUID repId) {
        return users.profile(repId).chain(rep -> {
            if (rep == null || !scope.covers(rep.id(), rep.teamId())) {
                throw ProblemException.notFound("Onboarding plan");
            }
            return plans.ofRep(repId);
        }).map(plan -> {
            if (plan == null) {
                throw ProblemException.notFound("Onboarding plan");
            }
            return plan;
        });
    }

    private Uni<CoachingViews.Plan> view(OnboardingPlan plan) {
        return mentorName(plan.mentorId).chain(mentorName -> view(plan, mentorName));
    }

    private Uni<String> mentorName(UUID mentorId) {
        if (mentorId == null) {
            return Uni.createFrom().nullItem();
        }
        return users.profile(mentorId).map(mentor -> mentor == null ? null : mentor.displayName());
    }

    private Uni<CoachingViews.Plan> view(OnboardingPlan plan, String mentorName) {
        LocalDate today = LocalDate.now(caller.zone());
        return tasks.ofPlan(plan.id).map(list -> new CoachingViews.Plan(plan.id, plan.repId, plan.mentorId, mentorName, plan.startsOn,
                plan.createdBy, plan.createdAt, (int) list.stream().filter(t -> t.status == CoachingTask.Status.DONE).count(), list.size(),
                list.stream().map(t -> CoachingViews.Task.of(t, today, null)).toList()));
    }
}
