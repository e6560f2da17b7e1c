package io.canvass.platform;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Puts every write of a {@link ReplaySafe} resource that carries an {@code Idempotency-Key} through
 * {@link Idempotency}: the request is told apart by its method, path, query, headers it names and body;
 * its answer is the resource method's result as it goes to the client. Runs after the request was
 * validated, so a refused request never takes a key.
 */
@ReplaySafe
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class ReplaySafeInterceptor {

    @Inject
    Idempotency idempotency;

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @AroundInvoke
    Object keyed(InvocationContext context) throws Exception {
        String key = request.getHeader(Idempotency.HEADER);
        Method method = context.getMethod();
        if (key == null || !isWrite(method) || !Uni.class.isAssignableFrom(method.getReturnType()) || identity.isAnonymous()) {
            return context.proceed();
        }
        String target = request.method().name() + " " + request.uri();
        byte[] hash = idempotency.fingerprint(target, Arrays.asList(context.getParameters()));
        if (method.isAnnotationPresent(ReplaySafe.AnswerAfterCommit.class)
                || method.getDeclaringClass().isAnnotationPresent(ReplaySafe.AnswerAfterCommit.class)) {
            return idempotency.onceAnsweredAfterCommit(caller.id(), key, hash, () -> proceed(context),
                    result -> idempotency.answer(response(method, result)));
        }
        return idempotency.once(caller.id(), key, hash, () -> proceed(context), result -> idempotency.answer(response(method, result)));
    }

    static boolean isWrite(Method method) {
        return method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class);
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> proceed(InvocationContext context) {
        try {
            return (Uni<Object>) context.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** The response the result becomes, as Quarkus REST makes it. */
    private static Response response(Method method, Object result) {
        if (result instanceof Response response) {
            return response;
        }
        if (result instanceof RestResponse<?> response) {
            return response.toResponse();
        }
        ResponseStatus status = method.getAnnotation(ResponseStatus.class);
        int code = status != null ? status.value() : result == null ? 204 : 200;
        return Response.status(code).entity(result).build();
    }
}
