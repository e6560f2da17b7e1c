package io.canvass.demo;

import io.canvass.identity.AdminBootstrap;
import io.canvass.platform.Ids;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A realistic demo organisation for an empty database: a director, two regional teams with a
 * manager each and eight reps, in Chinese and English, and six months of their work up to the day
 * it is seeded (see src/docs/demo.md): customers moving through the stages, check-ins and follow-ups
 * every working day, deals won and lost, contracts with collection plans (some instalments overdue
 * now), renewals coming, targets, commission and expense claims with a finance approver. Enabled in dev mode.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    static final String INSERT_TEAM = "insert into team (id, parent_id, name, kind) values ($1, $2, $3, 'REGION')";
    static final String INSERT_USER = """
            insert into app_user (id, email, display_name, password_hash, role, team_id, time_zone, locale, phone, hired_on)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
    static final String INSERT_MANAGER = "insert into team_manager (team_id, user_id) values ($1, $2)";

    /** A demo person. */
    record Person(String email, String name, String role, int team, String locale, String zone, LocalDate hiredOn) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("director@demo.canvass.io", "赵建国", "DIRECTOR", -1, "zh-CN", "Asia/Shanghai", LocalDate.of(2019, 3, 1)),
            new Person("manager.east@demo.canvass.io", "陈静", "MANAGER", 0, "zh-CN", "Asia/Shanghai", LocalDate.of(2020, 6, 15)),
            new Person("manager.south@demo.canvass.io", "Daniel Wong", "MANAGER", 1, "en", "Asia/Hong_Kong", LocalDate.of(2021, 1, 4)),
            new Person("li.na@demo.canvass.io", "李娜", "REP", 0, "zh-CN", "Asia/Shanghai", LocalDate.of(2023, 2, 20)),
            new Person("wang.lei@demo.canvass.io", "王磊", "REP", 0, "zh-CN", "Asia/Shanghai", LocalDate.of(2022, 9, 1)),
            new Person("zhang.min@demo.canvass.io", "张敏", "REP", 0, "zh-CN", "Asia/Shanghai", LocalDate.now().minusDays(20)),
            new Person("emma.liu@demo.canvass.io", "Emma Liu", "REP", 0, "en", "Asia/Shanghai", LocalDate.of(2024, 5, 6)),
            new Person("huang.wei@demo.canvass.io", "黄伟", "REP", 1, "zh-CN", "Asia/Shanghai", LocalDate.of(2021, 11, 8)),
            new Person("zhou.ting@demo.canvass.io", "周婷", "REP", 1, "zh-CN", "Asia/Shanghai", LocalDate.of(2023, 7, 17)),
            new Person("james.chan@demo.canvass.io", "James Chan", "REP", 1, "en", "Asia/Hong_Kong", LocalDate.of(2022, 4, 11)),
            new Person("sophie.lin@demo.canvass.io", "Sophie Lin", "REP", 1, "en", "Asia/Hong_Kong", LocalDate.now().minusDays(45)));

    @Inject
    DemoConfig config;

    @Inject
    Pool pool;

    @Inject
    DemoIncentives incentives;

    void onStart(@Observes @Priority(AdminBootstrap.PRIORITY + 10) StartupEvent event) throws Throwable {
        if (!config.enabled()) {
            return;
        }
        long started = System.nanoTime();
        String hash = BcryptUtil.bcryptHash(config.password(), 8);
        boolean seeded = VertxContextSupport.subscribeAndAwait(() -> pool.query("select count(*) from team").execute()
                .map(rows -> rows.iterator().next().getLong(0) == 0)
                .chain(empty -> empty ? pool.withTransaction(tx -> seed(tx, hash)).replaceWith(true) : Uni.createFrom().item(false)));
        if (seeded) {
            LOG.infof("Created the demo organisation (six months of history) in %d ms", (System.nanoTime() - started) / 1_000_000);
        }
        printLogins();
    }

    Uni<Void> seed(SqlClient tx, String hash) {
        UUID org = Ids.newId();
        List<UUID> regions = List.of(Ids.newId(), Ids.newId());
        List<Tuple> teams = List.of(
                Tuple.of(org, null, "全国销售部"),
                Tuple.of(regions.get(0), org, "华东大区"),
                Tuple.of(regions.get(1), org, "华南大区"));
        List<Tuple> users = new ArrayList<>();
        List<Tuple> managers = new ArrayList<>();
        List<DemoCustomers.Rep> reps = new ArrayList<>();
        Map<String, DemoCoaching.User> byEmail = new HashMap<>();
        for (Person p : PEOPLE) {
            UUID id = Ids.newId();
            UUID team = p.team() < 0 ? org : regions.get(p.team());
            byEmail.put(p.email(), new DemoCoaching.User(id, p.email(), team));
            users.add(Tuple.from(List.of(id, p.email(), p.name(), hash, p.role(), team, p.zone(), p.locale(), "138" + String.format("%08d", users.size() * 7919), p.hiredOn())));
            if (p.role().equals("MANAGER")) {
                managers.add(Tuple.of(team, id));
            }
            if (p.role().equals("REP")) {
                // East reps work around Shanghai, south reps around Guangzhou.
                reps.add(new DemoCustomers.Rep(id, team, ZoneId.of(p.zone()), p.team() == 0 ? 31.23 : 23.13, p.team() == 0 ? 121.47 : 113.26,
                        p.email(), p.hiredOn()));
            }
        }
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, DemoCustomers.ZONE);
        DemoCustomers.Rows story = DemoCustomers.generate(reps, now);
        DemoMoney.Rows money = DemoMoney.generate(story.journeys(), now);
        DemoCoaching.Rows coaching = DemoCoaching.generate(byEmail, regions, today, story, reps);
        return tx.preparedQuery(INSERT_TEAM).executeBatch(teams)
                .chain(() -> tx.preparedQuery(INSERT_USER).executeBatch(users))
                .chain(() -> tx.preparedQuery(INSERT_MANAGER).executeBatch(managers))
                .chain(() -> DemoCustomers.CUSTOMERS.insert(tx, story.customers()))
                .chain(() -> DemoCustomers.CONTACTS.insert(tx, story.contacts()))
                .chain(() -> DemoCustomers.CHANGES.insert(tx, story.changes()))
                .chain(() -> DemoCustomers.FOLLOW_UPS.insert(tx, story.followUps()))
                .chain(() -> DemoCustomers.CHECK_INS.insert(tx, story.checkIns()))
                .chain(() -> insert(tx, money))
                .chain(() -> batch(tx, DemoCoaching.INSERT_TARGET, coaching.targets()))
                .chain(() -> batch(tx, DemoCoaching.INSERT_PLAN, coaching.plans()))
                .chain(() -> batch(tx, DemoCoaching.INSERT_TASK, coaching.tasks()))
                .chain(() -> batch(tx, DemoCoaching.INSERT_PROPOSAL, coaching.proposals()))
                .chain(() -> batch(tx, DemoCoaching.INSERT_REPORT, coaching.reports()))
                .chain(() -> incentives.seed(tx, org, byEmail.get("director@demo.canvass.io").id(), today))
                .chain(() -> DemoExpenses.seed(tx, byEmail, regions, org, hash, today))
                .replaceWithVoid();
    }

    /** The money rows, in the order their references need. */
    static Uni<Void> insert(SqlClient tx, DemoMoney.Rows money) {
        return DemoMoney.DEALS.insert(tx, money.deals())
                .chain(() -> DemoMoney.STAGES.insert(tx, money.stages()))
                .chain(() -> DemoMoney.CONTRACTS.insert(tx, money.contracts()))
                .chain(() -> batch(tx, DemoMoney.RENEW, money.renewals()))
                .chain(() -> DemoMoney.EVENTS.insert(tx, money.events()))
                .chain(() -> DemoMoney.INSTALMENTS.insert(tx, money.instalments()))
                .chain(() -> DemoMoney.PAYMENTS.insert(tx, money.payments()));
    }

    static Uni<Void> batch(SqlClient tx, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    private void printLogins() {
        StringBuilder text = new StringBuilder("\n\nDemo logins (password for all: ").append(config.password()).append(")\n");
        for (Person p : PEOPLE) {
            text.append(String.format("  %-9s %-32s %s%n", p.role(), p.email(), p.name()));
        }
        text.append(String.format("  %-9s %-32s %s%n", "FINANCE", DemoExpenses.FINANCE_EMAIL, DemoExpenses.FINANCE_NAME));
        LOG.info(text);
    }
}
