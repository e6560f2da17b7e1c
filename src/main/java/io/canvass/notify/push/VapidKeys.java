package io.canvass.notify.push;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.jboss.logging.Logger;

/**
 * The application server's VAPID key pair (RFC 8292). Production reads it from configuration
 * (start-up stops in {@code CanvassMain} when push is enabled and it is missing); dev mode and
 * tests generate one at start, so devices subscribed in an earlier dev run must subscribe again.
 */
@Startup
@ApplicationScoped
public class VapidKeys {

    private static final Logger LOG = Logger.getLogger(VapidKeys.class);

    private final KeyPair keys;
    private final String publicKey;

    public VapidKeys(PushConfig config) {
        if (config.vapidPublicKey().isPresent() && config.vapidPrivateKey().isPresent()) {
            keys = WebPushCrypto.keyPair(WebPushCrypto.base64Url(config.vapidPrivateKey().get()),
                    WebPushCrypto.base64Url(config.vapidPublicKey().get()));
        } else if (LaunchMode.current() == LaunchMode.NORMAL && config.enabled()) {
            throw new IllegalStateException("Web Push is enabled but CANVASS_PUSH_VAPID_PUBLIC_KEY and "
                    + "CANVASS_PUSH_VAPID_PRIVATE_KEY are not set (or set CANVASS_PUSH_ENABLED=false)");
        } else {
            keys = WebPushCrypto.generateKeyPair();
            if (config.enabled()) {
                LOG.info("Web Push: no VAPID key pair configured; generated one for this run");
            }
        }
        publicKey = WebPushCrypto.base64Url(WebPushCrypto.rawPublic((ECPublicKey) keys.getPublic()));
        if (!config.enabled()) {
            LOG.info("Web Push is disabled (canvass.push.enabled=false): reminders go to the in-app inbox only");
        }
    }

    /** The public key as browsers take it for {@code applicationServerKey}: base64url of the raw point. */
    public String publicKey() {
        return publicKey;
    }

    ECPrivateKey privateKey() {
        return (ECPrivateKey) keys.getPrivate();
    }
}
