package io.canvass.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details; `type` is stable per kind of error")
public record Problem(
        @Schema(example = "https://canvass.io/problems/validation") URI type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "email: must be a well-formed email address") String detail,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON path and what is wrong with it. */
    public record FieldError(@Schema(example = "email") String field,
                             @Schema(example = "must be a well-formed email address") String message) {
    }

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, null);
    }

    public static Problem of(ProblemKind kind, String detail, List<FieldError> errors) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, errors);
    }
}
