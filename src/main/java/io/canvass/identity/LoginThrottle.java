package io.canvass.identity;

import io.canvass.platform.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Slows down guessing: after a number of failed sign-ins for one account (existing or not, so
 * nothing is revealed) sign-in for it pauses, doubling with each further failure. Kept in
 * PostgreSQL so every replica sees the same count.
 */
@ApplicationScoped
public class LoginThrottle {

    static final String BLOCKED_UNTIL = "select blocked_until from login_throttle where subject = $1 and blocked_until > now()";

    static final String RECORD_FAILURE = """
            insert into login_throttle as t (subject, failures, first_failure) values ($1, 1, now())
            on conflict (subject) do update set
                failures = case when t.first_failure < now() - make_interval(secs => $2) then 1 else t.failures + 1 end,
                first_failure = case when t.first_failure < now() - make_interval(secs => $2) then now() else t.first_failure end
            returning failures""";

    static final String BLOCK = "update login_throttle set blocked_until = now() + make_interval(secs => $2) where subject = $1";

    static final String CLEAR = "delete from login_throttle where subject = $1";

    @Inject
    Pool pool;

    @Inject
    AuthConfig config;

    /** Fails with 429 while the subject is paused. */
    public Uni<Void> check(String subject) {
        return pool.preparedQuery(BLOCKED_UNTIL).execute(Tuple.of(subject))
                .invoke(rows -> {
                    if (rows.size() > 0) {
                        OffsetDateTime until = rows.iterator().next().getOffsetDateTime(0);
                        Duration wait = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), until);
                        throw ProblemException.rateLimited(
                                "Too many failed sign-ins for this account; try again in " + Math.max(1, wait.toSeconds()) + " s",
                                wait);
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> recordFailure(String subject) {
        var throttle = config.loginThrottle();
        return pool.preparedQuery(RECORD_FAILURE).execute(Tuple.of(subject, (double) throttle.window().toSeconds()))
                .map(RowSet::iterator)
                .map(rows -> rows.next().getInteger(0))
                .chain(failures -> failures < throttle.maxFailures()
                        ? Uni.createFrom().voidItem()
                        : pool.preparedQuery(BLOCK).execute(Tuple.of(subject, (double) pause(failures).toSeconds())).replaceWithVoid());
    }

    public Uni<Void> clear(String subject) {
        return pool.preparedQuery(CLEAR).execute(Tuple.of(subject)).replaceWithVoid();
    }

    Duration pause(int failures) {
        var throttle = config.loginThrottle();
        int doublings = Math.min(20, failures - throttle.maxFailures());
        Duration pause = throttle.baseDelay().multipliedBy(1L << doublings);
        return pause.compareTo(throttle.maxDelay()) > 0 ? throttle.maxDelay() : pause;
    }

}
