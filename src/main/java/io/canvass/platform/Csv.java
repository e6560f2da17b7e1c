package io.canvass.platform;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: parsing uploads and writing exports (UTF-8, so Chinese text survives both ways). */
public final class Csv {

    /** Excel needs the byte order mark to read UTF-8. */
    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** Rows of fields; quoted fields may hold commas, quotes ("") and line breaks. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int start = text.startsWith(BOM) ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw ProblemException.invalid("body", "a quoted field is not closed");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        rows.removeIf(r -> r.size() == 1 && r.get(0).isBlank());
        return rows;
    }

    /** One CSV line with CRLF; cells that a spreadsheet would run as a formula are neutralised. */
    public static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            String value = cell == null ? "" : cell.toString();
            if (!value.isEmpty() && "=+-@\t".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
                value = "'" + value;
            }
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                value = '"' + value.replace("\"", "\"\"") + '"';
            }
            out.append(value);
        }
        return out.append("\r\n").toString();
    }
}
