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
}
