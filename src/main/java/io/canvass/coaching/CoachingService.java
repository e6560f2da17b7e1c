package io.canvass.coaching;

import io.canvass.identity.UserService;
import io.canvass.identity.UserView;
import io.canvass.platform.Caller;
import io.canvass.platform.Cursor;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.webhook.WebhookEvents;
import io.canvass.webhook.WebhookPayloads;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Coaching tasks. Managers (of the rep's team subtree), directors and admins assign, change and
 * review them; the rep reports progress; the rep, their managers and the task's mentor see them
 * and add notes. Everyone else gets 404.
 */
@ApplicationScoped
public class CoachingService {

    @Inject
    CoachingRepository tasks;

    @Inject
    CoachingRepository.Notes notes;

    @Inject
    UserService users;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @Inject
    WebhookEvents webhooks;

    LocalDate today() {
        return LocalDate.now(caller.zone());
    }

    @WithTransaction
    public Uni<CoachingViews.Task> assign(CoachingRequests.Assign request) {
        return scopes.current().chain(scope -> coachableRep(scope, request.repId(), "repId")
                .call(rep -> users.checkMentor(scope, request.mentorId(), rep))
                .chain(rep -> {
                    CoachingTask t = new CoachingTask();
                    t.id = Ids.newId();
                    t.repId = rep.id();
                    t.teamId = rep.teamId();
                    t.assignedBy = scope.userId();
                    t.mentorId = request.mentorId();
                    t.kind = request.kind();
                    t.title = request.title().trim();
                    t.goal = request.goal().trim();
                    t.dueOn = request.dueOn();
                    t.status = CoachingTask.Status.OPEN;
                    return persist(t);
                }));
    }

    /** Persists a new task (also used when a proposal is accepted). */
    Uni<CoachingViews.Task> persist(CoachingTask t) {
        if (t.dueOn.isBefore(today())) {
            throw ProblemException.invalid("dueOn", "is in the past");
        }
        return tasks.persist(t)
                .call(() -> tasks.flush())
                .call(() -> webhooks.publish(t.teamId, new WebhookPayloads.CoachingAssigned(t.id, t.repId, t.teamId, t.assignedBy,
                        t.mentorId, t.kind.name(), t.title, t.goal, t.dueOn)))
                .map(saved -> CoachingViews.Task.of(t, today(), List.of()));
    }

    /** A rep the caller may coach: a REP in a team under the caller's management (directors and admins: any). */
    Uni<UserView> coachableRep(Scope scope, UUID repId, String field) {
        if (scope.role() != Role.MANAGER && scope.role() != Role.DIRECTOR && scope.role() != Role.ADMIN) {
            throw ProblemException.forbidden("Managers assign coaching");
        }
        return users.profile(repId).map(rep -> {
            if (rep == null || rep.teamId() == null || !scope.coversTeam(rep.teamId())) {
                throw ProblemException.invalid(field, "is not a rep of your teams");
            }
            if (rep.role() != Role.REP) {
                throw ProblemException.invalid(field, "is not a rep");
            }
            return rep;
        });
    }


    @WithTransaction
    public Uni<CoachingViews.Task> change(UUID id, CoachingRequests.Change request, Integer ifMatch) {
        return scopes.current().chain(scope -> managedTask(scope, id).chain(t -> {
            ETags.check(ifMatch != null ? ifMatch : request.version(), t.version);
            if (t.closed()) {
                throw ProblemException.conflict("The task is " + t.status);
            }
            Uni<Void> mentor = Objects.equals(request.mentorId(), t.mentorId) ? Uni.createFrom().voidItem()
                    : users.profile(t.repId).chain(rep -> users.checkMentor(scope, request.mentorId(), rep));
            return mentor.chain(ok -> {
                if (!request.dueOn().equals(t.dueOn) && request.dueOn().isBefore(today())) {
                    throw ProblemException.invalid("dueOn", "is in the past");
                }
                t.title = request.title().trim();
                t.goal = request.goal().trim();
                t.dueOn = request.dueOn();
                t.mentorId = request.mentorId();
                return withNotes(t);
            });
        }));
    }

    @WithTransaction
    public Uni<CoachingViews.Task> progress(UUID id, CoachingRequests.Progress request) {
        return scopes.current().chain(scope -> visibleTask(scope, id).chain(t -> {
            if (!t.repId.equals(scope.userId())) {
                throw ProblemException.forbidden("Only the rep reports progress on their coaching");
            }
            if (request.status() != CoachingTask.Status.IN_PROGRESS && request.status() != CoachingTask.Status.DONE) {
                throw ProblemException.invalid("status", "is IN_PROGRESS or DONE");
            }
            if (t.closed()) {
                throw ProblemException.conflict("The task is " + t.status);
            }
            t.status = request.status();
            t.completedAt = t.status == CoachingTask.Status.DONE ? Instant.now() : null;
            if (request.progress() != null && !request.progress().isBlank()) {
                t.progress = request.progress().trim();
            }
            return withNotes(t);
        }));
    }

    @WithTransaction
    public Uni<CoachingViews.Task> review(UUID id, CoachingRequests.Review request) {
        return scopes.current().chain(scope -> managedTask(scope, id).chain(t -> {
            if (request.status() == CoachingTask.Status.OPEN) {
                throw ProblemException.invalid("status", "is DONE, IN_PROGRESS or CANCELLED");
            }
            if (t.status == CoachingTask.Status.CANCELLED) {
                throw ProblemException.conflict("The task is cancelled");
            }
            t.status = request.status();
            t.outcome = request.outcome().trim();
            t.completedAt = t.status == CoachingTask.Status.DONE ? (t.completedAt != null ? t.completedAt : Instant.now()) : null;
            t.reviewedBy = scope.userId();
            t.reviewedAt = Instant.now();
            return withNotes(t);
        }));
    }

    @WithTransaction
    public Uni<CoachingViews.Note> addNote(UUID id, CoachingRequests.Note request) {
        return scopes.current().chain(scope -> visibleTask(scope, id).chain(t -> {
            CoachingNote n = new CoachingNote();
            n.id = Ids.newId();
            n.taskId = t.id;
            n.authorId = scope.userId();
            n.at = Instant.now();
            n.body = request.body().trim();
            return notes.persist(n).map(CoachingViews.Note::of);
        }));
    }

    @WithSession
    public Uni<CoachingViews.Task> get(UUID id) {
        return scopes.current().chain(scope -> visibleTask(scope, id)).chain(this::withNotes);
    }

    @WithSession
    public Uni<Page<CoachingViews.Task>> list(UUID repId, UUID teamId, CoachingTask.Status status, CoachingTask.Kind kind,
                                              Boolean open, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return scopes.current().chain(scope -> {
            StringBuilder q = new StringBuilder("from CoachingTask t where t.id > :after");
            Map<String, Object> params = new HashMap<>();
            params.put("after", after == null ? Cursor.FIRST : after);
            if (repId != null) {
                q.append(" and t.repId = :rep");
                params.put("rep", repId);
            }
            if (teamId != null) {
                q.append(" and t.teamId = :team");
                params.put("team", teamId);
            }
            if (status != null) {
                q.append(" and t.status = :status");
                params.put("status", status);
            }
            if (kind != null) {
                q.append(" and t.kind = :kind");
                params.put("kind", kind);
            }
            if (Boolean.TRUE.equals(open)) {
                q.append(" and t.status in :open");
                params.put("open", List.of(CoachingTask.Status.OPEN, CoachingTask.Status.IN_PROGRESS));
            }
            if (!scope.everything()) {
                params.put("me", scope.userId());
                if (scope.teams().isEmpty()) {
                    q.append(" and (t.repId = :me or t.mentorId = :me)");
                } else {
                    q.append(" and (t.repId = :me or t.mentorId = :me or t.teamId in :teams)");
                    params.put("teams", scope.teams());
                }
            }
            q.append(" order by t.id");
            LocalDate today = today();
            return tasks.find(q.toString(), params).range(0, limit).list()
                    .map(rows -> Page.of(rows, limit, t -> t.id, t -> CoachingViews.Task.of(t, today, null)));
        });
    }

    /** Tasks of one onboarding plan (no scope check: the caller checked the plan). */
    Uni<List<CoachingTask>> ofPlan(UUID planId) {
        return tasks.ofPlan(planId);
    }

    private Uni<CoachingViews.Task> withNotes(CoachingTask t) {
        LocalDate today = today();
        return tasks.flush()
                .chain(() -> notes.of(t.id))
                .map(list -> CoachingViews.Task.of(t, today, list.stream().map(CoachingViews.Note::of).toList()));
    }

    Uni<CoachingTask> visibleTask(Scope scope, UUID id) {
        return tasks.findById(id).map(t -> {
            if (t == null || !(scope.covers(t.repId, t.teamId) || scope.userId().equals(t.mentorId))) {
                throw ProblemException.notFound("Coaching task");
            }
            return t;
        });
    }

    /** A task the caller manages: visible, and the caller is a manager, director or admin other than the rep. */
    private Uni<CoachingTask> managedTask(Scope scope, UUID id) {
        return visibleTask(scope, id).map(t -> {
            boolean manages = scope.role() == Role.ADMIN || scope.role() == Role.DIRECTOR
                    || (scope.role() == Role.MANAGER && scope.coversTeam(t.teamId));
            if (!manages || t.repId.equals(scope.userId())) {
                throw ProblemException.forbidden("The rep's manager changes and reviews coaching");
            }
            return t;
        });
    }
}
