package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** MigrationUpgradeTest runs the repair through the customizer; here Quarkus has added it to the Flyway it migrates with. */
@QuarkusTest
class LandedMigrationRepairTest {

    @Inject
    Flyway flyway;

    @Test
    void theAppsFlywayRepairsMigrationsEditedAfterTheyLanded() {
        assertTrue(Stream.of(flyway.getConfiguration().getCallbacks())
                .anyMatch(c -> c.getCallbackName().equals(LandedMigrationRepair.CALLBACK_NAME)), "LandedMigrationRepair's callback is registered");
    }
}
