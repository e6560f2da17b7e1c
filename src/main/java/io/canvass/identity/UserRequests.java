package io.canvass.identity;

import io.canvass.platform.Secret;
import io.canvass.platform.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the user endpoints. */
@RegisterForReflection
public final class UserRequests {

    static final String LOCALES = "zh-CN|en";

    private UserRequests() {
    }

    @Schema(name = "UserCreate")
    public record Create(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String displayName,
            @Schema(description = "Leave out to invite the user instead: the answer then holds a one-time invite link with which they set their own password")
            @Secret @Size(min = 10, max = 200) String password,
            @NotNull Role role,
            @Schema(description = "The team the user belongs to; required for reps") UUID teamId,
            @Schema(description = "IANA time zone; defaults to Asia/Shanghai", example = "Asia/Shanghai") @Size(max = 64) String timeZone,
            @Pattern(regexp = LOCALES, message = "must be zh-CN or en") String locale,
            @Size(max = 40) String phone,
            LocalDate hiredOn,
            @Schema(description = "For managers: the teams they manage") Set<UUID> managedTeamIds) {
    }

    @Schema(name = "UserUpdate", description = "Fields to change; absent fields stay as they are")
    public record Update(
            @Size(min = 1, max = 120) String displayName,
            Role role,
            UUID teamId,
            @Size(max = 64) String timeZone,
            @Pattern(regexp = LOCALES, message = "must be zh-CN or en") String locale,
            @Size(max = 40) String phone,
            LocalDate hiredOn,
            Set<UUID> managedTeamIds,
            @Schema(description = "Acts at the finance step of expense claims; only admins change it") Boolean financeApprover) {
    }

    @Schema(name = "ProfileUpdate", description = "Fields of your own profile to change; absent fields stay as they are")
    public record Profile(
            @Size(min = 1, max = 120) String displayName,
            @Size(max = 64) String timeZone,
            @Pattern(regexp = LOCALES, message = "must be zh-CN or en") String locale,
            @Size(max = 40) String phone) {
    }

    @Schema(name = "AccessLinkToken")
    public record LinkToken(@NotBlank @Size(max = 100) String token) {
    }

    @Schema(name = "AccessLinkPassword", description = "The token of an invite or password-reset link and the new password")
    public record LinkPassword(@NotBlank @Size(max = 100) String token,
                               @NotBlank @Size(min = 10, max = 200) String password) {
    }

    @Schema(name = "PasswordChange")
    public record PasswordChange(@Secret @NotBlank @Size(max = 200) String currentPassword,
                                 @Secret @NotBlank @Size(min = 10, max = 200) String newPassword) {
    }
}
