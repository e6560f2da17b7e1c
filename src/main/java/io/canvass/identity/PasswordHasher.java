package io.canvass.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * bcrypt hashing on a worker thread: it is slow on purpose, so it never runs on the event loop.
 * The result is delivered back on the caller's context.
 */
@ApplicationScoped
public class PasswordHasher {

    /** Compared against when the account does not exist, so both paths take as long. */
    private volatile String decoy;

    @Inject
    Vertx vertx;

    @Inject
    AuthConfig config;

    public Uni<String> hash(String secret) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(secret, config.bcryptCost())));
    }

    /** Whether {@code secret} matches {@code hash}; a null hash is checked against a decoy and fails. */
    public Uni<Boolean> matches(String secret, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            if (hash == null) {
                BcryptUtil.matches(secret, decoy());
                return false;
            }
            return BcryptUtil.matches(secret, hash);
        }));
    }

    private String decoy() {
        if (decoy == null) {
            decoy = BcryptUtil.bcryptHash("decoy-" + System.nanoTime(), config.bcryptCost());
        }
        return decoy;
    }
}
