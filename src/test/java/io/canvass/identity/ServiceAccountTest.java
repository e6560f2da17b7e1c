package io.canvass.identity;

import static io.canvass.testing.Api.asAdmin;
import static io.canvass.testing.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins manage service accounts' grants; a malformed grant list is a problem naming the field, never a 500. */
@QuarkusTest
class ServiceAccountTest {

    private static String create() {
        return asAdmin().body(Map.of("name", unique("ERP sync"))).post("/api/v1/service-accounts")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aNullGrantIsRefusedNamingTheField() {
        asAdmin().body("{\"name\":\"ERP\",\"grants\":[null]}").post("/api/v1/service-accounts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith("grants")));
        String id = create();
        asAdmin().body("{\"grants\":[null]}").put("/api/v1/service-accounts/" + id + "/grants").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith("grants")));
        asAdmin().body("{}").put("/api/v1/service-accounts/" + id + "/grants").then().statusCode(400)
                .body("errors.field", hasItem("grants"));
    }

    @Test
    void anAdminGrantsAndWithdrawsPayrollAndEachChangeIsAudited() {
        String id = create();
        asAdmin().body(Map.of("grants", java.util.List.of("PAYROLL"))).put("/api/v1/service-accounts/" + id + "/grants")
                .then().statusCode(200).body("grants", contains("PAYROLL")).body("id", equalTo(id));
        String key = UUID.randomUUID().toString();
        asAdmin().header("Idempotency-Key", key).body(Map.of("grants", java.util.List.of("PAYROLL")))
                .put("/api/v1/service-accounts/" + id + "/grants").then().statusCode(200).body("grants", contains("PAYROLL"));
        asAdmin().header("Idempotency-Key", key).body(Map.of("grants", java.util.List.of("PAYROLL")))
                .put("/api/v1/service-accounts/" + id + "/grants").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("grants", contains("PAYROLL"));
        asAdmin().body(Map.of("grants", java.util.List.of())).put("/api/v1/service-accounts/" + id + "/grants")
                .then().statusCode(200).body("grants", empty());
        asAdmin().get("/api/v1/audit?entityType=user&entityId=" + id).then().statusCode(200)
                .body("items.findAll { it.action == 'service_account.grants_changed' }.after.grants", contains("PAYROLL", ""));
    }

    @Test
    void onlyAdminsChangeGrantsAndOnlyOfServiceAccounts() {
        String id = create();
        UUID team = Api.team("grants", null);
        for (String role : Arrays.asList("DIRECTOR", "REP")) {
            Api.user(role, team).as().body(Map.of("grants", java.util.List.of("PAYROLL")))
                    .put("/api/v1/service-accounts/" + id + "/grants").then().statusCode(403);
        }
        Api.TestUser rep = Api.user("REP", team);
        asAdmin().body(Map.of("grants", java.util.List.of("PAYROLL"))).put("/api/v1/service-accounts/" + rep.id() + "/grants")
                .then().statusCode(404).contentType("application/problem+json");
        asAdmin().body(Map.of("grants", java.util.List.of("PAYROLL"))).put("/api/v1/service-accounts/" + UUID.randomUUID() + "/grants")
                .then().statusCode(404);
    }
}
