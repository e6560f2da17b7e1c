package io.canvass.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface: health, metrics, the OpenAPI document and Swagger UI, on a port of
 * their own, never on the app's port. Under @QuarkusTest it is {@code quarkus.management.test-port};
 * {@link PackagedDatabase} starts the packaged app of a @QuarkusIntegrationTest on the same port.
 */
public final class Management {

    private static final String TEST_PORT = "quarkus.management.test-port";

    private Management() {
    }

    /** The management port tests reach (a -D on the command line wins over application.properties). */
    public static int port() {
        String property = System.getProperty(TEST_PORT);
        if (property != null) {
            return Integer.parseInt(property);
        }
        return ConfigProvider.getConfig().getOptionalValue(TEST_PORT, Integer.class).orElse(9001);
    }

    /** REST Assured aimed at the management port. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    /** The OpenAPI document, as JSON. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> openApi() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().as(Map.class);
    }
}
