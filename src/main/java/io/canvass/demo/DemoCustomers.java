package io.canvass.demo;

import io.canvass.followup.Cadence;
import io.canvass.platform.Ids;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The demo's six months of field work, relative to the day it is seeded: each rep's book of older
 * customers and the leads they opened month by month, every customer moving through the stages at
 * its own pace (most stop or are lost on the way, a few go all the way to won), the follow-ups of
 * their cadence (mostly on time, some late or missed), and the check-ins of every working day, with
 * a shape: a newer rep ramping up, a dip three months ago, the strongest month two months ago.
 */
final class DemoCustomers {

    static final Bulk CUSTOMERS = new Bulk("customer", """
            id uuid, name text, industry text, size text, address text, lat float8, lng float8, owner_id uuid, team_id uuid, grade text,
            stage text, lost_reason text, source text, tags varchar[], last_touched_at timestamptz, created_at timestamptz""");
    static final Bulk CONTACTS = new Bulk("customer_contact", "id uuid, customer_id uuid, name text, title text, phone text, decision_role text");
    static final Bulk CHANGES = new Bulk("customer_change",
            "id uuid, customer_id uuid, at timestamptz, actor_id uuid, field text, old_value text, new_value text, reason text");
    static final Bulk FOLLOW_UPS = new Bulk("follow_up", """
            id uuid, customer_id uuid, owner_id uuid, team_id uuid, due_on date, due_at timestamptz, channel text, status text, scheduled_by text,
            done_at timestamptz, summary text, feedback text, next_action text""");
    static final Bulk CHECK_INS = new Bulk("check_in", """
            id uuid, user_id uuid, team_id uuid, customer_id uuid, client_time timestamptz, received_at timestamptz, lat float8, lng float8,
            accuracy_m float8, fix_age_s int4, distance_m float8, verdict text, unverified_reason text, purpose text, notes text, outcome text,
            request_hash bytea""");

    /** The calendar the story's months and days are cut in (the KPI rollups' zone). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
    private static final String[] CHANNELS = { "VISIT", "CALL", "CALL", "MESSAGE", "EMAIL" };
    static final String[] LOST_REASONS = { "选择了竞品，价格差 12%", "预算冻结到明年", "项目取消", "需求转给集团统一采购" };

    /** How a rep works: visits a week at full pace, the share verified at the customer, leads opened a month, conversion, follow-ups on time. */
    record Profile(double visitsPerWeek, double verified, int leadsPerMonth, double conversion, double onTime) {
    }

    /**
     * The reps' profiles: 李娜 converts best, 王磊 visits most and converts least (the visit-quality
     * proposal), 黄伟's follow-ups slip (the time-management proposal) and his visits dipped during the
     * trade fair two weeks ago, 张敏 and Sophie Lin are ramping up since they joined.
     */
    static final Map<String, Profile> PROFILES = Map.of(
            "li.na@demo.canvass.io", new Profile(13, 0.93, 6, 1.25, 0.90),
            "wang.lei@demo.canvass.io", new Profile(17, 0.90, 7, 0.45, 0.82),
            "zhang.min@demo.canvass.io", new Profile(10, 0.85, 5, 0.8, 0.80),
            "emma.liu@demo.canvass.io", new Profile(11, 0.90, 5, 1.0, 0.86),
            "huang.wei@demo.canvass.io", new Profile(13, 0.86, 6, 1.0, 0.55),
            "zhou.ting@demo.canvass.io", new Profile(12, 0.91, 5, 0.95, 0.85),
            "james.chan@demo.canvass.io", new Profile(12, 0.93, 5, 1.1, 0.80),
            "sophie.lin@demo.canvass.io", new Profile(10, 0.85, 5, 0.8, 0.78));

    /** Pace of the whole organisation by months ago (index 0 = this month): a dip three months ago, the strongest month two months ago. */
    static final double[] MONTH_SHAPE = { 1.0, 1.05, 1.2, 0.65, 1.0, 0.95, 0.85 };

