package io.canvass.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.canvass.platform.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the API shows it (never the password hash). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(UUID id, String email, String displayName, Role role, UUID teamId, String timeZone,
                       String locale, String phone, LocalDate hiredOn, boolean active, boolean financeApprover, List<UUID> managedTeamIds,
                       Instant createdAt, int version,
                       @Schema(description = "False until the person has set a password (an invite or a reset link is pending)") boolean passwordSet,
                       @Schema(description = "Only when the user was just created without a password: their invite link") AccessLinkView invite) {

    static UserView of(User u) {
        return of(u, null);
    }

    static UserView of(User u, List<UUID> managedTeamIds) {
        return new UserView(u.id, u.email, u.displayName, u.role, u.teamId, u.timeZone, u.locale, u.phone, u.hiredOn,
                u.active, u.financeApprover, managedTeamIds, u.createdAt, u.version, u.passwordHash != null, null);
    }

    UserView withInvite(AccessLinkView link) {
        return new UserView(id, email, displayName, role, teamId, timeZone, locale, phone, hiredOn, active, financeApprover,
                managedTeamIds, createdAt, version, passwordSet, link);
    }

    /** The audited fields of a user. */
    static Map<String, Object> snapshot(User u) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("email", u.email);
        fields.put("displayName", u.displayName);
        fields.put("role", u.role.name());
        fields.put("teamId", u.teamId);
        fields.put("timeZone", u.timeZone);
        fields.put("locale", u.locale);
        fields.put("phone", u.phone);
        fields.put("hiredOn", u.hiredOn == null ? null : u.hiredOn.toString());
        fields.put("active", u.active);
        fields.put("financeApprover", u.financeApprover);
        return fields;
    }
}
