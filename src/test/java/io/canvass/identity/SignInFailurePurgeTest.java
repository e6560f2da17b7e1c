package io.canvass.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Remembered failures are deleted once they hold nothing: past their window and their pause. */
@QuarkusTest
class SignInFailurePurgeTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    LoginThrottle throttle;

    @Inject
    Pool pool;

    @Test
    void theHourlyPurgeDeletesOnlyWhatHasExpired() {
        String subject = "account:purge-" + UUID.randomUUID() + "@example.com";
        insert(subject, "198.51.100.1", "now() - interval '1 minute'", "null");
        insert(subject, "198.51.100.2", "now() + interval '10 minutes'", "null");
        insert(subject, LoginThrottle.ALL_ADDRESSES, "now() + interval '5 minutes'", "now() + interval '5 minutes'");

        throttle.purge().await().atMost(WAIT);

        List<String> left = pool.preparedQuery("select address from sign_in_failure where subject = $1 order by address")
                .execute(Tuple.of(subject)).await().atMost(WAIT)
                .stream().map(row -> row.getString("address")).toList();
        assertEquals(List.of("*", "198.51.100.2"), left);
    }

    private void insert(String subject, String address, String expiresAt, String blockedUntil) {
        pool.preparedQuery("insert into sign_in_failure (subject, address, failures, first_failure, last_failure, blocked_until, expires_at) "
                + "values ($1, $2, 3, now() - interval '20 minutes', now() - interval '16 minutes', " + blockedUntil + ", " + expiresAt + ")")
                .execute(Tuple.of(subject, address)).await().atMost(WAIT);
    }
}
