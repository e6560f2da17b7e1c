package io.canvass.platform;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;

/**
 * Where a step's native SQL runs: the request's connection ({@link Sql}), or the transaction a
 * scheduled job opened on the pool ({@link #on(SqlClient)}). Steps shared by requests and jobs take one.
 */
public interface Statements {

    /** Runs a prepared statement. */
    Uni<RowSet<Row>> query(String sql, Tuple params);

    /** Runs a prepared statement once per tuple. */
    Uni<RowSet<Row>> batch(String sql, List<Tuple> batch);

    /** Runs a statement without parameters. */
    default Uni<RowSet<Row>> query(String sql) {
        return query(sql, Tuple.tuple());
    }

    /** The statements of a client, e.g. a job's pool transaction. */
    static Statements on(SqlClient client) {
        return new Statements() {
            @Override
            public Uni<RowSet<Row>> query(String sql, Tuple params) {
                return client.preparedQuery(sql).execute(params);
            }

            @Override
            public Uni<RowSet<Row>> batch(String sql, List<Tuple> batch) {
                return client.preparedQuery(sql).executeBatch(batch);
            }
        };
    }
}
