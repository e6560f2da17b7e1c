package io.canvass.demo;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Many rows of one table in a single insert: each column travels as one text array, unnested and
 * cast to its type, so the statement's overhead (and any statement-level trigger) is paid once
 * rather than per row; row-level triggers (the KPI rollups) still see every row.
 */
final class Bulk {

    private final String sql;
    private final int columns;

    /** {@code columns}: "name type, name type, …" in the order of the tuples' values (a String[] value for an array type). */
    Bulk(String table, String columns) {
        String[] parts = columns.split(",");
        List<String> names = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        List<String> casts = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String[] column = parts[i].trim().split("\\s+", 2);
            names.add(column[0]);
            arrays.add("$" + (i + 1) + "::text[]");
            casts.add("c" + i + "::" + column[1]);
            aliases.add("c" + i);
        }
        this.columns = parts.length;
        this.sql = "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", casts)
                + " from unnest(" + String.join(", ", arrays) + ") as u(" + String.join(", ", aliases) + ")";
    }

    String sql() {
        return sql;
    }

    Uni<Void> insert(SqlClient tx, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple arrays = Tuple.tuple();
        for (int c = 0; c < columns; c++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = text(rows.get(r).getValue(c));
            }
            arrays.addArrayOfString(values);
        }
        return tx.preparedQuery(sql).execute(arrays).replaceWithVoid();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Buffer buffer) {
            return "\\x" + HexFormat.of().formatHex(buffer.getBytes());
        }
        if (value instanceof String[] array) {
            StringBuilder literal = new StringBuilder("{");
            for (int i = 0; i < array.length; i++) {
                literal.append(i == 0 ? "" : ",").append('"').append(array[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return literal.append('}').toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
