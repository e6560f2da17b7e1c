package io.canvass.identity;

import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;

/** Sign-in for people (email + password) and for service accounts (client credentials). */
@ApplicationScoped
public class AuthService {

    /** The same answer whether the account is unknown, inactive or the password wrong. */
    static final String BAD_CREDENTIALS = "Email or password is incorrect";

    @Inject
    UserRepository users;

    @Inject
    ServiceAccountRepository serviceAccounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenService tokens;

    @WithTransaction
    public Uni<TokenPair> login(String email, String password) {
        String subject = "account:" + email.trim().toLowerCase(Locale.ROOT);
        return throttle.check(subject)
                .chain(() -> users.findByEmail(email.trim()))
                .chain(user -> hasher.matches(password, user == null ? null : user.passwordHash)
                        .map(matches -> matches && user.active && user.role != Role.INTEGRATION ? user : null))
                .chain(user -> user == null
                        ? throttle.recordFailure(subject).chain(() -> Uni.createFrom().failure(ProblemException.unauthorized(BAD_CREDENTIALS)))
                        : throttle.clear(subject).chain(() -> tokens.startChain(user)));
    }

    @WithTransaction
    public Uni<TokenPair> clientCredentials(String clientId, String clientSecret) {
        String subject = "client:" + clientId;
        return throttle.check(subject)
                .chain(() -> serviceAccounts.findByClientId(clientId))
                .chain(credential -> hasher.matches(clientSecret, credential == null ? null : credential.secretHash)
                        .chain(matches -> matches ? users.findById(credential.userId).invoke(u -> credential.lastUsedAt = Instant.now()) : Uni.createFrom().nullItem()))
                .chain(account -> account == null || !account.active
                        ? throttle.recordFailure(subject).chain(() -> Uni.createFrom().failure(ProblemException.unauthorized("Client id or secret is incorrect")))
                        : throttle.clear(subject).map(v -> tokens.accessOnly(account)));
    }
}
