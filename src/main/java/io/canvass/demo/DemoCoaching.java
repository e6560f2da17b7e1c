package io.canvass.demo;

import io.canvass.kpi.KpiMath;
import io.canvass.platform.Ids;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The demo's management loop: approved effective-visits targets for every past month of the story
 * (each rep's plan from their pace, so attainment varies by rep and with the organisation's months),
 * and this month's target tree (organisation → regions → reps) in every state from draft to approved,
 * with remainders to justify; coaching
 * tasks, the newest rep's onboarding plan with a mentor, open coaching proposals with their
 * evidence, and weekly reports (last week's submitted and commented, this week's drafts).
 */
final class DemoCoaching {

    static final String INSERT_TARGET = """
            insert into target (id, parent_id, period_kind, period_start, period_end, level, team_id, user_id, metric, value, status,
                                remainder_note, review_comment, submitted_by, submitted_at, reviewed_by, reviewed_at, created_by)
            values ($1, $2, 'MONTH', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)""";
    static final String INSERT_PLAN = "insert into onboarding_plan (id, rep_id, mentor_id, starts_on, created_by) values ($1, $2, $3, $4, $5)";
    static final String INSERT_TASK = """
            insert into coaching_task (id, rep_id, team_id, assigned_by, mentor_id, kind, title, goal, due_on, status, progress, outcome,
                                       onboarding_plan_id, completed_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""";
    static final String INSERT_PROPOSAL = """
            insert into coaching_proposal (id, rep_id, team_id, rule, kind, evidence, evidence_key, window_start, window_end, status)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OPEN')""";
    static final String INSERT_REPORT = """
            insert into weekly_report (id, user_id, team_id, week_start, behaviour, problems, support_needed, status, submitted_at,
                                       manager_comment, commented_by, commented_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""";

    /** A demo user as DemoData made them. */
    record User(UUID id, String email, UUID teamId) {
    }

    record Rows(List<Tuple> targets, List<Tuple> plans, List<Tuple> tasks, List<Tuple> proposals, List<Tuple> reports) {
    }

    private DemoCoaching() {
    }

    /**
     * How each rep's monthly visits plan compares with their pace (above 1: a stretch they tend to miss;
     * below: one they beat), so attainment differs by rep and follows the organisation's months.
     */
    static final Map<String, Double> PLAN_STRETCH = Map.of("li.na@demo.canvass.io", 0.92, "wang.lei@demo.canvass.io", 0.9,
            "zhang.min@demo.canvass.io", 1.0, "emma.liu@demo.canvass.io", 1.12, "huang.wei@demo.canvass.io", 1.05,
            "zhou.ting@demo.canvass.io", 1.0, "james.chan@demo.canvass.io", 0.98, "sophie.lin@demo.canvass.io", 1.15);

