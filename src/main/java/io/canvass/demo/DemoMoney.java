package io.canvass.demo;

import io.canvass.platform.Ids;
import io.canvass.platform.Money;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The money side of the demo's story: a deal for every customer that reached high intent, moving
 * through the deal stages as the customer moved (won with the customer, lost with it, still open
 * for the leads being worked); a contract for every deal won, and for the older book a contract each
 * ending across the next year (a dozen within 90 days, two just ended, two already renewed, two being
 * evaluated); each with its collection plan, paid mostly on time, some late, and some overdue now
 * (1–30, 31–90 and 91–{@value #OLDEST_OVERDUE_DAYS} days): nothing older is left unpaid.
 */
final class DemoMoney {

    static final Bulk DEALS = new Bulk("deal", """
            id uuid, customer_id uuid, name text, amount numeric, currency text, product_line text, stage text, lost_reason text,
            expected_close_on date, closed_at timestamptz, created_by uuid, created_at timestamptz""");
    static final Bulk STAGES = new Bulk("deal_stage_change",
            "id uuid, deal_id uuid, at timestamptz, actor_id uuid, from_stage text, to_stage text, reason text");
    static final Bulk CONTRACTS = new Bulk("contract", """
            id uuid, customer_id uuid, deal_id uuid, number text, value numeric, currency text, product_lines varchar[], starts_on date,
            ends_on date, renewal_state text, predecessor_id uuid, evaluation_opened_on date, renewal_acted_at timestamptz, created_by uuid,
            created_at timestamptz, status text""");
    static final String RENEW = """
            update contract set renewal_state = 'RENEWED', successor_id = $2, renewal_decided_at = $3, renewal_acted_at = $3,
                                evaluation_opened_on = $4
            where id = $1""";
    static final Bulk EVENTS = new Bulk("contract_event", "id uuid, contract_id uuid, at timestamptz, actor_id uuid, kind text, detail text");
    static final Bulk INSTALMENTS = new Bulk("instalment",
            "id uuid, contract_id uuid, position int4, due_on date, amount numeric, currency text, collected numeric, paid_on date");
    static final Bulk PAYMENTS = new Bulk("payment", """
            id uuid, instalment_id uuid, contract_id uuid, amount numeric, currency text, received_on date, reference text, recorded_by uuid,
            recorded_at timestamptz""");

    /** The oldest an unpaid instalment gets in the story: older ones were all collected, late or not. */
    static final int OLDEST_OVERDUE_DAYS = 120;

    static final String[] LINES = { "自动化设备", "工业软件", "备件服务", "检测仪器", "维保合同" };
    static final String[] DEAL_NAMES = { "产线改造", "设备更新", "年度维保", "二期扩产", "数字化升级", "备件框架协议" };

    /** Days from today to the end of each contract of the older book, in turn: two just ended, a dozen within 90 days, the rest later. */
    static final int[] BOOK_ENDS = { -4, 3, 9, 16, 24, 33, 41, -2, 52, 63, 71, 80, 88 };

    record Rows(List<Tuple> deals, List<Tuple> stages, List<Tuple> contracts, List<Tuple> renewals, List<Tuple> events,
                List<Tuple> instalments, List<Tuple> payments) {
    }

    /** An instalment being planned; its fate decided before it becomes rows. */
    private static final class Plan {
        final UUID id = Ids.newId();
        UUID contract;
        UUID rep;
        int position;
        LocalDate dueOn;
        BigDecimal amount;
        String currency;
        BigDecimal collected;
        LocalDate paidOn;
        LocalDate partOn;

        boolean overdue(LocalDate today) {
            return paidOn == null && dueOn.isBefore(today);
        }
    }

    private DemoMoney() {
    }

    static Rows generate(List<DemoCustomers.Journey> journeys, Instant now) {
        Random random = new Random(20261124);
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        LocalDate today = now.atZone(DemoCustomers.ZONE).toLocalDate();
        List<Plan> plans = new ArrayList<>();
        Map<UUID, Integer> bookIndex = bookOrder(journeys);
        int number = 100;
        for (DemoCustomers.Journey j : journeys) {
            if (j.high() == null) {
                continue;
            }
            boolean hkd = j.rep().zone().getId().equals("Asia/Hong_Kong") && random.nextInt(5) < 2;
            String currency = hkd ? "HKD" : "CNY";
            BigDecimal amount = BigDecimal.valueOf(j.grade().equals("A") ? 180_000 + random.nextInt(720) * 1000L
                    : j.book() ? 60_000 + random.nextInt(240) * 1000L : 30_000 + random.nextInt(90) * 1000L).setScale(2);
            String line = LINES[random.nextInt(LINES.length)];
            UUID deal = deal(rows, j, amount, currency, line, random, now, today);
            if (j.won() == null) {
                continue;
            }
            if (j.book()) {
                int book = bookIndex.get(j.id());
                int end = book < BOOK_ENDS.length ? BOOK_ENDS[book] : 100 + (book - BOOK_ENDS.length) * 9;
                contract(rows, plans, j, null, amount.multiply(BigDecimal.valueOf(2)), currency, line, today.plusDays(end).minusYears(1).plusDays(1),
                        number++, random, now, book);
            } else {
                LocalDate wonOn = j.won().atZone(DemoCustomers.ZONE).toLocalDate();
                contract(rows, plans, j, deal, amount, currency, line, wonOn.plusDays(3 + random.nextInt(12)), number++, random, now, -1);
            }
        }
        collections(plans, random, today);
        for (Plan p : plans) {
            rows.instalments().add(Tuple.from(Arrays.asList(p.id, p.contract, p.position, p.dueOn, p.amount, p.currency, p.collected, p.paidOn)));
            if (p.collected.signum() > 0) {
                LocalDate on = p.paidOn != null ? p.paidOn : p.partOn;
                rows.payments().add(Tuple.from(Arrays.asList(Ids.newId(), p.id, p.contract, p.collected, p.currency, on,
                        "回单 " + (10000 + random.nextInt(89999)), p.rep, on.atTime(15, 0).atZone(DemoCustomers.ZONE).toOffsetDateTime())));
                rows.events().add(Tuple.from(Arrays.asList(Ids.newId(), p.contract, on.atTime(15, 0).atZone(DemoCustomers.ZONE).toOffsetDateTime(),
                        p.rep, "PAYMENT", p.collected.toPlainString() + " " + p.currency + " · 第 " + p.position + " 期")));
            }
        }
        return rows;
    }

    /** The older book's won customers taken rep by rep in turn, so every rep has renewals coming: their places in {@link #BOOK_ENDS}. */
    private static Map<UUID, Integer> bookOrder(List<DemoCustomers.Journey> journeys) {
        Map<UUID, Integer> reps = new LinkedHashMap<>();
        Map<UUID, Integer> seen = new HashMap<>();
        List<long[]> keys = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (DemoCustomers.Journey j : journeys) {
            if (j.book() && j.won() != null) {
                int rep = reps.computeIfAbsent(j.rep().id(), r -> reps.size());
                int nth = seen.merge(j.rep().id(), 1, Integer::sum) - 1;
                keys.add(new long[] { nth * 100L + rep, ids.size() });
                ids.add(j.id());
            }
        }
        keys.sort(Comparator.comparingLong(k -> k[0]));
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            order.put(ids.get((int) keys.get(i)[1]), i);
        }
        return order;
    }

    /** The customer's deal, moving with the customer; its id. */
    private static UUID deal(Rows rows, DemoCustomers.Journey j, BigDecimal amount, String currency, String line, Random random, Instant now,
                             LocalDate today) {
        UUID id = Ids.newId();
        UUID rep = j.rep().id();
        Instant created = earliest(j.high().plus(1 + random.nextInt(2), ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS));
        created = created.isBefore(j.high()) ? j.high() : created;
        Instant analysis = j.key() != null ? created.plus(Math.max(1, ChronoUnit.HOURS.between(created, j.key()) / 2), ChronoUnit.HOURS)
                : created.plus(5 + random.nextInt(8), ChronoUnit.DAYS);
        Instant proposal = j.key() != null && j.key().isAfter(analysis) ? j.key().plus(2, ChronoUnit.HOURS) : null;
        // a third of the deals still open wait on their proposal, so the pipeline has some at that stage on any day
        boolean waitsOnProposal = j.won() == null && j.lost() == null && Math.floorMod(j.id().hashCode(), 3) == 0;
        Instant negotiation = proposal == null || waitsOnProposal ? null : j.won() != null
                ? proposal.plus(Math.max(1, ChronoUnit.HOURS.between(proposal, j.won()) / 2), ChronoUnit.HOURS)
                : proposal.plus(5 + random.nextInt(10), ChronoUnit.DAYS);
        Instant closed = j.won() != null ? j.won() : j.lost() != null && j.lost().isAfter(created) ? j.lost() : null;
        String stage = "QUALIFICATION";
        rows.stages().add(Tuple.from(Arrays.asList(Ids.newId(), id, created.atOffset(ZoneOffset.UTC), rep, null, stage, null)));
        for (Object[] move : new Object[][] { { analysis, "NEEDS_ANALYSIS" }, { proposal, "PROPOSAL" }, { negotiation, "NEGOTIATION" } }) {
            Instant at = (Instant) move[0];
            if (at != null && !at.isAfter(now) && (closed == null || at.isBefore(closed))) {
                rows.stages().add(Tuple.from(Arrays.asList(Ids.newId(), id, at.atOffset(ZoneOffset.UTC), rep, stage, move[1], null)));
                stage = (String) move[1];
            }
        }
        String lostReason = null;
        if (closed != null) {
            String outcome = j.won() != null ? "WON" : "LOST";
            lostReason = outcome.equals("LOST") ? j.lostReason() : null;
            rows.stages().add(Tuple.from(Arrays.asList(Ids.newId(), id, closed.atOffset(ZoneOffset.UTC), rep, stage, outcome, lostReason)));
            stage = outcome;
        }
        LocalDate expected = closed != null ? closed.atZone(DemoCustomers.ZONE).toLocalDate() : today.plusDays(7 + random.nextInt(80));
        rows.deals().add(Tuple.from(Arrays.asList(id, j.id(), DEAL_NAMES[random.nextInt(DEAL_NAMES.length)], amount, currency, line, stage,
                lostReason, expected, closed == null ? null : closed.atOffset(ZoneOffset.UTC), rep, created.atOffset(ZoneOffset.UTC))));
        return id;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * A one-year contract from {@code startsOn} with its plan (quarterly for larger contracts, two
     * instalments for small ones, the first due 15 days after the start); for the older book
     * ({@code book} ≥ 0) the renewal story of its place in {@link #BOOK_ENDS}.
     */
    private static void contract(Rows rows, List<Plan> plans, DemoCustomers.Journey j, UUID deal, BigDecimal value, String code, String line,
                                 LocalDate startsOn, int n, Random random, Instant now, int book) {
        UUID id = Ids.newId();
        UUID rep = j.rep().id();
        LocalDate today = now.atZone(DemoCustomers.ZONE).toLocalDate();
        LocalDate endsOn = startsOn.plusYears(1).minusDays(1);
        Instant created = earliest(startsOn.minusDays(deal == null ? 10 : 2).atTime(11, 0).atZone(DemoCustomers.ZONE).toInstant(), now);
        created = deal != null && created.isBefore(j.won()) ? j.won().plus(1, ChronoUnit.HOURS) : created;
        created = created.isAfter(now) ? now : created;
        // two of the renewals within 90 days are being evaluated and have notes; the scan opens the rest
        boolean evaluating = book == 2 || book == 5;
        LocalDate opened = evaluating ? max(endsOn.minusDays(90), startsOn) : null;
        Instant acted = evaluating ? now.minus(2 + book, ChronoUnit.DAYS) : null;
        String number = String.format("HT-%d-%04d", startsOn.getYear(), n);
        rows.contracts().add(Tuple.from(Arrays.asList(id, j.id(), deal, number, value, code, new String[] { line }, startsOn, endsOn,
                evaluating ? "IN_EVALUATION" : "UPCOMING", null, opened, acted == null ? null : acted.atOffset(ZoneOffset.UTC), rep,
                created.atOffset(ZoneOffset.UTC), "ACTIVE")));
        rows.events().add(Tuple.from(Arrays.asList(Ids.newId(), id, created.atOffset(ZoneOffset.UTC), rep, "CREATED", number)));
        if (evaluating) {
            rows.events().add(Tuple.from(Arrays.asList(Ids.newId(), id, opened.atTime(9, 0).atZone(DemoCustomers.ZONE).toOffsetDateTime(), null,
                    "EVALUATION_OPENED", "90")));
            rows.events().add(Tuple.from(Arrays.asList(Ids.newId(), id, acted.atOffset(ZoneOffset.UTC), rep, "RENEWAL_NOTE",
                    book == 2 ? "客户倾向续约，要求增加一次年度巡检，报价审批中" : "采购换了负责人，下周拜访新采购经理确认预算")));
        }
        plan(plans, id, rep, value, code, startsOn, value.compareTo(BigDecimal.valueOf(200_000)) >= 0 ? 4 : 2);
        // two renewals within 90 days already signed: the successor starts the day after
        if (book == 9 || book == 11) {
            UUID next = Ids.newId();
            Instant decided = now.minus(3 + book, ChronoUnit.DAYS);
            BigDecimal renewed = value.multiply(new BigDecimal("1.05")).setScale(0, Money.ROUNDING).setScale(2);
            String successor = String.format("HT-%d-R%04d", endsOn.getYear(), n);
            rows.contracts().add(Tuple.from(Arrays.asList(next, j.id(), null, successor, renewed, code, new String[] { line }, endsOn.plusDays(1),
                    endsOn.plusYears(1), "UPCOMING", id, null, null, rep, decided.atOffset(ZoneOffset.UTC), "ACTIVE")));
            rows.events().add(Tuple.from(Arrays.asList(Ids.newId(), next, decided.atOffset(ZoneOffset.UTC), rep, "CREATED", "renewal of " + number)));
            rows.events().add(Tuple.from(Arrays.asList(Ids.newId(), id, decided.atOffset(ZoneOffset.UTC), rep, "RENEWED", successor)));
            rows.renewals().add(Tuple.of(id, next, decided.atOffset(ZoneOffset.UTC), max(endsOn.minusDays(90), today.minusDays(30))));
            plan(plans, next, rep, renewed, code, endsOn.plusDays(1), 4);
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static void plan(List<Plan> plans, UUID contract, UUID rep, BigDecimal value, String code, LocalDate startsOn, int count) {
        Currency currency = Currency.getInstance(code);
        List<BigDecimal> parts = Money.split(value, count, currency);
        for (int p = 0; p < parts.size(); p++) {
            Plan plan = new Plan();
            plan.contract = contract;
            plan.rep = rep;
            plan.position = p + 1;
            plan.dueOn = startsOn.plusDays(15).plusMonths((12L / count) * p);
            plan.amount = parts.get(p);
            plan.currency = code;
            plan.collected = BigDecimal.ZERO.setScale(2);
            plans.add(plan);
        }
    }

    /**
     * Who paid: instalments due long ago were all collected (a quarter of them late); of those due in the
     * last {@value #OLDEST_OVERDUE_DAYS} days most came in on time, some late, some are still open (a few
     * of them paid in part). Every overdue band has at least one.
     */
    private static void collections(List<Plan> plans, Random random, LocalDate today) {
        for (Plan p : plans) {
            if (!p.dueOn.isBefore(today)) {
                continue;
            }
            long age = ChronoUnit.DAYS.between(p.dueOn, today);
            double fate = random.nextDouble();
            if (age > OLDEST_OVERDUE_DAYS || fate < 0.7) {
                pay(p, fate < 0.75 || age <= OLDEST_OVERDUE_DAYS ? p.dueOn.minusDays(random.nextInt(6)) : p.dueOn.plusDays(5 + random.nextInt(30)), today);
            } else if (fate < 0.9) {
                LocalDate late = p.dueOn.plusDays(3 + random.nextInt(28));
                if (late.isBefore(today)) {
                    pay(p, late, today);
                }
            } else if (fate < 0.95) {
                part(p, random, today);
            }
        }
        int[][] bands = { { 1, 30 }, { 31, 90 }, { 91, OLDEST_OVERDUE_DAYS } };
        for (int[] band : bands) {
            boolean present = plans.stream().anyMatch(p -> p.overdue(today) && inBand(p, band, today));
            if (!present) {
                plans.stream().filter(p -> p.paidOn != null && inBand(p, band, today)).findFirst().ifPresent(p -> {
                    p.paidOn = null;
                    p.collected = BigDecimal.ZERO.setScale(2);
                });
            }
        }
    }

    private static boolean inBand(Plan p, int[] band, LocalDate today) {
        long age = ChronoUnit.DAYS.between(p.dueOn, today);
        return age >= band[0] && age <= band[1];
    }

    private static void pay(Plan p, LocalDate on, LocalDate today) {
        p.paidOn = on.isAfter(today.minusDays(1)) ? today.minusDays(1) : on;
        p.collected = p.amount;
    }

    private static void part(Plan p, Random random, LocalDate today) {
        LocalDate on = p.dueOn.plusDays(2 + random.nextInt(8));
        if (on.isBefore(today)) {
            p.collected = p.amount.divide(BigDecimal.valueOf(2), 2, Money.ROUNDING);
            p.partOn = on;
        }
    }
}
