package org.casebridge.security.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user's name, profile and roles must look like. Checked by the application for every way in (the admin
 * API, the demo users), so all problems of a request are reported together.
 */
public final class UserRules {

    public static final int MAX_DISPLAY_NAME = 120;
    public static final int MAX_EMAIL = 254;

    // Deliberately loose: one '@', no spaces, a dot in the domain. Deliverability is the mail server's business.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private UserRules() {
    }

    /** Problems of a new user's data. */
    public static List<Violation> forNewUser(String username, String displayName, String email,
                                             Collection<String> roleNames, String password) {
        List<Violation> violations = new ArrayList<>();
        if (username == null || username.isBlank()) {
            violations.add(new Violation("username", "is required"));
        } else if (!UserAccount.USERNAME.matcher(username).matches()) {
            violations.add(new Violation("username",
                    "must be 3 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter"));
        }
        displayName(displayName, true, violations);
        email(email, true, violations);
        roles(roleNames, true, violations);
        PasswordPolicy.violations(username, password)
                .forEach(message -> violations.add(new Violation("password", message)));
        return violations;
    }

    /** Problems of a partial update; null means "unchanged" and is fine. */
    public static List<Violation> forChanges(String displayName, String email, Collection<String> roleNames) {
        List<Violation> violations = new ArrayList<>();
        displayName(displayName, false, violations);
        email(email, false, violations);
        roles(roleNames, false, violations);
        return violations;
    }

    /** Problems of a new password for {@code username}. */
    public static List<Violation> forPassword(String username, String password) {
        return PasswordPolicy.violations(username, password).stream()
                .map(message -> new Violation("password", message)).toList();
    }

    /**
     * The roles with these names.
     *
     * @throws IllegalArgumentException if a name is unknown (check {@link #forNewUser}/{@link #forChanges} first)
     */
    public static Set<Role> parseRoles(Collection<String> roleNames) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            roles.add(Role.parse(name).orElseThrow(() -> new IllegalArgumentException("unknown role " + name)));
        }
        return roles;
    }

    private static void displayName(String displayName, boolean required, List<Violation> violations) {
        if (displayName == null) {
            if (required) {
                violations.add(new Violation("displayName", "is required"));
            }
        } else if (displayName.isBlank()) {
            violations.add(new Violation("displayName", "must not be blank"));
        } else if (displayName.strip().length() > MAX_DISPLAY_NAME) {
            violations.add(new Violation("displayName", "must have at most " + MAX_DISPLAY_NAME + " characters"));
        }
    }

    private static void email(String email, boolean required, List<Violation> violations) {
        if (email == null) {
            if (required) {
                violations.add(new Violation("email", "is required"));
            }
        } else if (email.strip().length() > MAX_EMAIL) {
            violations.add(new Violation("email", "must have at most " + MAX_EMAIL + " characters"));
        } else if (!EMAIL.matcher(email.strip()).matches()) {
            violations.add(new Violation("email", "must be an e-mail address"));
        }
    }

    private static void roles(Collection<String> roleNames, boolean required, List<Violation> violations) {
        if (roleNames == null) {
            if (required) {
                violations.add(new Violation("roles", "at least one role is required"));
            }
            return;
        }
        if (roleNames.isEmpty()) {
            violations.add(new Violation("roles", "at least one role is required"));
        }
        for (String name : roleNames) {
            Optional<Role> role = Role.parse(name);
            if (role.isEmpty()) {
                violations.add(new Violation("roles", "unknown role '" + name + "' (one of "
                        + List.of(Role.values()) + ")"));
            }
        }
    }
}
