package io.canvass.platform.outbound;

import io.canvass.platform.ProblemException;

/**
 * Why {@link OutboundGuard} will not let a request go to a URL: the reason reads after the name of
 * the field that held it ("url: must be an https URL"). {@link #unresolved()} tells a host that did
 * not resolve (possibly for a moment) from one that is not allowed.
 */
public class OutboundRefused extends RuntimeException {

    private final boolean unresolved;

    OutboundRefused(String reason, boolean unresolved) {
        super(reason, null, false, false);
        this.unresolved = unresolved;
    }

    static OutboundRefused because(String reason) {
        return new OutboundRefused(reason, false);
    }

    /** The host name did not resolve: maybe it never will, maybe the resolver failed for a moment. */
    public boolean unresolved() {
        return unresolved;
    }

    /** As the answer to a request that gave the URL in {@code field}: a 400 naming the field. */
    public ProblemException invalid(String field) {
        return ProblemException.invalid(field, getMessage());
    }
}