    static Rows generate(Map<String, User> users, List<UUID> regions, LocalDate today, DemoCustomers.Rows story, List<DemoCustomers.Rep> reps) {
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate month = today.withDayOfMonth(1);
        UUID director = users.get("director@demo.canvass.io").id();
        UUID east = users.get("manager.east@demo.canvass.io").id();
        UUID south = users.get("manager.south@demo.canvass.io").id();
        pastTargets(rows, users, regions, today, reps, director, east, south);
        int jamesLastMonth = story.effectiveVisits(users.get("james.chan@demo.canvass.io").id(), YearMonth.from(month.minusMonths(1)));

        UUID orgTarget = target(rows, null, month, "ORGANISATION", null, null, 400, "APPROVED", "20 次留给月中入职的新人", null, director, null, director);
        // the organisation's plan is the director's own: approved when the year's budget was signed off, outside Canvass
        UUID eastTarget = target(rows, orgTarget, month, "TEAM", regions.get(0), null, 220, "APPROVED", "10 次留作机动", null, east, director, director);
        UUID southTarget = target(rows, orgTarget, month, "TEAM", regions.get(1), null, 160, "SUBMITTED", "30 次待新人入职后分配", null, south, null, director);
        target(rows, eastTarget, month, "REP", regions.get(0), users.get("li.na@demo.canvass.io").id(), 60, "APPROVED", null, null,
                users.get("li.na@demo.canvass.io").id(), east, east);
        target(rows, eastTarget, month, "REP", regions.get(0), users.get("wang.lei@demo.canvass.io").id(), 60, "APPROVED", null, null,
                users.get("wang.lei@demo.canvass.io").id(), east, east);
        target(rows, eastTarget, month, "REP", regions.get(0), users.get("zhang.min@demo.canvass.io").id(), 40, "SUBMITTED", null, null,
                users.get("zhang.min@demo.canvass.io").id(), null, east);
        target(rows, eastTarget, month, "REP", regions.get(0), users.get("emma.liu@demo.canvass.io").id(), 50, "DRAFT", null, null, null, null, east);
        target(rows, southTarget, month, "REP", regions.get(1), users.get("huang.wei@demo.canvass.io").id(), 50, "APPROVED", null, null,
                users.get("huang.wei@demo.canvass.io").id(), south, south);
        target(rows, southTarget, month, "REP", regions.get(1), users.get("james.chan@demo.canvass.io").id(), 35, "RETURNED", null,
                "Last month you reached " + jamesLastMonth + ": plan at least " + Math.max(jamesLastMonth - 3, 40), users.get("james.chan@demo.canvass.io").id(), south, south);
        target(rows, southTarget, month, "REP", regions.get(1), users.get("zhou.ting@demo.canvass.io").id(), 45, "DRAFT", null, null, null, null, south);

        // the newest rep's onboarding, with a mentor
        User newRep = users.get("zhang.min@demo.canvass.io");
        UUID mentor = users.get("li.na@demo.canvass.io").id();
        UUID plan = Ids.newId();
        LocalDate start = today.minusDays(20);
        rows.plans().add(Tuple.of(plan, newRep.id(), mentor, start, east));
        String[][] milestones = {
            { "1", "MENTOR_SESSION", "认识导师，制定30天计划", "与导师一对一沟通，明确30天成长里程碑与每周复盘时间" },
            { "3", "SKILL_TRAINING", "产品知识：卖点到客户痛点", "能用客户语言讲清主要产品线的三个卖点及其对应的客户痛点" },
            { "7", "SHADOW_VISIT", "跟访导师拜访客户", "跟随导师完成至少两次客户拜访，记录提问与异议处理" },
            { "14", "MENTOR_SESSION", "第二周复盘：拜访记录", "与导师复盘本周拜访记录，找出一个改进点" },
            { "21", "SHADOW_VISIT", "导师跟访：独立拜访", "独立完成一次拜访，导师跟访并给出反馈" },
            { "30", "ONBOARDING_MILESTONE", "30天里程碑评估", "独立管理自己的客户池：完成首批有效拜访，跟进按时率达标，与经理评估成长" } };
        for (String[] m : milestones) {
            LocalDate due = start.plusDays(Integer.parseInt(m[0]));
            boolean done = due.isBefore(today.minusDays(3));
            task(rows, newRep, east, mentor, m[1], m[2], m[3], due, done ? "DONE" : "OPEN", done ? "已完成，记录已交导师" : null, null, plan,
                    done ? now.minusDays(4) : null);
        }
        User wang = users.get("wang.lei@demo.canvass.io");
        task(rows, wang, east, null, "SHADOW_VISIT", "跟访：需求挖掘", "经理跟访两次，重点观察需求挖掘提问", today.plusDays(5), "IN_PROGRESS",
                "已完成一次跟访（华工精密）", null, null, null);
        User emma = users.get("emma.liu@demo.canvass.io");
        task(rows, emma, east, null, "SKILL_TRAINING", "Pricing objections", "Practise the three answers to \"too expensive\" with the manager",
                today.minusDays(2), "OPEN", null, null, null, null);
        User sophie = users.get("sophie.lin@demo.canvass.io");
        task(rows, sophie, south, null, "MENTOR_SESSION", "Weekly review with your mentor", "Go through this week's visit notes and pick one thing to improve",
                today.plusDays(3), "OPEN", null, null, null, null);

        // what the diagnosis would propose: many visits but few conversions; follow-ups late
        // (the evidence is the story's own numbers over the four weeks before this week)
        LocalDate windowEnd = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant to = windowEnd.atStartOfDay(DemoCustomers.ZONE).toInstant();
        Instant from = windowEnd.minusWeeks(4).atStartOfDay(DemoCustomers.ZONE).toInstant();
        List<BigDecimal> visits = new ArrayList<>();
        List<BigDecimal> conversionRates = new ArrayList<>();
        for (DemoCustomers.Rep r : reps) {
            if (r.team().equals(wang.teamId())) {
                int ev = story.effectiveVisits(r.id(), from, to);
                visits.add(BigDecimal.valueOf(ev));
                if (ev > 0) {
                    conversionRates.add(BigDecimal.valueOf(story.conversions(r.id(), from, to)).divide(BigDecimal.valueOf(ev), 4, RoundingMode.HALF_UP));
                }
            }
        }
        int wangVisits = story.effectiveVisits(wang.id(), from, to);
        int wangConversions = story.conversions(wang.id(), from, to);
        proposal(rows, wang, "VISIT_QUALITY", "SHADOW_VISIT", new JsonObject().put("effectiveVisits", wangVisits).put("conversions", wangConversions)
                .put("conversionRate", wangVisits == 0 ? null : BigDecimal.valueOf(wangConversions).divide(BigDecimal.valueOf(wangVisits), 4, RoundingMode.HALF_UP))
                .put("teamMedianEffectiveVisits", KpiMath.median(visits))
                .put("teamMedianConversionRate", KpiMath.median(conversionRates)),
                windowEnd);
        User huang = users.get("huang.wei@demo.canvass.io");
        List<BigDecimal> onTimeRates = new ArrayList<>();
        for (DemoCustomers.Rep r : reps) {
            int[] f = story.followUps(r.id(), from, to);
            if (r.team().equals(huang.teamId()) && f[0] > 0) {
                onTimeRates.add(BigDecimal.valueOf(f[1]).divide(BigDecimal.valueOf(f[0]), 4, RoundingMode.HALF_UP));
            }
        }
        int[] huangFollowUps = story.followUps(huang.id(), from, to);
        proposal(rows, huang, "TIME_MANAGEMENT", "SKILL_TRAINING", new JsonObject().put("followUpsDue", huangFollowUps[0])
                .put("followUpsOnTime", huangFollowUps[1])
                .put("onTimeRate", huangFollowUps[0] == 0 ? null
                        : BigDecimal.valueOf(huangFollowUps[1]).divide(BigDecimal.valueOf(huangFollowUps[0]), 4, RoundingMode.HALF_UP))
                .put("threshold", 0.7).put("teamMedianOnTimeRate", KpiMath.median(onTimeRates)),
                windowEnd);

        // last week's reports in, one commented; this week's being written
        LocalDate lastWeek = windowEnd.minusWeeks(1);
        report(rows, users.get("li.na@demo.canvass.io"), lastWeek, "重点推进华工精密二期方案，完成两次演示；拜访苏州三家新客户", "报价审批周期长，客户在等",
                "请经理协助加快报价审批", "SUBMITTED", now.minusDays(3), "报价我来协调，下周重点跟进两家A类客户", east);
        report(rows, wang, lastWeek, "跟进宏达模具的设备更新，约到技术总监", "新客户拜访多但转化低", null, "SUBMITTED", now.minusDays(3), null, null);
        report(rows, huang, lastWeek, "Visited five key accounts in Dongguan; renewal for 瑞丰 agreed in principle", "Follow-ups slipped during the trade fair",
                null, "SUBMITTED", now.minusDays(2), null, null);
        report(rows, users.get("li.na@demo.canvass.io"), windowEnd, "本周计划：恒通机械合同谈判", null, null, "DRAFT", null, null, null);
        return rows;
    }

