package io.canvass.platform.outbound;

/** Where a channel may send. */
public enum Reach {

    /** https to public addresses only: the rule in production. */
    PUBLIC,

    /**
     * Also http and https to loopback addresses, for a receiver on the same machine in tests and
     * benchmarks. Never in production: every other non-public address stays refused all the same.
     */
    PUBLIC_AND_LOOPBACK;

    /** {@link #PUBLIC_AND_LOOPBACK} when a channel's test switch is on, else {@link #PUBLIC}. */
    public static Reach loopbackAllowedIf(boolean testSwitch) {
        return testSwitch ? PUBLIC_AND_LOOPBACK : PUBLIC;
    }
}
