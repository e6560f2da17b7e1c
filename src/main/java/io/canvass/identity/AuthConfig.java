package io.canvass.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sign-in, tokens and the first administrator. */
@ConfigMapping(prefix = "canvass.auth")
public interface AuthConfig {

    /** The {@code iss} of access tokens Canvass issues and accepts. */
    String issuer();

    /** The {@code aud} of access tokens Canvass issues and accepts. */
    String audience();

    /** Lifetime of an access token. */
    @WithDefault("PT15M")
    Duration accessTokenTtl();

    /** Lifetime of a refresh token; each refresh issues a new one with a fresh lifetime. */
    @WithDefault("P30D")
    Duration refreshTokenTtl();

    /** bcrypt cost factor for passwords and service-account secrets (2^cost rounds). */
    @WithDefault("11")
    int bcryptCost();

    /** Slowing down repeated failed sign-ins (the policy is in {@link io.canvass.identity.LoginThrottle}). */
    LoginThrottle loginThrottle();

    /** The first administrator, created on first start with an empty database. */
    Bootstrap bootstrap();

    /** How revoked access tokens reach every replica. */
    Revocation revocation();

    /** One-time invite and password-reset links (identity/AccessLinkService). */
    AccessLinks accessLinks();

    interface AccessLinks {

        /** How long an invite link works: long enough to reach a new colleague who is travelling. */
        @WithDefault("P7D")
        Duration inviteTtl();

        /** How long a password-reset link works. */
        @WithDefault("P1D")
        Duration resetTtl();

        /** How long spent, replaced and expired links are kept (for the audit of who used what) before they are deleted. */
        @WithDefault("P30D")
        Duration retention();
    }

    interface Revocation {

        /**
         * How often each replica reads the revocations made since its last look (by any replica):
         * the longest a revoked access token is still accepted by another replica.
         */
        @WithDefault("2s")
        String pollEvery();

        /** How far back each look reaches, to catch revocations committed late by long transactions. */
        @WithDefault("PT1M")
        Duration overlap();
    }

    /**
     * Failed sign-ins to one account (or service account) from one client address pause that
     * address; failures from all addresses together past a higher ceiling pause the addresses that
     * have failed, never one that has not.
     */
    interface LoginThrottle {

        /** Failures from one address within {@link #window()} after which that address's sign-in to the account pauses. */
        @WithDefault("5")
        int maxFailures();

        /** How long an address's failures are remembered. */
        @WithDefault("PT15M")
        Duration window();

        /** An address's first pause; each further failure doubles it. */
        @WithDefault("PT30S")
        Duration baseDelay();

        /** An address's longest pause. */
        @WithDefault("PT15M")
        Duration maxDelay();

        /** The account across all addresses: a guess spread over many of them. */
        Account account();

        interface Account {

            /** Failures from all addresses within {@link #window()} after which the account pauses for addresses that failed. */
            @WithDefault("20")
            int maxFailures();

            /** How long the account's failures are remembered. */
            @WithDefault("PT1H")
            Duration window();

            /** The account's first pause; each further failure doubles it. */
            @WithDefault("PT1M")
            Duration baseDelay();

            /** The account's longest pause. */
            @WithDefault("PT30M")
            Duration maxDelay();
        }
    }

    interface Bootstrap {

        /** Email of the first admin (env {@code CANVASS_ADMIN_EMAIL}). */
        Optional<String> adminEmail();

        /** Password of the first admin (env {@code CANVASS_ADMIN_PASSWORD}); at least 10 characters. */
        Optional<String> adminPassword();
    }
}
