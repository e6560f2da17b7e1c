package io.canvass.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secret in a request or an answer (a password, a token, a signing secret shown once): never kept
 * with an {@code Idempotency-Key}. It is left out of the request's fingerprint and of the answer kept
 * for replays, so a replayed answer comes without it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
public @interface Secret {
}
