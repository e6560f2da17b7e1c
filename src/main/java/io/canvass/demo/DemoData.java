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
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A realistic demo organisation for an empty database: a director, two regional teams with a
 * manager each and eight reps, in Chinese and English, and 200 customers with follow-up
 * histories, deals in every stage, and contracts ending across the next 90 days with collection
 * plans (some instalments overdue), and a month of expense claims with a finance approver. Enabled in dev mode.
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
        String hash = BcryptUtil.bcryptHash(config.password(), 8);
        boolean seeded = VertxContextSupport.subscribeAndAwait(() -> pool.query("select count(*) from team").execute()
                .map(rows -> rows.iterator().next().getLong(0) == 0)
                .chain(empty -> empty ? pool.withTransaction(tx -> seed(tx, hash)).replaceWith(true) : Uni.createFrom().item(false)));
        if (seeded) {
            LOG.info("Created the demo organisation");
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
        java.util.Map<String, DemoCoaching.User> byEmail = new java.util.HashMap<>();
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
                reps.add(new DemoCustomers.Rep(id, team, ZoneId.of(p.zone()), p.team() == 0 ? 31.23 : 23.13, p.team() == 0 ? 121.47 : 113.26));
            }
        }
        DemoCustomers.Rows customers = DemoCustomers.generate(reps, Instant.now());
        DemoMoney.Rows money = DemoMoney.generate(customers.customers(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        DemoCoaching.Rows coaching = DemoCoaching.generate(byEmail, regions, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        return tx.preparedQuery(INSERT_TEAM).executeBatch(teams)
                .chain(() -> tx.preparedQuery(INSERT_USER).executeBatch(users))
                .chain(() -> tx.preparedQuery(INSERT_MANAGER).executeBatch(managers))
                .chain(() -> tx.preparedQuery(DemoCustomers.INSERT_CUSTOMER).executeBatch(customers.customers()))
                .chain(() -> tx.preparedQuery(DemoCustomers.INSERT_CONTACT).executeBatch(customers.contacts()))
                .chain(() -> tx.preparedQuery(DemoCustomers.INSERT_FOLLOW_UP).executeBatch(customers.followUps()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_DEAL).executeBatch(money.deals()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_STAGE).executeBatch(money.stages()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_CONTRACT).executeBatch(money.contracts()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_EVENT).executeBatch(money.events()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_INSTALMENT).executeBatch(money.instalments()))
                .chain(() -> tx.preparedQuery(DemoMoney.INSERT_PAYMENT).executeBatch(money.payments()))
                .chain(() -> tx.preparedQuery(DemoCoaching.INSERT_TARGET).executeBatch(coaching.targets()))
                .chain(() -> tx.preparedQuery(DemoCoaching.INSERT_PLAN).executeBatch(coaching.plans()))
                .chain(() -> tx.preparedQuery(DemoCoaching.INSERT_TASK).executeBatch(coaching.tasks()))
                .chain(() -> tx.preparedQuery(DemoCoaching.INSERT_PROPOSAL).executeBatch(coaching.proposals()))
                .chain(() -> tx.preparedQuery(DemoCoaching.INSERT_REPORT).executeBatch(coaching.reports()))
                .chain(() -> incentives.seed(tx, org, byEmail.get("director@demo.canvass.io").id(), LocalDate.now(ZoneId.of("Asia/Shanghai"))))
                .chain(() -> DemoExpenses.seed(tx, byEmail, regions, org, hash, LocalDate.now(ZoneId.of("Asia/Shanghai"))))
                .replaceWithVoid();
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
