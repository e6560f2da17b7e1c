package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Failures that cannot be provoked through the API in a test (the database going away) still leave as problems. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() {
        Response response = mappers.unexpected(new RuntimeException("query failed", new ConnectException("Connection refused")), null);
        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("5", response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertEquals(ProblemKind.UNAVAILABLE.type(), problem.type());
    }

    @Test
    void aValueTheDatabaseRefusesIsA400NotA500() {
        for (String state : new String[] { "22021", "22P05", "22003", "22007", "22008" }) {
            Response response = mappers.unexpected(new RuntimeException("insert failed",
                    new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", state, null)), null);
            assertEquals(400, response.getStatus(), state);
            Problem problem = (Problem) response.getEntity();
            assertEquals(ProblemKind.VALIDATION.type(), problem.type(), state);
        }
    }

    @Test
    void anUnknownFailureRevealsNothing() {
        Response response = mappers.unexpected(new IllegalStateException("secret internals at line 42"), null);
        assertEquals(500, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("Something went wrong on our side; it has been logged", problem.detail());
    }
}
