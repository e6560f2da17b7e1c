package io.canvass.platform;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic concurrency over HTTP: a record's version is its ETag, If-Match must name it. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version), true);
    }

    /**
     * The version an If-Match header asks for, or null when the client sent none (then the
     * version in the body, if any, is checked instead).
     */
    public static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemKind.STALE_VERSION, "If-Match does not name a version of this record");
        }
    }

    public static void check(Integer expected, int actual) {
        if (expected != null && expected != actual) {
            throw new ProblemException(ProblemKind.STALE_VERSION,
                    "The record is at version " + actual + " but the change was made on version " + expected
                            + "; reload it and apply your change again");
        }
    }
}
