package io.canvass.platform;

import static io.canvass.testing.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The filter every API test goes through (io.canvass.testing.OpenApiValidation) refuses an answer
 * that departs from the served document. A server that drifted is played by a filter between it and
 * the validation, which alters the real answer.
 */
@QuarkusTest
class OpenApiValidationTest {

    /** Runs after the validation (closer to the wire) and changes what the server answered. */
    record Drift(UnaryOperator<ResponseBuilder> change) implements OrderedFilter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
            return change.apply(new ResponseBuilder().clone(ctx.next(request, response))).build();
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }

    static String refusal(Drift drift, String path) {
        return assertThrows(AssertionError.class, () -> asAdmin().filter(drift).get(path)).getMessage();
    }

    @Test
    void anUndocumentedStatusFails() {
        String message = refusal(new Drift(r -> r.setStatusCode(418)), "/api/v1/teams");
        assertTrue(message.contains("status 418 is not documented"), message);
    }

    @Test
    void aBodyAgainstItsSchemaFails() {
        String message = refusal(new Drift(r -> r.setBody("{\"items\":\"not a list\"}")), "/api/v1/teams");
        assertTrue(message.contains("/items"), message);
    }

    @Test
    void anUndeclaredContractHeaderFails() {
        String message = refusal(new Drift(r -> {
            Response built = r.build();
            List<Header> headers = new ArrayList<>(built.getHeaders().asList());
            headers.add(new Header("Location", "/api/v1/teams/x"));
            return new ResponseBuilder().clone(built).setHeaders(new Headers(headers));
        }), "/api/v1/teams");
        assertTrue(message.contains("header Location is not documented"), message);
    }

    @Test
    void aRequestTheDocumentRefusesMustBeRefused() {
        // limit is 1–200 in the document; a server that answered 200 to limit=0 would have drifted.
        String message = refusal(new Drift(r -> r.setStatusCode(200).setBody("{\"items\":[]}")
                .setContentType("application/json")), "/api/v1/teams?limit=0");
        assertTrue(message.contains("to a request the document refuses") && message.contains("limit"), message);
    }

    @Test
    void anAnswerAsDocumentedPasses() {
        asAdmin().get("/api/v1/teams").then().statusCode(200);
        asAdmin().get("/api/v1/teams?limit=0").then().statusCode(400);
    }
}
