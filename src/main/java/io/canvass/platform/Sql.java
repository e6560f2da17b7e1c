package io.canvass.platform;

import io.quarkus.hibernate.orm.runtime.PersistenceUnitUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;
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
 * {@link #inTransaction} where native SQL needs one (it joins the one open). A statement that fails
 * inside a transaction ends it (the client rolls it back): check first rather than catch a refusal
 * and go on, as a check-in does for a client id recorded before.
 *
 * <p>No public API hands out a session's connection, so it is reached through Hibernate Reactive's
 * implementation ({@link MutinySessionImpl#getReactiveConnection()}, a {@link SqlClientConnection} because
 * entity statements are not batched: {@code statement-batch-size=1}); an upgrade that changes them fails
 * every test that writes. Running the API tests with {@code -Dquarkus.datasource.reactive.max-size=1}
 * shows any request that still needs a second connection: it waits out the acquire timeout and gets 503.
 */
@ApplicationScoped
public class Sql implements Statements {

    @Inject
    Pool pool;

    /** Runs a prepared statement on the request's connection. */
    @Override
    public Uni<RowSet<Row>> query(String sql, Tuple params) {
        return Uni.createFrom().deferred(() -> {
            SqlClientConnection held = held();
            return held == null
                    ? pool.preparedQuery(sql).execute(params)
                    : Uni.createFrom().completionStage(() -> held.preparedQuery(sql, params.getDelegate())).map(Sql::rows);
        });
    }

    /** Runs a prepared statement once per tuple on the request's connection. */
    @Override
    public Uni<RowSet<Row>> batch(String sql, List<Tuple> batch) {
        return Uni.createFrom().deferred(() -> {
            SqlClientConnection held = held();
            List<io.vertx.sqlclient.Tuple> tuples = batch.stream().map(Tuple::getDelegate).toList();
            return held == null
                    ? pool.preparedQuery(sql).executeBatch(batch)
                    : Uni.createFrom().completionStage(() -> held.preparedQueryBatch(sql, tuples)).map(Sql::rows);
        });
    }

    private static RowSet<Row> rows(io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> rows) {
        return RowSet.newInstance(rows, Row.__TYPE_ARG);
    }

    /** A tuple of exactly these values, arrays and nulls included (Tuple.of's varargs would spread an array). */
    public static Tuple tuple(Object... values) {
        Tuple tuple = Tuple.tuple();
        for (Object value : values) {
            tuple.addValue(value);
        }
        return tuple;
    }

    /** Runs {@code work} in a transaction: the one the request has open (a keyed write's), or a new one committed when work ends. */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            SqlClientConnection held = held();
            return held != null && held.isTransactionInProgress() ? work.get() : Panache.withTransaction(work);
        });
    }

    /**
     * The SQLSTATE of the database's refusal in {@code failure}'s chain, as the pool reports it
     * ({@link PgException}) or as Hibernate does for statements on a session's connection; null when none.
     */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Whether {@code failure} is the database refusing a row for {@code constraint}, however it was reported. */
    public static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && constraint.equals(pg.getConstraint())
                    || t instanceof ConstraintViolationException violation && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
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
