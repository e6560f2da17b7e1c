package io.canvass.identity;

import io.canvass.platform.Ids;
import io.canvass.platform.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * On first start with an empty database, creates the first admin from CANVASS_ADMIN_EMAIL and
 * CANVASS_ADMIN_PASSWORD. In production, starting with neither an admin nor these settings fails.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    /** Runs before demo data and anything else that needs users. */
    public static final int PRIORITY = 10;

    @Inject
    AuthConfig config;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::ensureAdmin));
    }

    Uni<Void> ensureAdmin() {
        return users.lockAdminBootstrap().chain(users::countActiveAdmins).chain(admins -> {
            if (admins > 0) {
                return Uni.createFrom().voidItem();
            }
            String email = config.bootstrap().adminEmail().filter(s -> !s.isBlank()).orElse(null);
            String password = config.bootstrap().adminPassword().filter(s -> !s.isBlank()).orElse(null);
            if (email == null || password == null) {
                if (LaunchMode.current() == LaunchMode.NORMAL) {
                    throw new IllegalStateException(
                            "No admin exists yet: set CANVASS_ADMIN_EMAIL and CANVASS_ADMIN_PASSWORD for the first start");
                }
                LOG.warn("No admin exists and CANVASS_ADMIN_EMAIL / CANVASS_ADMIN_PASSWORD are not set");
                return Uni.createFrom().voidItem();
            }
            if (password.length() < 10) {
                throw new IllegalStateException("CANVASS_ADMIN_PASSWORD must have at least 10 characters");
            }
            return hasher.hash(password).chain(hash -> {
                User admin = new User();
                admin.id = Ids.newId();
                admin.email = email.trim();
                admin.displayName = "Administrator";
                admin.passwordHash = hash;
                admin.role = Role.ADMIN;
                admin.timeZone = UserService.DEFAULT_TIME_ZONE;
                admin.locale = "en";
                return users.persist(admin);
            }).invoke(admin -> LOG.infof("Created the first admin %s", admin.email)).replaceWithVoid();
        });
    }
}
