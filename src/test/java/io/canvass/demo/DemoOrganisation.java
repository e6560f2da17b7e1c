package io.canvass.demo;

import io.canvass.testing.Api;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.UUID;

/**
 * The demo organisation in the test database, seeded once (as dev mode seeds it into an empty
 * database), and its people signed in through the API with the demo password.
 */
final class DemoOrganisation {

    static final String PASSWORD = "canvass-demo";

    private DemoOrganisation() {
    }

    static synchronized void seeded(Pool pool, DemoData demo) {
        long present = pool.query("select count(*) from app_user where email = 'director@demo.canvass.io'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        if (present == 0) {
            String hash = BcryptUtil.bcryptHash(PASSWORD, 4);
            pool.withTransaction(tx -> demo.seed(tx, hash)).await().atMost(Duration.ofSeconds(120));
        }
    }

    /** A demo person signed in: their id, team and token. */
    static Api.TestUser signIn(String email) {
        String token = Api.login(email, PASSWORD).get("accessToken").toString();
        var me = Api.as(token).get("/api/v1/me").then().statusCode(200).extract().jsonPath();
        String team = me.getString("teamId");
        return new Api.TestUser(UUID.fromString(me.getString("id")), email, PASSWORD, me.getString("role"), team == null ? null : UUID.fromString(team),
                token);
    }
}
