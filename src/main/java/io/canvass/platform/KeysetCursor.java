package io.canvass.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque cursors for lists sorted by a value other than id: the last row's sort value and id. */
public record KeysetCursor(String value, UUID id) {

    public String encode() {
        String raw = value + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position after which a page starts, or null for the first page. */
    public static KeysetCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int split = raw.lastIndexOf('\n');
            return new KeysetCursor(raw.substring(0, split), UUID.fromString(raw.substring(split + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }
}
