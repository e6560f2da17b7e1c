package io.canvass.platform;

import java.net.URI;

/**
 * Every kind of error Canvass answers with, each with a stable problem {@code type} URI
 * (RFC 9457) that clients may switch on.
 */
public enum ProblemKind {
    VALIDATION(400, "validation", "The request is not valid"),
    MALFORMED_BODY(400, "malformed-body", "The request body cannot be read"),
    BAD_REQUEST(400, "bad-request", "Bad request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    /** The same request (same Idempotency-Key) is still being processed: send it again after Retry-After. */
    IN_PROGRESS(409, "in-progress", "The same request is still being processed"),
    STALE_VERSION(412, "stale-version", "The record was changed by someone else"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    URI_TOO_LONG(414, "uri-too-long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    ACCESS_LINK_USED(410, "access-link-used", "This link has already been used"),
    ACCESS_LINK_EXPIRED(410, "access-link-expired", "This link has expired"),
    ACCESS_LINK_REPLACED(410, "access-link-replaced", "A newer link replaced this one"),
    UNPROCESSABLE(422, "unprocessable", "The request cannot be processed"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service temporarily unavailable");

    public static final String BASE = "https://canvass.io/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(BASE + slug);
    }
}
