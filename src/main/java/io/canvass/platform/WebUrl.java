package io.canvass.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A link a user stores and other people open (a contract document's address): an absolute
 * {@code http} or {@code https} URL with a host and without credentials. Anything else
 * ({@code javascript:}, {@code data:}, a relative path, a blank) is a 400 naming the field, so a
 * stored value can never run as script in the app. Null means "no link".
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
@Constraint(validatedBy = WebUrl.Validator.class)
public @interface WebUrl {

    String message() default "must be an absolute http or https address, such as https://docs.example.com/contract.pdf";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link WebUrl}; {@link #isWebUrl(String)} is the rule. */
    class Validator implements ConstraintValidator<WebUrl, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isWebUrl(value);
        }

        /** Whether the text is an absolute http(s) URL with a host and no user info, exactly as given. */
        public static boolean isWebUrl(String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                return false;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty()
                    && uri.getRawUserInfo() == null;
        }
    }
}
