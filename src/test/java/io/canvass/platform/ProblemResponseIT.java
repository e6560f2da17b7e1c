package io.canvass.platform;

import io.canvass.testing.PackagedDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged app (JVM jar, or the native executable with -Pnative): every kind of error as problem+json. */
@QuarkusIntegrationTest
@WithTestResource(PackagedDatabase.class)
class ProblemResponseIT extends ProblemResponseTest {
}
