package io.canvass.platform;

/**
 * Text Canvass can store. PostgreSQL refuses U+0000 in text (the statement fails), and an unpaired
 * UTF-16 surrogate has no UTF-8 form (the driver would silently write "?" instead). Every text that
 * comes in (JSON strings, query, path, header and form values, CSV cells) is checked by this rule
 * at the boundary, so neither ever reaches the database.
 */
public final class StoredText {

    private StoredText() {
    }

    /** What is wrong with {@code value}, or null when it can be stored as it is. */
    public static String problem(CharSequence value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\u0000') {
                return "contains the character U+0000, which is not allowed in text";
            }
            if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return "contains an unpaired surrogate (U+" + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT)
                        + "), which is not valid Unicode";
            }
        }
        return null;
    }

    /** The value, or a validation problem naming {@code field} when it cannot be stored. */
    public static String check(String field, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw ProblemException.invalid(field, problem);
        }
        return value;
    }
}
