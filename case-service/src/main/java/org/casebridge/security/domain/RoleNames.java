package org.casebridge.security.domain;

/**
 * The {@link Role} names as compile-time constants, for annotations such as {@code @Secured(RoleNames.ADMIN)}.
 */
public final class RoleNames {

    public static final String LIAISON = "LIAISON";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    private RoleNames() {
    }
}
