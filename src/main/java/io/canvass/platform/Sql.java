package io.canvass.platform;

import io.quarkus.hibernate.orm.runtime.PersistenceUnitUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.impl.SqlClientConnection;

/**
 * Native SQL on the request's one connection. Inside a Hibernate Reactive session (a
 * {@code @WithTransaction} or {@code @WithSession} method, a keyed write) a statement runs on the
 * session's connection, in its transaction if one is open; elsewhere on the pool. So no request
 * holds a connection while it waits for a second one (a burst as large as the pool would otherwise
 * wait on itself), and a write's SQL commits or rolls back with its entities.
 *
 * <p>There is one transaction idiom: {@code @WithTransaction} on the service method, or
 * {@link #inTransaction} where a method needs a transaction of its own (it joins the one open).
 */
@ApplicationScoped
public class Sql implements Statements {

    @Inject
    Pool pool;

    /** Runs a prepared statement on the request's connection. */
    @Override
    public Uni<RowSet<Row>> query(String sql, Tuple params) {
        SqlClientConnection held = held();
        if (held == null) {
            return pool.preparedQuery(sql).execute(params);
        }
        return Uni.createFrom().completionStage(() -> held.preparedQuery(sql, params.getDelegate())).map(RowSet::newInstance);
    }

    /** Runs a prepared statement once per tuple on the request's connection. */
    @Override
    public Uni<RowSet<Row>> batch(String sql, List<Tuple> batch) {
        SqlClientConnection held = held();
        if (held == null) {
            return pool.preparedQuery(sql).executeBatch(batch);
        }
        List<io.vertx.sqlclient.Tuple> tuples = batch.stream().map(Tuple::getDelegate).toList();
        return Uni.createFrom().completionStage(() -> held.preparedQueryBatch(sql, tuples)).map(RowSet::newInstance);
    }

    /** A tuple of exactly these values, arrays and nulls included (Tuple.of's varargs would spread an array). */
    public static Tuple tuple(Object... values) {
        Tuple tuple = Tuple.tuple();
        for (Object value : values) {
            tuple.addValue(value);
        }
        return tuple;
    }

    /**
     * Runs {@code work} in a transaction: a new one committed when work ends, or, when the request has
     * one open already (a keyed write), inside it behind a savepoint, so that work failing (a duplicate
     * the caller answers as a replay, say) undoes only its own statements and the request goes on.
     */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        SqlClientConnection held = held();
        if (held == null || !held.isTransactionInProgress()) {
            return Panache.withTransaction(work);
        }
        return query("savepoint canvass_step")
                .chain(work::get)
                .onFailure().call(() -> query("rollback to savepoint canvass_step"))
                .call(() -> query("release savepoint canvass_step"));
    }

    /** The connection of the session open on this request, if there is one. */
    private static SqlClientConnection held() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return null; // sessions live in a request's (or a job's) own context only
        }
        Mutiny.Session session;
        try {
            session = SessionOperations.getCurrentSession(PersistenceUnitUtil.DEFAULT_PERSISTENCE_UNIT_NAME);
        } catch (IllegalStateException notMarkedSafe) {
            return null; // a context Panache may not keep a session in has none
        }
        return session instanceof MutinySessionImpl open ? (SqlClientConnection) open.getReactiveConnection() : null;
    }
}
