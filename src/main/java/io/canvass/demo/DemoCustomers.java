package io.canvass.demo;

import io.canvass.followup.Cadence;
import io.canvass.platform.Ids;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Demo customers with histories: each rep gets about 25, with contacts, past follow-ups and one
 * pending follow-up, some overdue, some due today, so every agenda has something in it.
 */
final class DemoCustomers {

    static final String INSERT_CUSTOMER = """
            insert into customer (id, name, industry, size, address, lat, lng, owner_id, team_id, grade, stage, lost_reason,
                                  source, tags, last_touched_at, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)""";
    static final String INSERT_CONTACT = """
            insert into customer_contact (id, customer_id, name, title, phone, decision_role, position) values ($1, $2, $3, $4, $5, $6, 0)""";
    static final String INSERT_FOLLOW_UP = """
            insert into follow_up (id, customer_id, owner_id, team_id, due_on, due_at, channel, status, scheduled_by, done_at, summary, feedback, next_action)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""";

    private static final String[] PREFIXES = { "上海", "苏州", "杭州", "宁波", "无锡", "南京", "广州", "深圳", "东莞", "佛山", "厦门", "珠海" };
    private static final String[] CORES = { "华工", "精密", "恒通", "宏达", "博远", "瑞丰", "金桥", "安泰", "正信", "东方", "联创", "凯盛", "天成", "鑫源" };
    private static final String[] KINDS = { "机械有限公司", "模具有限公司", "自动化设备有限公司", "电子科技有限公司", "新材料有限公司", "泵阀有限公司", "物流有限公司" };
    private static final String[] INDUSTRIES = { "机械制造", "模具", "自动化", "电子", "新材料", "泵阀", "物流" };
    private static final String[] SOURCES = { "展会", "转介绍", "官网", "电话开发", "老客户" };
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴" };
    private static final String[] TITLES = { "采购经理", "总经理", "技术总监", "设备科长", "生产主管" };
    private static final String[] SUMMARIES = { "电话沟通了二季度采购计划", "上门拜访，演示了新款设备", "发送了报价单，客户在内部审批",
        "客户反馈交期需要提前", "技术交流，确认了参数要求", "微信跟进，约定下周见面" };
    private static final String[] FEEDBACK = { "对价格比较敏感", "认可产品质量", "需要更多案例", "关注售后响应速度", "预算下季度才能批" };
    private static final String[] STAGES = { "INITIAL_INTENT", "INITIAL_INTENT", "HIGH_INTENT", "HIGH_INTENT", "KEY_ACCOUNT", "WON", "LOST" };
    private static final String[] CHANNELS = { "VISIT", "CALL", "CALL", "MESSAGE", "EMAIL" };

    /** A rep who gets customers: id, team, zone, and the city their territory centres on. */
    record Rep(UUID id, UUID team, ZoneId zone, double lat, double lng) {
    }

    /** The rows to insert. */
    record Rows(List<Tuple> customers, List<Tuple> contacts, List<Tuple> followUps) {
    }

    private DemoCustomers() {
    }

    static Rows generate(List<Rep> reps, Instant now) {
        Random random = new Random(20261123);
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Rep rep : reps) {
            for (int n = 0; n < 25; n++) {
                customer(rows, rep, random, now);
            }
        }
        return rows;
    }

    private static void customer(Rows rows, Rep rep, Random random, Instant now) {
        UUID id = Ids.newId();
        String stage = STAGES[random.nextInt(STAGES.length)];
        String grade = stage.equals("KEY_ACCOUNT") ? "A" : new String[] { "A", "B", "B", "C", "C" }[random.nextInt(5)];
        int kind = random.nextInt(KINDS.length);
        String name = PREFIXES[random.nextInt(PREFIXES.length)] + CORES[random.nextInt(CORES.length)] + KINDS[kind];
        int cadence = switch (stage) {
            case "KEY_ACCOUNT" -> 3;
            case "HIGH_INTENT" -> grade.equals("A") ? 3 : 7;
            case "WON" -> 30;
            default -> grade.equals("A") ? 3 : grade.equals("B") ? 7 : 14;
        };
        Instant created = now.minus(60 + random.nextInt(300), ChronoUnit.DAYS);
        LocalDate today = Cadence.today(rep.zone(), now);
        int history = 1 + random.nextInt(6);
        Instant lastTouch = null;
        for (int h = history; h >= 1; h--) {
            Instant doneAt = now.minus((long) h * cadence + random.nextInt(3), ChronoUnit.DAYS).minus(random.nextInt(8), ChronoUnit.HOURS);
            if (doneAt.isBefore(created)) {
                continue;
            }
            LocalDate dueOn = Cadence.today(rep.zone(), doneAt);
            boolean missed = random.nextInt(8) == 0;
            rows.followUps().add(Tuple.from(List.of(Ids.newId(), id, rep.id(), rep.team(), dueOn, Cadence.endOfDay(dueOn, rep.zone()).atOffset(java.time.ZoneOffset.UTC),
                    CHANNELS[random.nextInt(CHANNELS.length)], missed ? "MISSED" : "DONE", "CADENCE")).addValue(missed ? null : doneAt.atOffset(java.time.ZoneOffset.UTC))
                    .addValue(missed ? null : SUMMARIES[random.nextInt(SUMMARIES.length)])
                    .addValue(missed ? null : FEEDBACK[random.nextInt(FEEDBACK.length)])
                    .addValue(missed ? null : "再次跟进确认需求"));
            if (!missed) {
                lastTouch = doneAt;
            }
        }
        if (!stage.equals("LOST")) {
            int offset = random.nextInt(10) - 3;
            LocalDate due = offset < 0 ? today.plusDays(Math.max(offset, -2)) : offset < 3 ? today : today.plusDays(offset);
            rows.followUps().add(Tuple.from(List.of(Ids.newId(), id, rep.id(), rep.team(), due, Cadence.endOfDay(due, rep.zone()).atOffset(java.time.ZoneOffset.UTC),
                    CHANNELS[random.nextInt(CHANNELS.length)], "OPEN", "CADENCE")).addValue(null).addValue(null).addValue(null).addValue(null));
        }
        double lat = rep.lat() + (random.nextDouble() - 0.5) * 0.3;
        double lng = rep.lng() + (random.nextDouble() - 0.5) * 0.3;
        rows.customers().add(Tuple.from(List.of(id, name, INDUSTRIES[kind], new String[] { "SMALL", "MEDIUM", "LARGE" }[random.nextInt(3)],
                        "工业园区 " + (10 + random.nextInt(200)) + " 号", lat, lng, rep.id(), rep.team(), grade, stage))
                .addValue(stage.equals("LOST") ? "选择了竞品" : null)
                .addValue(SOURCES[random.nextInt(SOURCES.length)])
                .addValue(new String[] { INDUSTRIES[kind] })
                .addValue(lastTouch == null ? null : lastTouch.atOffset(java.time.ZoneOffset.UTC))
                .addValue(created.atOffset(java.time.ZoneOffset.UTC)));
        rows.contacts().add(Tuple.of(Ids.newId(), id, SURNAMES[random.nextInt(SURNAMES.length)] + new String[] { "经理", "总", "工", "主任" }[random.nextInt(4)],
                TITLES[random.nextInt(TITLES.length)], "139" + String.format("%08d", random.nextInt(100_000_000)),
                new String[] { "DECISION_MAKER", "INFLUENCER", "USER" }[random.nextInt(3)]));
    }
}
