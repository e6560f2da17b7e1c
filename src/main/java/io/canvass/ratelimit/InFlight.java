package io.canvass.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many of one caller's requests run at once. Beyond {@code limit} a caller's requests wait their
 * turn behind its own earlier ones (first come, first served), so one integrator's parallel sync
 * takes at most {@code limit} of the replica's database connections and everyone else's requests go
 * on; beyond {@code queue} waiting, the next is refused at once.
 */
@ApplicationScoped
public class InFlight {

    /** One caller's requests: how many run, and the turns of those waiting. */
    private static final class Lane {
        int running;
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * Completes with true when the caller's request may run (at once, or when one of its earlier
     * requests ends), with false straight away when {@code queue} of its requests already wait.
     * Every true must be followed by one {@link #leave}.
     */
    public Uni<Boolean> enter(String caller, int limit, int queue) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            // resumed on the request's own context, where its database session lives
            Runnable turn = () -> {
                if (context == null) {
                    emitter.complete(true);
                } else {
                    context.runOnContext(v -> emitter.complete(true));
                }
            };
            Boolean[] decided = new Boolean[1];
            lanes.compute(caller, (k, lane) -> {
                Lane l = lane == null ? new Lane() : lane;
                if (l.running < limit) {
                    l.running++;
                    decided[0] = true;
                } else if (l.waiting.size() >= queue) {
                    decided[0] = false;
                } else {
                    l.waiting.add(turn);
                }
                return l;
            });
            if (decided[0] != null) {
                emitter.complete(decided[0]);
            }
        });
    }

    /** A request of the caller ended: the next one waiting takes its turn. */
    public void leave(String caller) {
        Runnable[] next = new Runnable[1];
        lanes.computeIfPresent(caller, (k, lane) -> {
            next[0] = lane.waiting.poll();
            if (next[0] == null) {
                lane.running--;
            }
            return lane.running == 0 ? null : lane;
        });
        if (next[0] != null) {
            next[0].run();
        }
    }
}
