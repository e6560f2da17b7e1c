package io.canvass.notify;

import io.vertx.mutiny.sqlclient.Tuple;

/** SQL helpers of this feature. */
final class Sql {

    private Sql() {
    }

    /** A tuple of exactly these values, arrays and nulls included (Tuple.of's varargs would spread an array). */
    static Tuple tuple(Object... values) {
        Tuple tuple = Tuple.tuple();
        for (Object value : values) {
            tuple.addValue(value);
        }
        return tuple;
    }
}
