package io.canvass.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque cursors for lists sorted by a value other than id: the list's name, the last row's sort
 * value and id. The name makes a cursor of one list (say /customers) a 400 on another (/checkins)
 * instead of a value of the wrong shape reaching its query.
 */
public record KeysetCursor(String value, UUID id) {

    public String encode(String list) {
        String raw = list + "\n" + value + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position after which a page of {@code list} starts, or null for the first page. */
    public static KeysetCursor decode(String list, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.trim())))
                    .toString();
            int first = raw.indexOf('\n');
            int last = raw.lastIndexOf('\n');
            if (first < 0 || first == last || !raw.substring(0, first).equals(list)) {
                throw invalid();
            }
            String value = raw.substring(first + 1, last);
            if (StoredText.problem(value) != null) {
                throw invalid();
            }
            return new KeysetCursor(value, UUID.fromString(raw.substring(last + 1)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
    }

    /** The sort value of a list sorted by a number. */
    public long longValue() {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "is not a cursor returned by this list");
    }
}
