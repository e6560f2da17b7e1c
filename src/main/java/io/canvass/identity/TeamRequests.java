package io.canvass.identity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the team endpoints. */
@RegisterForReflection
public final class TeamRequests {

    private TeamRequests() {
    }

    @Schema(name = "TeamWrite")
    public record Write(
            @Schema(description = "Parent team; absent for a top-level team") UUID parentId,
            @NotBlank @Size(max = 120) String name,
            @Schema(description = "Defaults to REGION") Team.Kind kind) {
    }

    @Schema(name = "TeamManagers")
    public record Managers(@NotNull @Size(max = 50) Set<@NotNull UUID> userIds) {
    }
}