    /** How many months of history the story has before this month. */
    static final int MONTHS = 6;

    /** A rep who gets customers: id, team, zone, the city their territory centres on, email, hire day. */
    record Rep(UUID id, UUID team, ZoneId zone, double lat, double lng, String email, LocalDate hiredOn) {

        Profile profile() {
            return PROFILES.get(email);
        }
    }

    /**
     * One customer's story: when it was created and reached each stage (null: not reached by now),
     * when it was lost and why. The deals and contracts follow it.
     */
    record Journey(UUID id, String name, int kind, Rep rep, String grade, Instant created, Instant high, Instant key, Instant won, Instant lost,
                   String lostReason, boolean book, double lat, double lng) {

        String stage() {
            return lost != null ? "LOST" : won != null ? "WON" : key != null ? "KEY_ACCOUNT" : high != null ? "HIGH_INTENT" : "INITIAL_INTENT";
        }

        /** The stage at an instant (INITIAL_INTENT from creation on; null before it). */
        String stageAt(Instant at) {
            if (at.isBefore(created)) {
                return null;
            }
            if (lost != null && !at.isBefore(lost)) {
                return "LOST";
            }
            if (won != null && !at.isBefore(won)) {
                return "WON";
            }
            if (key != null && !at.isBefore(key)) {
                return "KEY_ACCOUNT";
            }
            return high != null && !at.isBefore(high) ? "HIGH_INTENT" : "INITIAL_INTENT";
        }
    }

    /** The rows to insert, and the story they tell. */
    record Rows(List<Tuple> customers, List<Tuple> contacts, List<Tuple> changes, List<Tuple> followUps, List<Tuple> checkIns,
                List<Journey> journeys, List<Visit> visits, List<Touch> touches) {

        /** Verified check-ins of a rep in a month (the story's calendar). */
        int effectiveVisits(UUID rep, YearMonth month) {
            return (int) visits.stream().filter(v -> v.rep().equals(rep) && v.verified()
                    && YearMonth.from(v.at().atZone(ZONE)).equals(month)).count();
        }

        /** Verified check-ins of a rep in [from, to). */
        int effectiveVisits(UUID rep, Instant from, Instant to) {
            return (int) visits.stream().filter(v -> v.rep().equals(rep) && v.verified() && !v.at().isBefore(from) && v.at().isBefore(to)).count();
        }

        /** Forward stage moves on a rep's customers in [from, to): the lead conversions behind the visits. */
        int conversions(UUID rep, Instant from, Instant to) {
            int n = 0;
            for (Journey j : journeys) {
                if (j.rep().id().equals(rep)) {
                    for (Instant at : Arrays.asList(j.high(), j.key(), j.won())) {
                        n += at != null && !at.isBefore(from) && at.isBefore(to) ? 1 : 0;
                    }
                }
            }
            return n;
        }

        /** Follow-ups of a rep due in [from, to): how many, and how many done on time. */
        int[] followUps(UUID rep, Instant from, Instant to) {
            int due = 0;
            int onTime = 0;
            for (Touch t : touches) {
                if (t.rep().equals(rep) && !t.dueAt().isBefore(from) && t.dueAt().isBefore(to)) {
                    due++;
                    onTime += t.onTime() ? 1 : 0;
                }
            }
            return new int[] { due, onTime };
        }
    }

    /** A check-in as the story counts it. */
    record Visit(UUID rep, Instant at, boolean verified) {
    }

    /** A follow-up that fell due. */
    record Touch(UUID rep, Instant dueAt, boolean onTime) {
    }

    private DemoCustomers() {
    }

    /** The first day of the story: the first of the month {@link #MONTHS} months ago. */
    static LocalDate start(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(MONTHS);
    }

