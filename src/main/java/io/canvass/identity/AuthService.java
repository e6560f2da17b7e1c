package io.canvass.identity;

import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;

/**
 * Sign-in for people (email + password) and for service accounts (client credentials), both slowed
 * down by {@link LoginThrottle} per account and client address. The throttle's statements run
 * before and after the transaction, never while it holds a connection.
 */
@ApplicationScoped
public class AuthService {

    /** The same answer whether the account is unknown, inactive or the password wrong. */
    static final String BAD_CREDENTIALS = "Email or password is incorrect";

    static final String BAD_CLIENT_CREDENTIALS = "Client id or secret is incorrect";

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

    /** The request being served (its client address as Quarkus's proxy settings resolve it). */
    @Inject
    HttpServerRequest request;

    public Uni<TokenPair> login(String email, String password) {
        var attempt = new LoginThrottle.Attempt("account:" + email.trim().toLowerCase(Locale.ROOT), ClientAddress.of(request));
        return throttle.check(attempt)
                .chain(() -> signIn(email, password))
                .chain(signedIn -> settle(attempt, signedIn, BAD_CREDENTIALS));
    }

    public Uni<TokenPair> clientCredentials(String clientId, String clientSecret) {
        var attempt = new LoginThrottle.Attempt("client:" + clientId, ClientAddress.of(request));
        return throttle.check(attempt)
                .chain(() -> exchange(clientId, clientSecret))
                .chain(issued -> settle(attempt, issued, BAD_CLIENT_CREDENTIALS));
    }

    /** A token pair for a person whose password matches, null otherwise. */
    @WithTransaction
    Uni<TokenPair> signIn(String email, String password) {
        return users.findByEmail(email.trim())
                .chain(user -> hasher.matches(password, user == null ? null : user.passwordHash)
                        .map(matches -> matches && user.active && user.role != Role.INTEGRATION ? user : null))
                .chain(user -> user == null ? Uni.createFrom().<TokenPair>nullItem() : tokens.startChain(user));
    }

    /** An access token for an active service account whose secret matches, null otherwise. */
    @WithTransaction
    Uni<TokenPair> exchange(String clientId, String clientSecret) {
        return serviceAccounts.findByClientId(clientId)
                .chain(credential -> hasher.matches(clientSecret, credential == null ? null : credential.secretHash)
                        .chain(matches -> matches ? users.findById(credential.userId).invoke(u -> credential.lastUsedAt = Instant.now()) : Uni.createFrom().<User>nullItem()))
                .map(account -> account == null || !account.active ? null : tokens.accessOnly(account));
    }

    private Uni<TokenPair> settle(LoginThrottle.Attempt attempt, TokenPair issued, String refusal) {
        if (issued == null) {
            return throttle.recordFailure(attempt)
                    .chain(() -> Uni.createFrom().failure(ProblemException.unauthorized(refusal)));
        }
        return throttle.recordSuccess(attempt)
                .replaceWith(issued);
    }
}
