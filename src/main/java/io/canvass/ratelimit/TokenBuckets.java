package io.canvass.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's buckets: each holds the replica's share of the limit (limit / live replicas),
 * refilled continuously. In memory, so a request costs no database round trip.
 */
@ApplicationScoped
public class TokenBuckets {

    /** Buckets beyond this many are dropped, full ones first, on the next sweep. */
    static final int MAX_BUCKETS = 100_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** The decision for one request: allowed or not, tokens left, seconds until one more token. */
    public record Take(boolean allowed, double remaining, double capacity, double secondsForOne, double secondsToFull) {
    }

    public Take take(String key, double capacity, double perSecond) {
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity)).take(capacity, perSecond, System.nanoTime());
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> e.getValue().idleFor(now) > 3_600_000_000_000L);
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
    }

    static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double capacity) {
            this.tokens = capacity;
            this.at = System.nanoTime();
        }

        synchronized Take take(double capacity, double perSecond, long now) {
            tokens = Math.min(capacity, tokens + (now - at) / 1e9 * perSecond);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Take(true, tokens, capacity, 0, (capacity - tokens) / perSecond);
            }
            return new Take(false, tokens, capacity, (1 - tokens) / perSecond, (capacity - tokens) / perSecond);
        }

        synchronized long idleFor(long now) {
            return now - at;
        }
    }
}