    /**
     * Approved effective-visit targets for each month of the story before this one: each rep's plan
     * from their pace, ramp-up and {@link #PLAN_STRETCH}; a region's the sum of its reps', the
     * organisation's the sum of the regions'.
     */
    private static void pastTargets(Rows rows, Map<String, User> users, List<UUID> regions, LocalDate today, List<DemoCustomers.Rep> reps,
                                    UUID director, UUID east, UUID south) {
        for (int ago = DemoCustomers.MONTHS; ago >= 1; ago--) {
            LocalDate month = today.withDayOfMonth(1).minusMonths(ago);
            OffsetDateTime planned = month.minusDays(3).atTime(10, 0).atZone(DemoCustomers.ZONE).toOffsetDateTime();
            int[] teams = new int[regions.size()];
            List<Object[]> repPlans = new ArrayList<>();
            for (DemoCustomers.Rep rep : reps) {
                if (rep.hiredOn() != null && !rep.hiredOn().isBefore(month.plusMonths(1))) {
                    continue;
                }
                DemoCustomers.Profile p = rep.profile();
                double weeks = month.lengthOfMonth() / 7.0;
                int plan = (int) Math.round((p.visitsPerWeek() * weeks + p.leadsPerMonth()) * p.verified()
                        * DemoCustomers.ramp(rep, month.plusDays(15)) * PLAN_STRETCH.get(rep.email()));
                int team = regions.indexOf(rep.team());
                teams[team] += plan;
                repPlans.add(new Object[] { rep, plan, team });
            }
            int total = IntStream.of(teams).sum();
            UUID org = past(rows, null, month, "ORGANISATION", null, null, total, director, director, planned);
            List<UUID> teamIds = new ArrayList<>();
            for (int t = 0; t < regions.size(); t++) {
                UUID manager = t == 0 ? east : south;
                teamIds.add(past(rows, org, month, "TEAM", regions.get(t), null, teams[t], manager, director, planned));
            }
            for (Object[] r : repPlans) {
                DemoCustomers.Rep rep = (DemoCustomers.Rep) r[0];
                int team = (int) r[2];
                past(rows, teamIds.get(team), month, "REP", rep.team(), rep.id(), (int) r[1], rep.id(), team == 0 ? east : south, planned);
            }
        }
    }

