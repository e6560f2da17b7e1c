package io.canvass.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Puts {@link OpenApiValidation} among REST Assured's global filters before every {@code @QuarkusTest}
 * method (registered in {@code META-INF/services}), so no API test can talk to the app unchecked.
 */
public class OpenApiValidationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiValidation.install();
    }
}
