package io.canvass.platform;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource: every write it serves (POST, PUT, PATCH, DELETE) honours {@code Idempotency-Key}
 * through {@link Idempotency}, in one database transaction with the write's effect.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ReplaySafe {

    /**
     * On a resource (or a write) whose services commit their own transaction and build the answer
     * after it: reading it back through the {@code Pool}, or acting once the change is committed
     * (token revocations). The key is then written by the first transaction the write commits, so it
     * still counts once with its effect, and its answer is added to it right after.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    @interface AnswerAfterCommit {
    }
}
