package io.canvass.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

    /**
     * An uploaded image served back: with its stored type, shown inline under a name made from its record's
     * id, and cached privately. A stored type that is not one of the accepted image types (never written
     * by {@link #check}) goes out as an octet-stream attachment, so stored bytes are never rendered as a page;
     * {@link SecurityHeaders} adds nosniff.
     *
     * @param name the file name without extension, e.g. "receipt-" + id; anything but letters, digits, '.', '_' and '-' is replaced
     */
    public static Response serve(String name, String storedType, byte[] bytes) {
        String safeName = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String extension = storedType == null ? null : switch (storedType) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            default -> null;
        };
        var response = extension == null
                ? Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + safeName + "\"")
                : Response.ok(bytes, storedType)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + safeName + "." + extension + "\"");
        return response.header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400").build();
    }

    /** The media type of a Content-Type header without its parameters (image/png; q=1 → image/png). */
    public static String mediaType(String contentType) {
        MediaType type = MediaType.valueOf(contentType);
        return type.getType() + "/" + type.getSubtype();
    }
}
