package io.canvass.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The browser security policy of the web app's pages (see src/docs/security.md). */
@ConfigMapping(prefix = "canvass.http.security")
public interface SecurityHeadersConfig {

    /**
     * What the built app needs and nothing more: its own scripts, styles, workers and manifest only
     * (no inline script or style element, no eval), images from itself and from blob: (receipts fetched with the
     * bearer token), requests to its own origin, no plugins, no framing, no base or form elsewhere.
     */
    String STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; "
            + "connect-src 'self'; worker-src 'self'; manifest-src 'self'; media-src 'none'; object-src 'none'; frame-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The Content-Security-Policy of every page, script and asset of the app (everything outside /api and /q).
     * Dev mode widens it for Vite's dev server (style elements it injects, its HMR web socket).
     */
    @WithDefault(STRICT_POLICY)
    String contentSecurityPolicy();
}
