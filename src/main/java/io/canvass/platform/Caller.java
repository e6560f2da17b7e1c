package io.canvass.platform;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the verified access token says. */
@RequestScoped
public class Caller {

    /** Claim with the caller's own team, when they belong to one. */
    public static final String TEAM_CLAIM = "team";

    /** Claim with the caller's time zone (the OpenID Connect name for it). */
    public static final String ZONE_CLAIM = "zoneinfo";

    @Inject
    JsonWebToken jwt;

    public UUID id() {
        if (jwt == null || jwt.getSubject() == null) {
            throw new UnauthorizedException();
        }
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException();
        }
    }

    public Role role() {
        return jwt.getGroups().stream()
                .map(group -> {
                    try {
                        return Role.valueOf(group);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow(UnauthorizedException::new);
    }

    /** The caller's time zone as of their token; Asia/Shanghai when the token does not say. */
    public java.time.ZoneId zone() {
        Object zone = jwt.getClaim(ZONE_CLAIM);
        try {
            return zone == null ? DEFAULT_ZONE : java.time.ZoneId.of(zone.toString());
        } catch (java.time.DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    private static final java.time.ZoneId DEFAULT_ZONE = java.time.ZoneId.of("Asia/Shanghai");

    public Optional<UUID> teamId() {
        return Optional.ofNullable(jwt.<Object>getClaim(TEAM_CLAIM)).map(Object::toString).map(UUID::fromString);
    }
}