    static Rows generate(List<Rep> reps, Instant now) {
        Random random = new Random(20261123);
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        LocalDate today = now.atZone(ZONE).toLocalDate();
        LocalDate start = start(today);
        List<Object[]> checkIns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Rep rep : reps) {
            List<Journey> mine = journeys(rep, random, now, start, names);
            rows.journeys().addAll(mine);
            for (Journey j : mine) {
                customer(rows, j, random, now, start);
            }
            visits(rows, rep, mine, random, now, start, checkIns);
        }
        // in visit order, so the feed's sequence follows time as it would have
        checkIns.sort(Comparator.comparing(c -> (Instant) c[0]));
        for (Object[] c : checkIns) {
            rows.checkIns().add((Tuple) c[1]);
        }
        return rows;
    }

    /** A rep's customers: an older book (for reps who were here before the story starts) and the leads of each month. */
    private static List<Journey> journeys(Rep rep, Random random, Instant now, LocalDate start, Set<String> names) {
        List<Journey> journeys = new ArrayList<>();
        LocalDate today = now.atZone(ZONE).toLocalDate();
        Profile profile = rep.profile();
        LocalDate active = rep.hiredOn() != null && rep.hiredOn().isAfter(start) ? rep.hiredOn() : start;
        if (!active.isAfter(start)) {
            // the book: won customers with contracts, key accounts and leads still being worked, a couple lost
            String[] book = { "WON", "WON", "WON", "WON", "WON", "WON", "KEY_ACCOUNT", "KEY_ACCOUNT", "KEY_ACCOUNT", "HIGH_INTENT", "HIGH_INTENT",
                "INITIAL_INTENT", "LOST", "LOST" };
            for (int i = 0; i < book.length; i++) {
                Instant created = start.minusDays(120 + random.nextInt(500)).atTime(10, 0).atZone(ZONE).toInstant();
                journeys.add(bookJourney(rep, random, book[i], i, created, start, now, names));
            }
        }
        for (int ago = MONTHS; ago >= 0; ago--) {
            LocalDate first = today.withDayOfMonth(1).minusMonths(ago);
            LocalDate from = first.isBefore(active) ? active : first;
            LocalDate to = ago == 0 ? today.plusDays(1) : first.plusMonths(1);
            if (!from.isBefore(to)) {
                continue;
            }
            double share = (double) ChronoUnit.DAYS.between(from, to) / first.lengthOfMonth();
            int leads = (int) Math.round(profile.leadsPerMonth() * MONTH_SHAPE[ago] * share * ramp(rep, from.plusDays(7)));
            for (int n = 0; n < leads; n++) {
                // the month's first lead comes in its first ten days, so its quick win closes within the month
                int span = (int) ChronoUnit.DAYS.between(from, to);
                LocalDate day = workday(from.plusDays(random.nextInt(n == 0 ? Math.min(span, 10) : span)));
                day = day.isBefore(from) ? from : day;
                Instant created = day.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(rep.zone()).toInstant();
                if (created.isAfter(now.minus(Duration.ofHours(1)))) {
                    continue;
                }
                // the first lead of a month is the quick win of the month: a small order closed within a few weeks
                journeys.add(n == 0 ? quickWin(rep, random, created, now, names) : newJourney(rep, random, created, now, names));
            }
        }
        return journeys;
    }

    private static LocalDate workday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.minusDays(1) : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(2) : day;
    }

    /** A newer rep works up to full pace over their first weeks. */
    static double ramp(Rep rep, LocalDate day) {
        if (rep.hiredOn() == null) {
            return 1;
        }
        long days = ChronoUnit.DAYS.between(rep.hiredOn(), day);
        return days < 0 ? 0 : Math.min(1, 0.3 + days / 50.0);
    }

    private static Journey bookJourney(Rep rep, Random random, String stage, int i, Instant created, LocalDate start, Instant now,
                                       Set<String> names) {
        Instant windowStart = start.atStartOfDay(ZONE).toInstant();
        Instant high = created.plus(10 + random.nextInt(30), ChronoUnit.DAYS);
        Instant key = null;
        Instant won = null;
        Instant lost = null;
        switch (stage) {
            case "WON" -> {
                key = high.plus(15 + random.nextInt(30), ChronoUnit.DAYS);
                won = min(key.plus(15 + random.nextInt(40), ChronoUnit.DAYS), windowStart.minus(20, ChronoUnit.DAYS));
                key = min(key, won.minus(5, ChronoUnit.DAYS));
                high = min(high, key.minus(5, ChronoUnit.DAYS));
            }
            case "KEY_ACCOUNT" -> {
                // one key account of three is won during the story, one is lost to a competitor
                key = windowStart.minus(10 + random.nextInt(60), ChronoUnit.DAYS);
                high = min(high, key.minus(10, ChronoUnit.DAYS));
                if (i % 3 == 0) {
                    won = later(windowStart.plus(20 + random.nextInt(120), ChronoUnit.DAYS), now);
                } else if (i % 3 == 1) {
                    lost = later(windowStart.plus(30 + random.nextInt(100), ChronoUnit.DAYS), now);
                }
            }
            case "HIGH_INTENT" -> {
                high = min(high, windowStart.minus(5, ChronoUnit.DAYS));
                key = i % 2 == 0 ? later(windowStart.plus(30 + random.nextInt(100), ChronoUnit.DAYS), now) : null;
            }
            case "LOST" -> lost = min(high.plus(20 + random.nextInt(40), ChronoUnit.DAYS), windowStart.minus(3, ChronoUnit.DAYS));
            default -> high = null;
        }
        if (high != null && high.isBefore(created)) {
            high = created.plus(1, ChronoUnit.DAYS);
        }
        String grade = won != null || key != null ? (i % 3 == 2 ? "B" : "A") : i % 2 == 0 ? "B" : "C";
        return journey(rep, random, grade, created, high, key, won, lost, true, names);
    }

    /** A lead opened during the story: how far it gets depends on the rep's conversion; what has not happened by now has not happened. */
    private static Journey newJourney(Rep rep, Random random, Instant created, Instant now, Set<String> names) {
        double conversion = rep.profile().conversion();
        Instant high = null;
        Instant key = null;
        Instant won = null;
        Instant lost = null;
        Instant last = created;
        if (random.nextDouble() < Math.min(0.85, 0.62 * conversion)) {
            high = created.plus(4 + random.nextInt(16), ChronoUnit.DAYS).plus(random.nextInt(6), ChronoUnit.HOURS);
            last = high;
            if (random.nextDouble() < Math.min(0.85, 0.58 * conversion)) {
                key = high.plus(6 + random.nextInt(20), ChronoUnit.DAYS);
                last = key;
                if (random.nextDouble() < Math.min(0.75, 0.45 * conversion)) {
                    won = key.plus(7 + random.nextInt(25), ChronoUnit.DAYS);
                    last = won;
                }
            }
        }
        if (won == null && random.nextDouble() < 0.45) {
            lost = last.plus(10 + random.nextInt(30), ChronoUnit.DAYS);
        }
        String grade = key != null ? "A" : high != null ? (random.nextBoolean() ? "A" : "B") : random.nextInt(3) == 0 ? "B" : "C";
        return journey(rep, random, grade, created, cut(high, now), cut(key, now), cut(won, now), cut(lost, now), false, names);
    }

    private static Journey quickWin(Rep rep, Random random, Instant created, Instant now, Set<String> names) {
        Instant high = created.plus(2 + random.nextInt(3), ChronoUnit.DAYS);
        Instant key = high.plus(3 + random.nextInt(4), ChronoUnit.DAYS);
        Instant won = key.plus(4 + random.nextInt(5), ChronoUnit.DAYS);
        return journey(rep, random, "B", created, cut(high, now), cut(key, now), cut(won, now), null, false, names);
    }

    private static Journey journey(Rep rep, Random random, String grade, Instant created, Instant high, Instant key, Instant won,
                                   Instant lost, boolean book, Set<String> names) {
        int kind;
        String name;
        do {
            // east reps' customers are around Shanghai, south reps' around Guangzhou
            kind = random.nextInt(KINDS.length);
            name = PREFIXES[random.nextInt(PREFIXES.length / 2) + (rep.lat() > 28 ? 0 : PREFIXES.length / 2)] + CORES[random.nextInt(CORES.length)]
                    + KINDS[kind];
        } while (!names.add(name));
        // a stage reached after the loss (cut at now separately) never happened
        if (lost != null) {
            high = high != null && high.isBefore(lost) ? high : null;
            key = key != null && key.isBefore(lost) && high != null ? key : null;
            won = null;
        }
        key = high == null ? null : key;
        won = key == null ? null : won;
        double lat = rep.lat() + (random.nextDouble() - 0.5) * 0.3;
        double lng = rep.lng() + (random.nextDouble() - 0.5) * 0.3;
        return new Journey(Ids.newId(), name, kind, rep, grade, created, high, key, won, lost,
                lost == null ? null : LOST_REASONS[random.nextInt(LOST_REASONS.length)], book, lat, lng);
    }

    private static Instant cut(Instant at, Instant now) {
        return at == null || at.isAfter(now) ? null : at;
    }

    private static Instant later(Instant at, Instant now) {
        return at.isAfter(now.minus(1, ChronoUnit.DAYS)) ? null : at;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The customer row, its contact, stage history and follow-ups. */
    private static void customer(Rows rows, Journey j, Random random, Instant now, LocalDate start) {
        Rep rep = j.rep();
        int kind = j.kind();
        String name = j.name();
        String previous = "INITIAL_INTENT";
        for (Object[] step : new Object[][] { { j.high(), "HIGH_INTENT" }, { j.key(), "KEY_ACCOUNT" }, { j.won(), "WON" }, { j.lost(), "LOST" } }) {
            if (step[0] != null) {
                rows.changes().add(Tuple.from(Arrays.asList(Ids.newId(), j.id(), ((Instant) step[0]).atOffset(ZoneOffset.UTC), rep.id(),
                        "STAGE", previous, step[1], "LOST".equals(step[1]) ? j.lostReason() : null)));
                previous = (String) step[1];
            }
        }
        Instant lastTouch = followUps(rows, j, random, now, start);
        rows.customers().add(Tuple.from(Arrays.asList(j.id(), name, INDUSTRIES[kind], new String[] { "SMALL", "MEDIUM", "LARGE" }[random.nextInt(3)],
                "工业园区 " + (10 + random.nextInt(200)) + " 号", j.lat(), j.lng(), rep.id(), rep.team(), j.grade(), j.stage(), j.lostReason(),
                SOURCES[random.nextInt(SOURCES.length)], new String[] { INDUSTRIES[kind] },
                lastTouch == null ? null : lastTouch.atOffset(ZoneOffset.UTC), j.created().atOffset(ZoneOffset.UTC))));
        rows.contacts().add(Tuple.of(Ids.newId(), j.id(), SURNAMES[random.nextInt(SURNAMES.length)] + new String[] { "经理", "总", "工", "主任" }[random.nextInt(4)],
                TITLES[random.nextInt(TITLES.length)], "139" + String.format("%08d", random.nextInt(100_000_000)),
                new String[] { "DECISION_MAKER", "INFLUENCER", "USER" }[random.nextInt(3)]));
    }

    private static int interval(String stage) {
        return switch (stage) {
            case "KEY_ACCOUNT" -> 5;
            case "HIGH_INTENT" -> 7;
            case "WON" -> 30;
            default -> 14;
        };
    }

    /**
     * The follow-ups of the customer's cadence during the story (done on time, late or missed by the
     * rep's habit, fewer on time in the dip month), and the one pending now; returns the last touch.
     */
    private static Instant followUps(Rows rows, Journey j, Random random, Instant now, LocalDate start) {
        Rep rep = j.rep();
        LocalDate today = now.atZone(rep.zone()).toLocalDate();
        LocalDate day = j.created().atZone(rep.zone()).toLocalDate();
        LocalDate first = start.isAfter(day) ? start.plusDays(random.nextInt(interval(j.stageAt(start.atStartOfDay(ZONE).toInstant())))) : day;
        Instant lastTouch = null;
        day = first;
        while (day.isBefore(today)) {
            Instant dueAt = Cadence.endOfDay(day, rep.zone());
            String stage = j.stageAt(dueAt.minusSeconds(1));
            if (stage == null || stage.equals("LOST")) {
                break;
            }
            double onTime = rep.profile().onTime() * (monthsAgo(day, today) == 3 ? 0.85 : 1.0);
            double draw = random.nextDouble();
            boolean done = draw < onTime + (1 - onTime) * 0.6;
            boolean late = done && draw >= onTime;
            Instant doneAt = late ? dueAt.plus(4 + random.nextInt(40), ChronoUnit.HOURS)
                    : dueAt.minus(2 + random.nextInt(8), ChronoUnit.HOURS);
            if (doneAt.isAfter(now)) {
                break;
            }
            rows.followUps().add(Tuple.from(Arrays.asList(Ids.newId(), j.id(), rep.id(), rep.team(), day, dueAt.atOffset(ZoneOffset.UTC),
                    CHANNELS[random.nextInt(CHANNELS.length)], done ? "DONE" : "MISSED", "CADENCE", done ? doneAt.atOffset(ZoneOffset.UTC) : null,
                    done ? SUMMARIES[random.nextInt(SUMMARIES.length)] : null, done ? FEEDBACK[random.nextInt(FEEDBACK.length)] : null,
                    done ? "再次跟进确认需求" : null)));
            rows.touches().add(new Touch(rep.id(), dueAt, done && !late));
            if (done) {
                lastTouch = doneAt;
            }
            LocalDate from = done ? doneAt.atZone(rep.zone()).toLocalDate() : day;
            day = Cadence.nextDueOn(from, interval(stage));
        }
        if (!j.stage().equals("LOST")) {
            int offset = random.nextInt(10) - 2;
            LocalDate due = offset < 0 ? today.plusDays(offset) : offset < 3 ? today : today.plusDays(offset);
            rows.followUps().add(Tuple.from(Arrays.asList(Ids.newId(), j.id(), rep.id(), rep.team(), due, Cadence.endOfDay(due, rep.zone()).atOffset(ZoneOffset.UTC),
                    CHANNELS[random.nextInt(CHANNELS.length)], "OPEN", "CADENCE", null, null, null, null)));
        }
        return lastTouch;
    }

    static int monthsAgo(LocalDate day, LocalDate today) {
        return (int) ChronoUnit.MONTHS.between(YearMonth.from(day), YearMonth.from(today));
    }

    /**
     * The rep's check-ins, working day by working day: their pace, the organisation's month, their
     * ramp-up and 黄伟's trade fair; each at a customer alive that day (key accounts most often), and
     * a first visit the day a lead is opened.
     */
    private static void visits(Rows rows, Rep rep, List<Journey> mine, Random random, Instant now, LocalDate start, List<Object[]> out) {
        LocalDate today = now.atZone(rep.zone()).toLocalDate();
        LocalDate active = rep.hiredOn() != null && rep.hiredOn().isAfter(start) ? rep.hiredOn() : start;
        Profile profile = rep.profile();
        boolean tradeFair = rep.email().equals("huang.wei@demo.canvass.io");
        for (LocalDate day = active; !day.isAfter(today); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend && random.nextInt(8) != 0) {
                continue;
            }
            double pace = profile.visitsPerWeek() / 5 * MONTH_SHAPE[monthsAgo(day, today)] * ramp(rep, day);
            if (tradeFair && !day.isBefore(today.minusDays(16)) && day.isBefore(today.minusDays(9))) {
                pace *= 0.35;
            }
            int n = Math.max(0, (int) Math.round(pace + random.nextGaussian() * 0.8));
            for (int v = 0; v < n; v++) {
                Instant at = day.atTime(9, 0).plusMinutes(random.nextInt(9 * 60)).atZone(rep.zone()).toInstant();
                Journey j = pick(mine, at, random);
                if (j != null && at.isBefore(now)) {
                    out.add(checkIn(rows, rep, j, at, random, null));
                }
            }
        }
        for (Journey j : mine) {
            Instant first = j.created().plus(40, ChronoUnit.MINUTES);
            if (!j.book() && first.isBefore(now)) {
                out.add(checkIn(rows, rep, j, first, random, "FIRST_VISIT"));
            }
        }
    }

    private static Journey pick(List<Journey> mine, Instant at, Random random) {
        double total = 0;
        double[] weights = new double[mine.size()];
        for (int i = 0; i < mine.size(); i++) {
            String stage = mine.get(i).stageAt(at);
            weights[i] = stage == null ? 0 : switch (stage) {
                case "KEY_ACCOUNT" -> 4;
                case "HIGH_INTENT" -> 3;
                case "WON" -> 1.5;
                case "INITIAL_INTENT" -> 1;
                default -> 0;
            };
            total += weights[i];
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < mine.size(); i++) {
            draw -= weights[i];
            if (weights[i] > 0 && draw <= 0) {
                return mine.get(i);
            }
        }
        return null;
    }

    private static Object[] checkIn(Rows rows, Rep rep, Journey j, Instant at, Random random, String purpose) {
        boolean verified = random.nextDouble() < rep.profile().verified();
        String reason = verified ? null : new String[] { "TOO_FAR", "TOO_FAR", "POOR_ACCURACY", "STALE_FIX" }[random.nextInt(4)];
        double distance = verified ? 15 + random.nextInt(240) : "TOO_FAR".equals(reason) ? 450 + random.nextInt(2500) : 40 + random.nextInt(200);
        double accuracy = "POOR_ACCURACY".equals(reason) ? 150 + random.nextInt(300) : 5 + random.nextInt(40);
        int fixAge = "STALE_FIX".equals(reason) ? 300 + random.nextInt(900) : random.nextInt(40);
        String stage = j.stageAt(at);
        String why = purpose != null ? purpose : switch (stage) {
            case "KEY_ACCOUNT" -> "NEGOTIATION";
            case "HIGH_INTENT" -> random.nextBoolean() ? "DEMO" : "FOLLOW_UP";
            case "WON" -> new String[] { "SERVICE", "DELIVERY", "COLLECTION" }[random.nextInt(3)];
            default -> "FOLLOW_UP";
        };
        double offset = distance / 111_000.0;
        rows.visits().add(new Visit(rep.id(), at, verified));
        Tuple row = Tuple.from(Arrays.asList(Ids.newId(), rep.id(), rep.team(), j.id(), at.atOffset(ZoneOffset.UTC),
                at.plusSeconds(3 + random.nextInt(60)).atOffset(ZoneOffset.UTC), j.lat() + offset, j.lng(), accuracy, fixAge, distance,
                verified ? "VERIFIED" : "UNVERIFIED", reason, why, SUMMARIES[random.nextInt(SUMMARIES.length)],
                FEEDBACK[random.nextInt(FEEDBACK.length)], io.vertx.core.buffer.Buffer.buffer(new byte[] { 0 })));
        return new Object[] { at, row };
    }
}
