package io.canvass.coaching;

import io.canvass.identity.UserService;
import io.canvass.platform.Caller;
import io.canvass.platform.Cursor;
import io.canvass.platform.Ids;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The managers' inbox of proposed coaching: accept (it becomes a task) or dismiss with a reason. */
@ApplicationScoped
public class ProposalService {

    @ApplicationScoped
    public static class Proposals implements PanacheRepositoryBase<CoachingProposal, UUID> {
    }

    @Inject
    Proposals proposals;

    @Inject
    CoachingService coaching;

    @Inject
    ScopeService scopes;

    @Inject
    Caller caller;

    @Inject
    UserService users;

    @WithSession
    public Uni<Page<CoachingViews.Proposal>> list(CoachingProposal.Status status, UUID teamId, UUID repId, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return scopes.current().chain(scope -> {
            StringBuilder q = new StringBuilder("from CoachingProposal p where p.id > :after");
            Map<String, Object> params = new HashMap<>();
            params.put("after", after == null ? Cursor.FIRST : after);
            if (status != null) {
                q.append(" and p.status = :status");
                params.put("status", status);
            }
            if (teamId != null) {
                q.append(" and p.teamId = :team");
                params.put("team", teamId);
            }
            if (repId != null) {
                q.append(" and p.repId = :rep");
                params.put("rep", repId);
            }
            if (!scope.everything()) {
                q.append(" and p.teamId in :teams");
                params.put("teams", scope.teams().isEmpty() ? java.util.Set.of(Cursor.FIRST) : scope.teams());
            }
            q.append(" order by p.id");
            return proposals.find(q.toString(), params).range(0, limit).list()
                    .map(rows -> Page.of(rows, limit, p -> p.id, CoachingViews.Proposal::of));
        });
    }

    @WithTransaction
    public Uni<CoachingViews.Proposal> accept(UUID id, CoachingRequests.Accept request) {
        return scopes.current().chain(scope -> open(scope, id).chain(p -> users.profile(scope.userId()).chain(manager -> {
            // the language the manager uses now, not the one their token was issued in
            boolean zh = manager == null || !"en".equals(manager.locale());
            CoachingTask t = new CoachingTask();
            t.id = Ids.newId();
            t.repId = p.repId;
            t.teamId = p.teamId;
            t.assignedBy = scope.userId();
            t.kind = p.kind;
            t.title = request != null && request.title() != null && !request.title().isBlank() ? request.title().trim() : title(p.rule, zh);
            t.goal = request != null && request.goal() != null && !request.goal().isBlank() ? request.goal().trim() : goal(p.rule, zh);
            t.dueOn = request != null && request.dueOn() != null ? request.dueOn() : LocalDate.now(caller.zone()).plusDays(14);
            t.status = CoachingTask.Status.OPEN;
            return coaching.persist(t).map(task -> {
                p.status = CoachingProposal.Status.ACCEPTED;
                p.taskId = task.id();
                p.decidedBy = scope.userId();
                p.decidedAt = Instant.now();
                return p;
            });
        }))).call(() -> proposals.flush()).map(CoachingViews.Proposal::of);
    }

    @WithTransaction
    public Uni<CoachingViews.Proposal> dismiss(UUID id, CoachingRequests.Dismiss request) {
        return scopes.current().chain(scope -> open(scope, id).map(p -> {
            p.status = CoachingProposal.Status.DISMISSED;
            p.dismissReason = request.reason().trim();
            p.decidedBy = scope.userId();
            p.decidedAt = Instant.now();
            return p;
        })).call(() -> proposals.flush()).map(CoachingViews.Proposal::of);
    }

    private Uni<CoachingProposal> open(Scope scope, UUID id) {
        return proposals.findById(id).map(p -> {
            if (p == null || !scope.coversTeam(p.teamId) || scope.role() == Role.INTEGRATION) {
                throw ProblemException.notFound("Proposal");
            }
            if (p.status != CoachingProposal.Status.OPEN) {
                throw ProblemException.conflict("The proposal was already " + p.status.name().toLowerCase());
            }
            return p;
        });
    }

    static String title(DiagnosisRules.Rule rule, boolean zh) {
        return switch (rule) {
            case VISIT_QUALITY -> zh ? "优化拜访质量" : "Improve visit quality";
            case PROPOSAL_FIT -> zh ? "优化方案针对性" : "Make proposals fit the customer";
            case TARGET_MISSED -> zh ? "业绩改进计划" : "Performance improvement plan";
            case TIME_MANAGEMENT -> zh ? "时间管理：按时跟进" : "Time management: follow up on time";
        };
    }

    static String goal(DiagnosisRules.Rule rule, boolean zh) {
        return switch (rule) {
            case VISIT_QUALITY -> zh ? "拜访量达标但转化率低：经理跟访两次，复盘需求挖掘与下一步推进" : "Many visits but few conversions: two shadow visits, then review needs discovery and next steps";
            case PROPOSAL_FIT -> zh ? "方案多但成单少：复盘最近的方案与客户需求的匹配度" : "Many proposals but few wins: review how recent proposals matched the customers' needs";
            case TARGET_MISSED -> zh ? "连续未达成目标：用问题树找出能力、资源或心态原因，制定改进计划" : "Targets missed in a row: find the cause (skill, resources or mindset) with the problem tree and agree a plan";
            case TIME_MANAGEMENT -> zh ? "跟进按时率低：每天晨会前排好当日跟进，两周后复盘按时率" : "Low on-time follow-up: plan each day's follow-ups before the morning meeting, review the rate in two weeks";
        };
    }
}
