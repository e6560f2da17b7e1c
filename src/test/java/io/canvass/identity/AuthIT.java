package io.canvass.identity;

import io.canvass.testing.PackagedDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged app (JVM jar, or the native executable with -Pnative): sign-in, refresh rotation and reuse detection, service accounts. */
@QuarkusIntegrationTest
@WithTestResource(PackagedDatabase.class)
class AuthIT extends AuthTest {
}
