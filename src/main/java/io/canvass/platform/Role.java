package io.canvass.platform;

/** What a caller is; the token carries exactly one. */
public enum Role {
    ADMIN, DIRECTOR, MANAGER, REP, INTEGRATION;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String DIRECTOR_NAME = "DIRECTOR";
    public static final String MANAGER_NAME = "MANAGER";
    public static final String REP_NAME = "REP";
    public static final String INTEGRATION_NAME = "INTEGRATION";
}
