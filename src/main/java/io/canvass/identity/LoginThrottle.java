package io.canvass.identity;

import io.canvass.platform.ProblemException;
import io.canvass.platform.Sql;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Slows down password guessing without locking the owner out. A subject is what is signed in to:
 * {@code account:<email>} or {@code client:<client id>}, existing or not, so that nothing is revealed.
 * <ul>
 * <li><b>Per address.</b> Failures are counted per subject and client address (an IPv6 address's
 * /64, see {@link ClientAddress}). After {@code max-failures} within {@code window}, attempts on
 * that subject from that address are refused (429) for {@code base-delay}, doubling with every
 * further failure up to {@code max-delay}.</li>
 * <li><b>Per account, across addresses.</b> Failures are also counted per subject over all
 * addresses. Past {@code account.max-failures} within {@code account.window} (a guess spread over
 * many addresses) the subject pauses for {@code account.base-delay}, doubling up to
 * {@code account.max-delay}, but only for addresses that have failed on it recently (within their
 * window). An address without recent failures is always heard: the owner signing in from their own
 * device is never refused because someone else failed, and every other address gets one guess
 * before it waits.</li>
 * <li>A refused attempt is answered before the password is checked (so it tells nothing) and counts
 * as no failure.</li>
 * <li>A success forgets its own address's failures; the account's stay, as the guesses they count
 * were still made.</li>
 * </ul>
 * Kept in PostgreSQL ({@code sign_in_failure}) so that every replica sees the same counts; rows are
 * purged once they hold nothing to remember.
 */
@ApplicationScoped
public class LoginThrottle {

    /** The address under which a subject's failures from all addresses are counted. */
    static final String ALL_ADDRESSES = "*";

    /** The address's and the subject's rows still remembered, with the seconds left of a pause. */
    static final String STANDING = """
            select address, ceil(extract(epoch from blocked_until - now()))::bigint as wait
            from sign_in_failure
            where subject = $1 and address in ($2, '*') and expires_at > now()""";

    /** Counts a failure, starting a new window when the last one has passed ($3: the window in seconds). */
    static final String RECORD_FAILURE = """
            insert into sign_in_failure as f (subject, address, failures, first_failure, last_failure, expires_at)
            values ($1, $2, 1, now(), now(), now() + make_interval(secs => $3))
            on conflict (subject, address) do update set
                failures = case when f.first_failure > now() - make_interval(secs => $3) then f.failures + 1 else 1 end,
                first_failure = case when f.first_failure > now() - make_interval(secs => $3) then f.first_failure else now() end,
                last_failure = now(),
                expires_at = greatest(now() + make_interval(secs => $3), f.blocked_until)
            returning failures""";

    static final String PAUSE = """
            update sign_in_failure
            set blocked_until = now() + make_interval(secs => $3),
                expires_at = greatest(expires_at, now() + make_interval(secs => $3))
            where subject = $1 and address = $2""";

    static final String FORGET = "delete from sign_in_failure where subject = $1 and address = $2";

    static final String PURGE = "delete from sign_in_failure where expires_at <= now()";

    /** One sign-in attempt: on what, from where. */
    public record Attempt(String subject, String address) {
    }

    /** When failures pause sign-in, and for how long. */
    record Rule(int maxFailures, Duration window, Duration baseDelay, Duration maxDelay) {

        static Rule perAddress(AuthConfig.LoginThrottle config) {
            return new Rule(config.maxFailures(), config.window(), config.baseDelay(), config.maxDelay());
        }

        static Rule perAccount(AuthConfig.LoginThrottle.Account config) {
            return new Rule(config.maxFailures(), config.window(), config.baseDelay(), config.maxDelay());
        }

        /** The pause after the n-th failure within the window: none before maxFailures, then baseDelay doubling up to maxDelay. */
        Duration pause(int failures) {
            if (failures < maxFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(20, failures - maxFailures);
            Duration pause = baseDelay.multipliedBy(1L << doublings);
            return pause.compareTo(maxDelay) > 0 ? maxDelay : pause;
        }
    }

    @Inject
    Pool pool;

    @Inject
    Sql sql;

    @Inject
    AuthConfig config;

    /** Fails with 429 (and Retry-After) while the attempt's address may not try this subject. */
    public Uni<Void> check(Attempt attempt) {
        return sql.query(STANDING, Tuple.of(attempt.subject(), attempt.address()))
                .invoke(LoginThrottle::refuseWhilePaused)
                .replaceWithVoid();
    }

    public Uni<Void> recordFailure(Attempt attempt) {
        return count(attempt.subject(), attempt.address(), Rule.perAddress(config.loginThrottle()))
                .chain(() -> count(attempt.subject(), ALL_ADDRESSES, Rule.perAccount(config.loginThrottle().account())));
    }

    /** Forgets the address's failures on the subject; the subject's count across addresses stays. */
    public Uni<Void> recordSuccess(Attempt attempt) {
        return sql.query(FORGET, Tuple.of(attempt.subject(), attempt.address())).replaceWithVoid();
    }

    /** Every replica runs it; deleting what has expired twice is harmless. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.query(PURGE).execute().replaceWithVoid();
    }

    private Uni<Void> count(String subject, String address, Rule rule) {
        return sql.query(RECORD_FAILURE, Tuple.of(subject, address, seconds(rule.window())))
                .map(rows -> rows.iterator().next().getInteger("failures"))
                .map(rule::pause)
                .chain(pause -> pause.isZero()
                        ? Uni.createFrom().voidItem()
                        : sql.query(PAUSE, Tuple.of(subject, address, seconds(pause))).replaceWithVoid());
    }

    private static void refuseWhilePaused(RowSet<Row> rows) {
        boolean addressFailed = false;
        long addressWait = 0;
        long accountWait = 0;
        for (Row row : rows) {
            Long wait = row.getLong("wait");
            long seconds = wait == null ? 0 : wait;
            if (ALL_ADDRESSES.equals(row.getString("address"))) {
                accountWait = seconds;
            } else {
                addressFailed = true;
                addressWait = seconds;
            }
        }
        ProblemException refusal = refusal(addressFailed, addressWait, accountWait);
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * The answer to an attempt from an address that has failed recently (or not) on a subject, given
     * the seconds left of the address's pause and of the subject's: null to go ahead.
     */
    static ProblemException refusal(boolean addressFailedRecently, long addressWait, long accountWait) {
        if (addressWait > 0) {
            return ProblemException.rateLimited("Too many failed sign-ins to this account from your address; try again in "
                    + addressWait + " s", Duration.ofSeconds(addressWait));
        }
        if (addressFailedRecently && accountWait > 0) {
            return ProblemException.rateLimited("Too many failed sign-ins to this account; after a failure from your address, "
                    + "try again in " + accountWait + " s", Duration.ofSeconds(accountWait));
        }
        return null;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
