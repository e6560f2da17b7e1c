package io.canvass.platform;

/**
 * Rules for an uploaded image (a check-in photo, an expense receipt): not empty, not larger than
 * the feature's limit (413), and a JPEG, PNG or WebP as its own first bytes show, sent with that
 * content type (415). The type a client declares is never trusted alone.
 */
public final class ImageUpload {

    private ImageUpload() {
    }

    /**
     * Checks the upload and returns its content type as read from the bytes.
     *
     * @param what how the problem names the image, e.g. "photo" or "receipt"
     * @param declaredType the request's content type without parameters, e.g. image/png
     * @param maxBytes the largest accepted size
     */
    public static String check(String what, String declaredType, byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.invalid("body", "the " + what + " is empty");
        }
        if (bytes.length > maxBytes) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "A " + what + " may be at most " + maxBytes + " bytes");
        }
        String actual = sniff(bytes);
        if (actual == null || !actual.equals(declaredType)) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "The " + what + " must be a JPEG, PNG or WebP image sent with its own content type");
        }
        return actual;
    }

    /** The image type recognised from the first bytes, or null. */
    public static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** The media type of a Content-Type header without its parameters (image/png; q=1 → image/png). */
    public static String mediaType(String contentType) {
        jakarta.ws.rs.core.MediaType type = jakarta.ws.rs.core.MediaType.valueOf(contentType);
        return type.getType() + "/" + type.getSubtype();
    }
}
