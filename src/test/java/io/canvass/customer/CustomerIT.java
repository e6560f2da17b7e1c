package io.canvass.customer;

import io.canvass.testing.PackagedDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged app (JVM jar, or the native executable with -Pnative): customers: create, validation, scope, stale writes. */
@QuarkusIntegrationTest
@WithTestResource(PackagedDatabase.class)
class CustomerIT extends CustomerTest {
}
