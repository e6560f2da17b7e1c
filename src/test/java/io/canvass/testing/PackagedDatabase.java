package io.canvass.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * The database and production settings for @QuarkusIntegrationTest: the packaged app runs in the
 * prod profile without the embedded PostgreSQL extension, so it gets a throwaway server and the
 * same keys and first admin the @QuarkusTest suite uses.
 */
public class PackagedDatabase implements QuarkusTestResourceLifecycleManager {

    private ThrowawayPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = ThrowawayPostgres.start().createDatabase("canvass");
        return Map.ofEntries(
                Map.entry("quarkus.datasource.reactive.url", postgres.reactiveUrl("canvass")),
                Map.entry("quarkus.datasource.jdbc.url", postgres.jdbcUrl("canvass")),
                Map.entry("quarkus.datasource.username", ThrowawayPostgres.USER),
                Map.entry("quarkus.datasource.password", ThrowawayPostgres.PASSWORD),
                Map.entry("smallrye.jwt.sign.key.location", key("dev-only-private.pem")),
                Map.entry("mp.jwt.verify.publickey.location", key("dev-only-public.pem")),
                Map.entry("canvass.auth.bootstrap.admin-email", Api.ADMIN_EMAIL),
                Map.entry("canvass.auth.bootstrap.admin-password", Api.ADMIN_PASSWORD),
                Map.entry("canvass.auth.bcrypt-cost", "4"),
                Map.entry("canvass.follow-ups.sweep-delay", "1h"),
                // push needs a VAPID pair in production; these tests leave it off
                Map.entry("canvass.push.enabled", "false"),
                Map.entry("canvass.webhooks.secret-key", WEBHOOK_KEY),
                // the tests sign in and write far more often than a person from one address
                Map.entry("canvass.rate-limits.auth.limit", "100000"),
                Map.entry("canvass.rate-limits.writes.limit", "100000"),
                Map.entry("canvass.rate-limits.reads.limit", "100000"),
                // as behind the ingress (k8s/base/configmap.yaml): tests play clients at several addresses
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.0/8,::1"),
                // health, metrics and the OpenAPI document where the tests look for them (Management)
                Map.entry("quarkus.management.port", Integer.toString(Management.port())));
    }

    /** The published dev-only key that encrypts webhook secrets (as in the dev and test profiles). */
    public static final String WEBHOOK_KEY = "ZGV2LW9ubHktd2ViaG9vay1zZWNyZXQta2V5LTMyYiE=";

    static String key(String name) {
        return Path.of("src/test/resources/jwt", name).toAbsolutePath().toString();
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
