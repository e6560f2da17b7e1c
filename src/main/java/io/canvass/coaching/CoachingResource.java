package io.canvass.coaching;

import io.canvass.platform.ReplaySafe;
import io.canvass.platform.ETags;
import io.canvass.platform.Items;
import io.canvass.platform.Page;
import io.canvass.platform.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@ReplaySafe
@Path("/api/v1")
@Tag(name = "Coaching")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME, Role.REP_NAME })
public class CoachingResource {

    private final CoachingService coaching;
    private final OnboardingService onboarding;
    private final ProposalService proposals;

    public CoachingResource(CoachingService coaching, OnboardingService onboarding, ProposalService proposals) {
        this.coaching = coaching;
        this.onboarding = onboarding;
        this.proposals = proposals;
    }

    @GET
    @Path("/coaching-proposals")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Coaching proposed by the diagnosis for your teams' reps, with the evidence",
            description = "Each proposal names the rule (VISIT_QUALITY, PROPOSAL_FIT, TARGET_MISSED, TIME_MANAGEMENT), the rep's numbers over the window and the team's median.")
    @APIResponse(responseCode = "200", description = "A page of proposals")
    public Uni<Page<CoachingViews.Proposal>> proposals(@RestQuery CoachingProposal.Status status, @RestQuery UUID teamId,
                                                       @RestQuery UUID repId, @RestQuery String cursor,
                                                       @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return proposals.list(status, teamId, repId, cursor, limit);
    }

    @POST
    @RequestBody(content = @Content(examples = @ExampleObject(name = "accept", value = """
            {"title":"提升拜访质量","goal":"两周内经理跟访两次，复盘需求挖掘","dueOn":"2026-12-07"}""")))
    @Path("/coaching-proposals/{id}/accept")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Accept a proposal: it becomes a coaching task", description = "Title, goal and due date are optional.")
    @APIResponse(responseCode = "200", description = "The accepted proposal with its task id")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<CoachingViews.Proposal> accept(@RestPath UUID id, @Valid CoachingRequests.Accept request) {
        return proposals.accept(id, request);
    }

    @POST
    @RequestBody(content = @Content(examples = @ExampleObject(name = "dismiss", value = """
            {"reason":"本月大客户集中签约，拜访转化偏低属正常波动"}""")))
    @Path("/coaching-proposals/{id}/dismiss")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Dismiss a proposal with a reason", description = "The same evidence is not proposed again.")
    @APIResponse(responseCode = "200", description = "The dismissed proposal")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<CoachingViews.Proposal> dismiss(@RestPath UUID id, @Valid @NotNull CoachingRequests.Dismiss request) {
        return proposals.dismiss(id, request);
    }

    @POST
    @Path("/coaching-tasks")
    @ResponseStatus(201)
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Assign coaching to a rep of your teams")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "shadow visit", value = """
            {"repId":"01a2089c-dbe9-7325-bb07-3f6f590ce315","kind":"SHADOW_VISIT","title":"跟访：需求挖掘",
             "goal":"经理跟访两次，重点观察需求挖掘提问","dueOn":"2026-12-04"}""")))
    @APIResponse(responseCode = "201", description = "The task", content = @Content(schema = @Schema(implementation = CoachingViews.Task.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Uni<CoachingViews.Task> assign(@Valid @NotNull CoachingRequests.Assign request) {
        return coaching.assign(request);
    }

    @GET
    @Path("/coaching-tasks")
    @Operation(summary = "Coaching tasks in your scope", description = "Reps see their own (and those they mentor); managers their teams'.")
    @APIResponse(responseCode = "200", description = "A page of tasks")
    public Uni<Page<CoachingViews.Task>> list(@RestQuery UUID repId, @RestQuery UUID teamId, @RestQuery CoachingTask.Status status,
                                              @RestQuery CoachingTask.Kind kind, @RestQuery Boolean open, @RestQuery String cursor,
                                              @RestQuery @DefaultValue(Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return coaching.list(repId, teamId, status, kind, open, cursor, limit);
    }

    @GET
    @Path("/coaching-tasks/{id}")
    @Operation(summary = "A coaching task with its notes")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<CoachingViews.Task> get(@RestPath UUID id) {
        return coaching.get(id);
    }

    @PATCH
    @RequestBody(content = @Content(examples = @ExampleObject(name = "change", value = """
            {"title":"跟访：需求挖掘","goal":"经理跟访三次，重点观察需求挖掘提问","dueOn":"2026-12-10","version":0}""")))
    @Path("/coaching-tasks/{id}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Change a task's title, goal, due date or mentor (the rep's manager)")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<CoachingViews.Task> change(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
                                          @Valid @NotNull CoachingRequests.Change request) {
        return coaching.change(id, request, ETags.expectedVersion(ifMatch));
    }

    @POST
    @RequestBody(content = @Content(examples = @ExampleObject(name = "done", value = """
            {"status":"DONE","progress":"完成两次跟访，整理了客户需求清单"}""")))
    @Path("/coaching-tasks/{id}/progress")
    @RolesAllowed(Role.REP_NAME)
    @Operation(summary = "Report progress on your coaching: in progress or done, with what was done")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = CoachingViews.Task.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<CoachingViews.Task> progress(@RestPath UUID id, @Valid @NotNull CoachingRequests.Progress request) {
        return coaching.progress(id, request);
    }

    @POST
    @RequestBody(content = @Content(examples = @ExampleObject(name = "review", value = """
            {"status":"DONE","outcome":"需求挖掘提问更有层次，下月关注方案呈现"}""")))
    @Path("/coaching-tasks/{id}/review")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Review a task: done with the outcome, back in progress, or cancelled")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<CoachingViews.Task> review(@RestPath UUID id, @Valid @NotNull CoachingRequests.Review request) {
        return coaching.review(id, request);
    }

    @POST
    @RequestBody(content = @Content(examples = @ExampleObject(name = "note", value = """
            {"body":"周三跟访华信科技，客户关注交付周期"}""")))
    @Path("/coaching-tasks/{id}/notes")
    @Operation(summary = "Add a note to a task (the rep, their managers or the mentor)")
    @APIResponse(responseCode = "201", description = "The note", content = @Content(schema = @Schema(implementation = CoachingViews.Note.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @ResponseStatus(201)
    public Uni<CoachingViews.Note> note(@RestPath UUID id, @Valid @NotNull CoachingRequests.Note request) {
        return coaching.addNote(id, request);
    }

    @GET
    @Path("/onboarding/milestones")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "The onboarding template: milestones by day from a new rep's first day")
    @APIResponse(responseCode = "200", description = "The milestones; the ETag names the template's version",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = CoachingViews.Milestone.class)),
                    examples = @ExampleObject(name = "template", value = MILESTONES_EXAMPLE)))
    public Uni<RestResponse<Items<CoachingViews.Milestone>>> template() {
        return onboarding.template().map(CoachingResource::withVersion);
    }

    private static RestResponse<Items<CoachingViews.Milestone>> withVersion(CoachingViews.Template template) {
        return RestResponse.ResponseBuilder.ok(Items.of(template.milestones())).tag(ETags.of(template.version())).build();
    }

    static final String MILESTONES_EXAMPLE = """
            {"items":[{"id":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5aa1","dayOffset":0,"kind":"ONBOARDING_MILESTONE","title":"熟悉产品与公司制度","goal":"完成产品培训并通过考核"},
                      {"id":"019a4f2c-6a1b-7d2e-8f00-1c2d3e4f5aa2","dayOffset":7,"kind":"SHADOW_VISIT","title":"跟随导师拜访","goal":"跟访至少三位客户"}]}""";

    @PUT
    @RequestBody(content = @Content(examples = @ExampleObject(name = "template", value = """
            {"milestones":[{"dayOffset":0,"kind":"ONBOARDING_MILESTONE","title":"熟悉产品与公司制度","goal":"完成产品培训并通过考核"},{"dayOffset":7,"kind":"SHADOW_VISIT","title":"跟随导师拜访","goal":"跟访至少三位客户"}]}""")))
    @Path("/onboarding/milestones")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Replace the onboarding template (admins)",
            description = "Plans already made keep their tasks. Send If-Match with the ETag of the template you edited: a save made on an "
                    + "older copy is refused with 412 instead of replacing a colleague's edit.")
    @APIResponse(responseCode = "200", description = "The new milestones; the ETag names the new version",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "items",
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = CoachingViews.Milestone.class)),
                    examples = @ExampleObject(name = "template", value = MILESTONES_EXAMPLE)))
    @APIResponse(responseCode = "412", ref = "StaleVersion")
    public Uni<RestResponse<Items<CoachingViews.Milestone>>> replaceTemplate(@RestHeader("If-Match") String ifMatch, @Valid @NotNull CoachingRequests.Template request) {
        return onboarding.replaceTemplate(request, ETags.expectedVersion(ifMatch)).map(CoachingResource::withVersion);
    }

    @POST
    @RequestBody(content = @Content(examples = @ExampleObject(name = "plan", value = """
            {"repId":"01a2089c-dbe9-7325-bb07-3f6f590ce315","mentorId":"01a2089c-dbe9-7325-bb07-3f6f590ce316","startsOn":"2026-12-01"}""")))
    @Path("/onboarding-plans")
    @ResponseStatus(201)
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Make a rep's onboarding plan from the template, with a mentor",
            description = "New reps get one by themselves shortly after they are added; this makes one on demand.")
    @APIResponse(responseCode = "201", description = "The plan with its milestones", content = @Content(schema = @Schema(implementation = CoachingViews.Plan.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<CoachingViews.Plan> createPlan(@Valid @NotNull CoachingRequests.Plan request) {
        return onboarding.create(request);
    }

    @GET
    @Path("/onboarding-plans/{repId}")
    @Operation(summary = "A rep's onboarding plan and its progress")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<CoachingViews.Plan> plan(@RestPath UUID repId) {
        return onboarding.ofRep(repId);
    }

    @PUT
    @RequestBody(content = @Content(examples = @ExampleObject(name = "mentor", value = """
            {"mentorId":"01a2089c-dbe9-7325-bb07-3f6f590ce316"}""")))
    @Path("/onboarding-plans/{repId}/mentor")
    @RolesAllowed({ Role.ADMIN_NAME, Role.DIRECTOR_NAME, Role.MANAGER_NAME })
    @Operation(summary = "Choose the plan's mentor (also for its open milestones)")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<CoachingViews.Plan> setMentor(@RestPath UUID repId, @Valid @NotNull CoachingRequests.Mentor request) {
        return onboarding.setMentor(repId, request);
    }
}
