package io.canvass.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.TransactionRollbackException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become responses: every error leaves Canvass as an RFC 9457
 * {@code application/problem+json} body with a stable type. No stack trace, exception class or
 * SQL ever reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    HttpMethods methods;

    private static final Map<Integer, ProblemKind> BY_STATUS = java.util.Arrays.stream(ProblemKind.values())
            .collect(Collectors.toMap(ProblemKind::status, k -> k, (first, second) -> first));

    /**
     * PostgreSQL data exceptions caused by a value a client sent: a character the database cannot
     * store (22021, 22P05), a number out of range (22003), a date or time out of range or unreadable
     * (22008, 22007).
     */
    private static final java.util.Set<String> REFUSED_VALUES = java.util.Set.of("22021", "22P05", "22003", "22008", "22007");

    /** A write sent again with its Idempotency-Key: the answer it was given the first time. */
    @ServerExceptionMapper
    public Response replay(Idempotency.Replay replay) {
        return replay.response();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = respond(e.problem());
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper({ ConstraintViolationException.class,
            io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException.class })
    public Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(ProblemKind.VALIDATION, detail, errors)).build();
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        LOG.warn("Validation setup error", e);
        return respond(Problem.of(ProblemKind.INTERNAL, "The request could not be validated")).build();
    }

    @ServerExceptionMapper({ JsonProcessingException.class, com.fasterxml.jackson.core.JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class })
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonInputRules.Refused refused) {
            String field = refused.getPath().isEmpty() ? "body" : jsonPath(refused);
            String message = refused.getOriginalMessage();
            return respond(Problem.of(ProblemKind.VALIDATION, field + ": " + message,
                    List.of(new Problem.FieldError(field, message)))).build();
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = jsonPath(mismatch);
            String message = JsonInputRules.expected(mismatch);
            return respond(Problem.of(ProblemKind.VALIDATION, field + ": " + message,
                    List.of(new Problem.FieldError(field, message)))).build();
        }
        String detail = "The body is not valid JSON";
        List<Problem.FieldError> errors = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            detail = field + ": has the wrong type or format";
            errors = List.of(new Problem.FieldError(field, "has the wrong type or format"));
        }
        return respond(Problem.of(ProblemKind.MALFORMED_BODY, detail, errors)).build();
    }

    /** "contacts[0].name" for the value that failed. */
    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e) {
        return respond(Problem.of(ProblemKind.UNAUTHORIZED, "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemKind.FORBIDDEN, "Your role does not allow this")).build();
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response stale(RuntimeException e) {
        return respond(Problem.of(ProblemKind.STALE_VERSION,
                "The record was changed since you read it; reload it and apply your change again")).build();
    }

    /**
     * A method the address does not serve: 405 with {@code Allow} naming the methods it does serve
     * (RESTEasy's own exception carries none), or 404 where no resource serves the address at all.
     */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        return methods.allow(request.path())
                .map(allow -> respond(HttpMethods.notAllowed(request.method().name())).header(HttpHeaders.ALLOW, allow).build())
                .orElseGet(() -> respond(Problem.of(ProblemKind.NOT_FOUND, "No resource at this address")).build());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
        }
        int status = e.getResponse().getStatus();
        ProblemKind kind = BY_STATUS.getOrDefault(status, status >= 500 ? ProblemKind.INTERNAL : ProblemKind.BAD_REQUEST);
        String detail = switch (kind) {
            case NOT_FOUND -> "No resource at this address";
            case METHOD_NOT_ALLOWED -> "This method is not supported here";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This resource answers with application/json";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than allowed";
            default -> kind.title();
        };
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(kind.type(), kind.title(), status, detail, null));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    /** Last resort: classify by the cause chain, log the details, tell the client only the kind. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable cause : causes(e)) {
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return stale((RuntimeException) cause);
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                return database(pg.getSqlState(), pg);
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return database(sql.getSQLState(), sql);
            }
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException) {
                LOG.warnf("Database unreachable: %s", cause.getMessage());
                return unavailable();
            }
            if (cause instanceof SocketException || cause instanceof NoStackTraceThrowable) {
                // a connection dropped while the request used it, or none came free in time (Vert.x's own failures)
                LOG.warnf("Database connection failed for %s %s: %s", request.method(), request.path(), cause.getMessage());
                return unavailable();
            }
            if (cause instanceof TransactionRollbackException) {
                return collided();
            }
            if (cause instanceof ConnectionPoolTooBusyException) {
                LOG.warnf("Too many requests waiting for a database connection: %s %s", request.method(), request.path());
                return unavailable();
            }
        }
        LOG.error("Unexpected error", e);
        return respond(Problem.of(ProblemKind.INTERNAL, "Something went wrong on our side; it has been logged")).build();
    }

    /** The failure and its causes, those of a failure that gathered several (Mutiny's CompositeException) included. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> found = new java.util.ArrayList<>();
        java.util.Deque<Throwable> next = new java.util.ArrayDeque<>(List.of(failure));
        while (!next.isEmpty() && found.size() < 50) {
            Throwable t = next.poll();
            if (found.contains(t)) {
                continue;
            }
            found.add(t);
            if (t instanceof CompositeException composite) {
                next.addAll(composite.getCauses());
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
        }
        return found;
    }

    private Response database(String state, Throwable pg) {
        if ("23505".equals(state)) {
            return respond(Problem.of(ProblemKind.CONFLICT, "A record with the same unique value already exists")).build();
        }
        if ("23503".equals(state)) {
            return respond(Problem.of(ProblemKind.CONFLICT, "The record refers to, or is referred to by, another record")).build();
        }
        if (state.startsWith("23") || "22P02".equals(state) || "22001".equals(state)) {
            return respond(Problem.of(ProblemKind.VALIDATION, "A value is out of its allowed range or format")).build();
        }
        if (REFUSED_VALUES.contains(state)) {
            // the boundary rules (StoredText, Dates, JsonInputRules, ParameterRules) should have named the field
            LOG.warnf("Database refused a value the request checks let through: %s %s", state, pg.getMessage());
            return respond(Problem.of(ProblemKind.VALIDATION, "A value is out of its allowed range or format")).build();
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            return unavailable();
        }
        if (state.startsWith("40") || "25P02".equals(state)) { // serialization failure, deadlock, a statement before failed
            return collided();
        }
        LOG.errorf(pg, "Database error %s", state);
        return respond(Problem.of(ProblemKind.INTERNAL, "Something went wrong on our side; it has been logged")).build();
    }

    /** The transaction lost to one running at the same moment and was undone: sending it again is right. */
    private static Response collided() {
        return respond(Problem.of(ProblemKind.UNAVAILABLE, "The request collided with another one at the same moment and changed nothing;"
                + " send it again")).header(HttpHeaders.RETRY_AFTER, 1).build();
    }

    private static Response unavailable() {
        return respond(Problem.of(ProblemKind.UNAVAILABLE, "The database is not reachable right now; try again shortly"))
                .header(HttpHeaders.RETRY_AFTER, 5)
                .build();
    }

    static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "create.request.email" -> "email"; "list.limit" -> "limit"
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
