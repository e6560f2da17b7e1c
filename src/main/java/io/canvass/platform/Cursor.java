package io.canvass.platform;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/** Opaque pagination cursors: the last id seen, base64url-encoded. */
public final class Cursor {

    /** Smaller than every time-ordered id, so "after FIRST" means from the start. */
    public static final UUID FIRST = new UUID(0, 0);

    private Cursor() {
    }

    public static String encode(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The id after which the page starts; a missing cursor starts from the beginning. */
    public static UUID decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return FIRST;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
            if (bytes.remaining() != 16) {
                throw new IllegalArgumentException();
            }
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }
}
