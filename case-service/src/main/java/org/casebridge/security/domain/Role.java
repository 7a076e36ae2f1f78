package org.casebridge.security.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user of an agency node may do. A user holds one or more roles; docs/security.md lists what each allows.
 */
public enum Role {
    /** Works cases and evidence requests with partner agencies. */
    LIAISON,
    /** Approves outbound requests (four-eyes) and handles escalations. */
    SUPERVISOR,
    /** Sees statistics and exports, not personal data. */
    ANALYST,
    /** Manages users, the node's configuration and its keys. */
    ADMIN;

    /** The role with this exact name, if there is one. */
    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
