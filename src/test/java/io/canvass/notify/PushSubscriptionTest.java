package io.canvass.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.canvass.platform.outbound.InternalTargets;
import io.canvass.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Devices subscribing to reminders through the API. */
@QuarkusTest
class PushSubscriptionTest {

    static Api.TestUser rep() {
        return Api.user("REP", Api.team("devices", null));
    }

    @Test
    void theVapidKeyIsAnUncompressedP256Point() {
        rep().as().get("/api/v1/push/vapid-public-key").then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("publicKey", matchesPattern("^B[A-Za-z0-9_-]{86}$"));
        given().get("/api/v1/push/vapid-public-key").then().statusCode(401);
    }

    @Test
    void aUserSubscribesSeveralDevicesListsAndRemovesThem() {
        Api.TestUser emma = rep();
        TestPushService.Device phone = TestPushService.get().device();
        TestPushService.Device laptop = TestPushService.get().device();

        String id = emma.as().body(phone.subscription("Pixel · Chrome")).post("/api/v1/push/subscriptions").then().statusCode(201)
                .header("Location", notNullValue())
                .body("label", equalTo("Pixel · Chrome")).body("service", equalTo("localhost"))
                .extract().path("id");
        emma.as().body(laptop.subscription("ThinkPad · Firefox")).post("/api/v1/push/subscriptions").then().statusCode(201);
        // the same browser subscribing again replaces its row
        emma.as().body(phone.subscription("Pixel · Chrome (again)")).post("/api/v1/push/subscriptions").then().statusCode(201)
                .body("id", equalTo(id));

        emma.as().get("/api/v1/push/subscriptions").then().statusCode(200).body("items", hasSize(2))
                .body("items.label", hasItem("Pixel · Chrome (again)"));

        emma.as().delete("/api/v1/push/subscriptions/" + id).then().statusCode(204);
        emma.as().get("/api/v1/push/subscriptions").then().body("items.label", equalTo(java.util.List.of("ThinkPad · Firefox")));
        emma.as().delete("/api/v1/push/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void anotherUsersDeviceIsNotFound() {
        Api.TestUser emma = rep();
        Api.TestUser other = rep();
        String id = emma.as().body(TestPushService.get().device().subscription("phone")).post("/api/v1/push/subscriptions")
                .then().statusCode(201).extract().path("id");

        other.as().delete("/api/v1/push/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
        other.as().get("/api/v1/push/subscriptions").then().body("items", hasSize(0));
        emma.as().get("/api/v1/push/subscriptions").then().body("items", hasSize(1));
    }

    @Test
    void badSubscriptionsNameTheField() {
        Api.TestUser emma = rep();
        TestPushService.Device device = TestPushService.get().device();
        emma.as().body(Map.of("endpoint", "ftp://push.example.com/x", "keys", Map.of("p256dh", device.p256dh(), "auth", device.auth())))
                .post("/api/v1/push/subscriptions").then().statusCode(400).body("errors.field", hasItem("endpoint"));
        emma.as().body(Map.of("endpoint", device.endpoint(), "keys", Map.of("p256dh", "BAAA", "auth", device.auth())))
                .post("/api/v1/push/subscriptions").then().statusCode(400).body("errors.field", hasItem("keys.p256dh"));
        emma.as().body(Map.of("endpoint", device.endpoint(), "keys", Map.of("p256dh", device.p256dh(), "auth", "c2hvcnQ")))
                .post("/api/v1/push/subscriptions").then().statusCode(400).body("errors.field", hasItem("keys.auth"));
        emma.as().body(Map.of("endpoint", device.endpoint()))
                .post("/api/v1/push/subscriptions").then().statusCode(400).contentType("application/problem+json");
        emma.as().body(Map.of("endpoint", "https://user:secret@push.example.com/x", "keys", Map.of("p256dh", device.p256dh(), "auth", device.auth())))
                .post("/api/v1/push/subscriptions").then().statusCode(400).body("errors.field", hasItem("endpoint"));
    }

    @Test
    void anEndpointAimedInsideTheNetworkInAnyFormIsRefusedNamingTheField() {
        Api.TestUser emma = rep();
        TestPushService.Device device = TestPushService.get().device();
        for (String endpoint : InternalTargets.URLS) {
            emma.as().body(Map.of("endpoint", endpoint, "keys", Map.of("p256dh", device.p256dh(), "auth", device.auth())))
                    .post("/api/v1/push/subscriptions").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(java.util.List.of("endpoint")));
        }
        emma.as().get("/api/v1/push/subscriptions").then().body("items", hasSize(0));
    }

    @Test
    void withoutATokenNoDeviceIsTouched() {
        given().contentType("application/json").body(TestPushService.get().device().subscription("x"))
                .post("/api/v1/push/subscriptions").then().statusCode(401);
        given().get("/api/v1/push/subscriptions").then().statusCode(401);
        given().delete("/api/v1/push/subscriptions/" + UUID.randomUUID()).then().statusCode(401);
        given().post("/api/v1/push/test").then().statusCode(401);
    }

    @Test
    void integrationAccountsHaveNoDevices() {
        String token = Api.mint(UUID.randomUUID(), "INTEGRATION", java.time.Duration.ofMinutes(5));
        Api.as(token).get("/api/v1/push/subscriptions").then().statusCode(403);
    }
}
