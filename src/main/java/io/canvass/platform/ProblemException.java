package io.canvass.platform;

import java.time.Duration;
import java.util.List;

/** Thrown by services to answer with a specific problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final transient List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, null, null);
    }

    private ProblemException(ProblemKind kind, String detail, List<Problem.FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = errors;
        this.retryAfter = retryAfter;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemKind.NOT_FOUND, what + " not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemKind.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemKind.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemKind.UNAUTHORIZED, detail);
    }

    /** The same request is still being processed; a retry after {@code retryAfter} gets its answer. */
    public static ProblemException inProgress(String detail, Duration retryAfter) {
        return new ProblemException(ProblemKind.IN_PROGRESS, detail, null, retryAfter);
    }

    public static ProblemException rateLimited(String detail, Duration retryAfter) {
        return new ProblemException(ProblemKind.RATE_LIMITED, detail, null, retryAfter);
    }

    public ProblemKind kind() {
        return kind;
    }

    public Problem problem() {
        return Problem.of(kind, getMessage(), errors);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