    private static UUID past(Rows rows, UUID parent, LocalDate month, String level, UUID team, UUID user, int value, UUID submittedBy,
                             UUID reviewedBy, OffsetDateTime at) {
        UUID id = Ids.newId();
        rows.targets().add(Tuple.from(Arrays.asList(id, parent, month, month.plusMonths(1), level, team, user, "EFFECTIVE_VISITS",
                BigDecimal.valueOf(value), "APPROVED", null, null, submittedBy, at, reviewedBy, at.plusDays(1), reviewedBy)));
        return id;
    }

    private static UUID target(Rows rows, UUID parent, LocalDate month, String level, UUID team, UUID user, int value, String status,
                               String remainderNote, String reviewComment, UUID submittedBy, UUID reviewedBy, UUID createdBy) {
        UUID id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean submitted = !status.equals("DRAFT");
        boolean reviewed = status.equals("APPROVED") || status.equals("RETURNED");
        rows.targets().add(Tuple.from(Arrays.asList(id, parent, month, month.plusMonths(1), level, team, user, "EFFECTIVE_VISITS",
                BigDecimal.valueOf(value), status, remainderNote, reviewComment, submitted ? submittedBy : null,
                submitted ? now.minusDays(3) : null, reviewed ? reviewedBy : null, reviewed ? now.minusDays(2) : null, createdBy)));
        return id;
    }

    private static void task(Rows rows, User rep, UUID manager, UUID mentor, String kind, String title, String goal, LocalDate due,
                             String status, String progress, String outcome, UUID plan, OffsetDateTime completedAt) {
        rows.tasks().add(Tuple.from(Arrays.asList(Ids.newId(), rep.id(), rep.teamId(), manager, mentor, kind, title, goal, due, status,
                progress, outcome, plan, completedAt)));
    }

    private static void proposal(Rows rows, User rep, String rule, String kind, JsonObject evidence, LocalDate windowEnd) {
        rows.proposals().add(Tuple.from(Arrays.asList(Ids.newId(), rep.id(), rep.teamId(), rule, kind, evidence,
                "demo-" + rule, windowEnd.minusWeeks(4), windowEnd)));
    }

    private static void report(Rows rows, User rep, LocalDate week, String behaviour, String problems, String support, String status,
                               OffsetDateTime submittedAt, String comment, UUID commentedBy) {
        rows.reports().add(Tuple.from(Arrays.asList(Ids.newId(), rep.id(), rep.teamId(), week, behaviour, problems, support, status,
                submittedAt, comment, commentedBy, comment == null ? null : submittedAt.plusHours(20))));
    }
}
