package io.canvass.audit;

import static io.canvass.testing.Api.asAdmin;
import static io.canvass.testing.Api.unique;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit log filtered by time: entries at or after from and before to, with the other filters and the cursor. */
@QuarkusTest
class AuditRangeTest {

    @Test
    void entriesAreFilteredByTimeRange() {
        Instant before = Instant.now().minusSeconds(1);
        String id = asAdmin().body(Map.of("name", unique("BI export"))).post("/api/v1/service-accounts")
                .then().statusCode(201).extract().path("id");
        Instant after = Instant.now().plusSeconds(1);

        asAdmin().queryParam("entityId", id).queryParam("from", before.toString()).queryParam("to", after.toString())
                .get("/api/v1/audit").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("service_account.created"));
        asAdmin().queryParam("entityId", id).queryParam("from", after.toString()).get("/api/v1/audit").then().statusCode(200)
                .body("items", empty());
        asAdmin().queryParam("entityId", id).queryParam("to", before.toString()).get("/api/v1/audit").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        asAdmin().queryParam("from", "2026-12-08T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z").get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("to"));
        asAdmin().queryParam("from", "yesterday").get("/api/v1/audit").then().statusCode(400).contentType("application/problem+json");
    }
}
